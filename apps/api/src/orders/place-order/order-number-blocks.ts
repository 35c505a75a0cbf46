import { Injectable } from '@nestjs/common';
import { type CommandMetadata, ORDER_NUMBERS_STREAM, orderNumberBlocksDecider } from '@ledger/domain';
import { DecisionLoop } from '../../shared/decision-loop.js';

/** Numbers per reservation: one append to the shared `order-numbers` stream per this many orders. */
export const ORDER_NUMBER_BLOCK_SIZE = 100;

/**
 * Hands out order numbers from blocks this process reserved on `order-numbers` (hi-lo), so the
 * stream every tenant shares is written once per block, not once per order. Numbers ascend within
 * the process; what is left of its block when it stops is never given (order numbers have gaps).
 */
@Injectable()
export class OrderNumberBlocks {
  private next = 0;
  /** One past the last number of the current block. */
  private end = 0;
  /** The reservation under way: orders that find the block used up all wait for this one. */
  private reserving: Promise<void> | undefined;

  constructor(private readonly loop: DecisionLoop) {}

  /** The next number. A reservation it makes records `metadata`: the order that needed it. */
  async take(metadata: CommandMetadata): Promise<string> {
    while (this.next >= this.end) {
      this.reserving ??= this.reserve(metadata).finally(() => (this.reserving = undefined));
      await this.reserving;
    }
    return String(this.next++);
  }

  private async reserve(metadata: CommandMetadata): Promise<void> {
    const { events } = await this.loop.run(ORDER_NUMBERS_STREAM, orderNumberBlocksDecider, {
      type: 'ReserveOrderNumbers',
      data: { count: ORDER_NUMBER_BLOCK_SIZE },
      metadata,
    });
    const [reserved] = events;
    if (reserved?.type !== 'OrderNumbersReserved')
      throw new Error('reserving order numbers recorded no block');
    this.next = reserved.data.first;
    this.end = reserved.data.first + reserved.data.count;
  }
}
