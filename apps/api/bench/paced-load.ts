import { setTimeout as sleep } from 'node:timers/promises';

export interface Pace {
  /** Commands per second asked for, over all clients. */
  readonly rate: number;
  readonly seconds: number;
  readonly clients: number;
}

export interface Ack {
  readonly status: number;
  readonly position: number | undefined;
  /** performance.now() when the answer arrived. */
  readonly at: number;
  readonly latencyMs: number;
}

/**
 * Sends commands on a fixed schedule, `rate` per second, for `seconds`: each client (one command
 * at a time) takes the next free slot and waits for its time, or starts at once when the slot is
 * already past. Open loop: slow answers do not lower the rate asked for, they show in the rate
 * achieved. `onAck` is told each answer as it arrives.
 */
export async function drivePaced(
  pace: Pace,
  send: (client: number) => Promise<Omit<Ack, 'at' | 'latencyMs'>>,
  onAck: (ack: Ack) => void,
): Promise<Ack[]> {
  const started = performance.now();
  const end = started + pace.seconds * 1000;
  const acks: Ack[] = [];
  let slot = 0;
  const client = async (id: number) => {
    for (;;) {
      const due = started + (slot++ * 1000) / pace.rate;
      if (due >= end || performance.now() >= end) return;
      if (due > performance.now()) await sleep(due - performance.now());
      const sentAt = performance.now();
      const answer = await send(id);
      const at = performance.now();
      const ack = { ...answer, at, latencyMs: at - sentAt };
      acks.push(ack);
      onAck(ack);
    }
  };
  await Promise.all(Array.from({ length: pace.clients }, (_, id) => client(id)));
  return acks;
}
