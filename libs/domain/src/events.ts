/** Every event the ledger records, their schema versions, and the envelope that records them. */
import type { InvoiceImported } from './billing/import-invoice.js';
import type { PackageAdded } from './catalog/catalog.js';
import type { CustomerEvent } from './licensing/events.js';
import type { OrderNumbersReserved } from './orders/order-number-blocks.js';
import type { OrderNumberClaimed } from './orders/order-number-claim.js';
import type { OrderNumberAssigned } from './orders/order-numbers.js';
import type { ResellerRegistered } from './resellers/reseller.js';
import type { CommandMetadata, EventMetadata } from './shared/decider.js';
import { UnknownEventType, UnsupportedEventVersion } from './shared/errors.js';

export type LedgerEvent =
  | CustomerEvent
  | PackageAdded
  | ResellerRegistered
  | OrderNumberAssigned
  | OrderNumbersReserved
  | OrderNumberClaimed
  | InvoiceImported;
export type LedgerEventType = LedgerEvent['type'];

/** The current schema version of each event type; bump one and teach `upcast` the old shape. */
export const SCHEMA_VERSION: { readonly [T in LedgerEventType]: number } = {
  CustomerRegistered: 1,
  OrderPlaced: 1,
  LicenseOrdered: 1,
  LicenseReturned: 1,
  OrderItemRemoved: 1,
  OrderSubmitted: 1,
  OrderApproved: 1,
  OrderRejected: 1,
  OrderCancelled: 1,
  OrderFinalConfirmed: 1,
  UserAdded: 1,
  PackageChanged: 1,
  UserRemoved: 1,
  PackageAdded: 1,
  ResellerRegistered: 1,
  OrderNumberAssigned: 1,
  OrderNumbersReserved: 1,
  OrderNumberClaimed: 1,
  InvoiceImported: 1,
};

export const LEDGER_EVENT_TYPES = Object.keys(SCHEMA_VERSION) as readonly LedgerEventType[];

const OTHER_STREAMS: readonly LedgerEventType[] = [
  'PackageAdded',
  'ResellerRegistered',
  'OrderNumberAssigned',
  'OrderNumbersReserved',
  'OrderNumberClaimed',
  'InvoiceImported',
];

/** The types a customer stream holds (the account's own events and its orders'). */
export const CUSTOMER_EVENT_TYPES = LEDGER_EVENT_TYPES.filter((type) => !OTHER_STREAMS.includes(type)) as readonly CustomerEvent['type'][];

const isLedgerEventType = (type: string): type is LedgerEventType => Object.hasOwn(SCHEMA_VERSION, type);

/** Reads a stored event of any version as the current shape. Every type is at version 1, so today this is the identity. */
export const upcast = (type: string, version: number, data: unknown): LedgerEvent => {
  if (!isLedgerEventType(type)) throw UnknownEventType({ eventType: type });
  const current = SCHEMA_VERSION[type];
  if (version !== current) throw UnsupportedEventVersion({ eventType: type, version, current });
  return { type, data } as LedgerEvent;
};

/**
 * Reads a recorded event: its schema version is the one its metadata names (version 1 for an
 * event stored without one).
 */
export const readRecorded = (recorded: { readonly type: string; readonly data: unknown; readonly metadata: { readonly [key: string]: unknown } }): LedgerEvent =>
  upcast(recorded.type, typeof recorded.metadata.schemaVersion === 'number' ? recorded.metadata.schemaVersion : 1, recorded.data);

export interface EventEnvelope<E extends LedgerEvent = LedgerEvent> {
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
}

/** Every recorded fact says who did it (actor, role), when, and why (correlation and causation ids). */
export const toEnvelope = <E extends LedgerEvent>(event: E, command: CommandMetadata): EventEnvelope<E> => ({
  type: event.type,
  data: event.data,
  metadata: {
    actor: command.actor,
    role: command.role,
    occurredAt: command.now,
    correlationId: command.correlationId,
    causationId: command.causationId,
    schemaVersion: SCHEMA_VERSION[event.type],
  },
});
