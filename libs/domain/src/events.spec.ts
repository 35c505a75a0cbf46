import { describe, expect, it } from 'vitest';
import { CUSTOMER_EVENT_TYPES, LEDGER_EVENT_TYPES, readRecorded, SCHEMA_VERSION, toEnvelope, upcast } from './events.js';
import { domainErrorOf } from './testing/given-when-then.js';
import { metadata } from './testing/metadata.js';

describe('recorded facts', () => {
  it('every recorded fact carries actor, role, correlation and causation ids', () => {
    const event = { type: 'UserRemoved', data: { customerId: 'C000000150', extension: 297, name: '9240 Demo', package: 'Basic User With VM' } } as const;
    const meta = metadata({ actor: 'manager@vertical', role: 'customer-manager', now: '2023-10-24T13:18:11Z', correlationId: 'c-9', causationId: 'cmd-9' });
    expect(toEnvelope(event, meta)).toEqual({
      type: 'UserRemoved',
      data: event.data,
      metadata: { actor: 'manager@vertical', role: 'customer-manager', occurredAt: '2023-10-24T13:18:11Z', correlationId: 'c-9', causationId: 'cmd-9', schemaVersion: 1 },
    });
  });

  it('versions every event type, all at 1 today', () => {
    expect(LEDGER_EVENT_TYPES).toHaveLength(19);
    expect(new Set(Object.values(SCHEMA_VERSION))).toEqual(new Set([1]));
  });

  it('lists the types of a customer stream: every type but the catalog, reseller, order-number and invoice streams\'', () => {
    expect(CUSTOMER_EVENT_TYPES).toHaveLength(13);
    expect(CUSTOMER_EVENT_TYPES).toEqual(expect.arrayContaining(['CustomerRegistered', 'OrderFinalConfirmed', 'PackageChanged']));
    expect(CUSTOMER_EVENT_TYPES).not.toContain('ResellerRegistered');
  });

  it('upcasts a stored current-version event as it is', () => {
    const data = { orderNo: '500001', customerId: 'C000000150' };
    expect(upcast('OrderNumberAssigned', 1, data)).toEqual({ type: 'OrderNumberAssigned', data });
  });

  it('reads a recorded event at the schema version its metadata names, 1 when it names none', () => {
    const data = { orderNo: '500001', customerId: 'C000000150' };
    expect(readRecorded({ type: 'OrderNumberAssigned', data, metadata: {} })).toEqual({ type: 'OrderNumberAssigned', data });
    expect(domainErrorOf(() => readRecorded({ type: 'OrderNumberAssigned', data, metadata: { schemaVersion: 2 } })).type).toBe(
      'unsupported-event-version',
    );
  });

  it('refuses an unknown event type or a version it cannot read', () => {
    expect(domainErrorOf(() => upcast('Nope', 1, {})).type).toBe('unknown-event-type');
    expect(domainErrorOf(() => upcast('UserAdded', 2, {})).type).toBe('unsupported-event-version');
  });
});
