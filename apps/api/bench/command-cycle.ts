import { actors, confirmedOrder, item, onboard, VERTICAL_DEMO } from '../src/testing/seed-fixtures.js';
import type { Caller, TestApp, TestResponse } from '../src/testing/test-app.js';

const BASIC = 'Basic User With VM';
const PREMIUM = 'Premium iPECS ONE USER';

export const customerIdOf = (client: number): string => `C${String(300_000 + client).padStart(9, '0')}`;

/** The operator's onboarding, then one customer per client holding a license of each package it cycles through. */
export async function seedCustomers(app: TestApp, count: number): Promise<Caller> {
  await onboard(app);
  const who = await actors(app);
  for (let client = 0; client < count; client++) {
    const customerId = customerIdOf(client);
    const registered = await who.admin.post('/api/customers', {
      ...VERTICAL_DEMO,
      customerId,
      name: `Load ${client}`,
    });
    if (registered.status !== 201)
      throw new Error(`customer ${customerId}: ${registered.status} ${JSON.stringify(registered.body)}`);
    await confirmedOrder(who, customerId, [item(BASIC, 1), item(PREMIUM, 1)]);
  }
  return who.admin;
}

export type Command = (caller: Caller) => Promise<TestResponse<{ position?: number }>>;

/**
 * One customer's commands, lap after lap: add a user, move it to Premium, place an order, remove the
 * user. Each lap leaves the licenses as it found them, so every command of every lap succeeds, and
 * one client per customer never conflicts with another on the customer's stream.
 */
export function* commandCycle(customerId: string): Generator<Command, never> {
  const users = `/api/customers/${customerId}/users`;
  const order = {
    customerId,
    title: 'Load order',
    type: 'Change',
    changeDate: '2023-10-24',
    items: [item(BASIC, 1)],
  };
  for (let lap = 0; ; lap++) {
    const extension = 100 + (lap % 200);
    const user = {
      extension,
      name: `User ${extension}`,
      site: VERTICAL_DEMO.sites[0]?.name,
      portalId: `${extension}@load.example`,
      email: `u${extension}@example.com`,
      package: BASIC,
    };
    yield (caller) => caller.post(users, user);
    yield (caller) => caller.post(`${users}/${extension}/package`, { package: PREMIUM });
    yield (caller) => caller.post('/api/orders', order);
    yield (caller) => caller.delete(`${users}/${extension}`);
  }
}

const CONFLICT = '/api/problems/concurrency-conflict';
const ATTEMPTS = 10;

/**
 * Sends `command`, again while it answers 409 concurrency-conflict (as the problem says to):
 * concurrent clients race on a customer's stream. Returns the last answer and how many conflicts it took.
 */
export async function sendRetrying(
  command: Command,
  caller: Caller,
): Promise<{ response: Awaited<ReturnType<Command>>; conflicts: number }> {
  for (let conflicts = 0; ; conflicts++) {
    const response = await command(caller);
    const type = (response.body as { type?: unknown }).type;
    if (response.status !== 409 || type !== CONFLICT || conflicts + 1 >= ATTEMPTS)
      return { response, conflicts };
  }
}
