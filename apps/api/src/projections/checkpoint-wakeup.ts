import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NotificationListener, Wakeup } from '@ledger/event-store';
import type { Database } from '../store/open-database.js';
import { DATABASE } from '../store/store.tokens.js';
import { CHECKPOINTS_CHANNEL } from './checkpoints.js';

/**
 * Wakes the reads that wait for a read model to reach their `minPosition` as soon as a checkpoint
 * commits, instead of having them poll: a projector in this process wakes it directly, one in any
 * other process through PostgreSQL's NOTIFY (sent by the checkpoint's own transaction). The
 * embedded engine has no connection to spare for LISTEN, and its projector is always in-process.
 */
@Injectable()
export class CheckpointWakeup implements OnApplicationShutdown {
  private readonly wakeup = new Wakeup();
  private readonly listener: NotificationListener | undefined;

  constructor(@Inject(DATABASE) database: Database) {
    this.listener = database.embedded
      ? undefined
      : new NotificationListener({ connectionString: database.url }, CHECKPOINTS_CHANNEL, () => this.wakeup.wake());
  }

  get generation(): number {
    this.listener?.ensureListening();
    return this.wakeup.generation;
  }

  wake(): void {
    this.wakeup.wake();
  }

  /** Resolves on a checkpoint committed after `seen`, or after `timeoutMs` (the fallback if a notification is lost). */
  wait(seen: number, timeoutMs: number): Promise<void> {
    return this.wakeup.wait(seen, timeoutMs, new AbortController().signal);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.close();
  }
}
