import type { Command, CommandMetadata } from '../shared/decider.js';

export const metadata = (overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  actor: 'admin@rs-vertical',
  role: 'reseller-admin',
  now: '2023-10-24T13:18:11.000Z',
  correlationId: 'correlation-1',
  causationId: 'command-1',
  ...overrides,
});

/** Builds a command with test metadata: `command<ChangePackage>('ChangePackage', {...})`. */
export const command = <C extends Command>(type: C['type'], data: C['data'], overrides: Partial<CommandMetadata> = {}): C =>
  ({ type, data, metadata: metadata(overrides) }) as C;
