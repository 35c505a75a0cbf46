import { customerStream, type LedgerEvent } from '@ledger/domain';
import type { JsonObject } from '@ledger/event-store';
import { expect } from 'vitest';
import { type DocumentReadModel, foldDocument } from '../document-projection.js';
import type { ProjectedEvent } from '../projection.js';

/** Domain events as a customer stream records them: positions from `from`, one minute apart. */
export const recorded = (events: readonly LedgerEvent[], { customerId = 'C000000150', from = 1 } = {}): ProjectedEvent[] =>
  events.map((event, index) => ({
    position: from + index,
    streamId: customerStream(customerId),
    type: event.type,
    data: event.data as unknown as JsonObject,
    metadata: {},
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, from + index)).toISOString(),
    event,
  }));

/**
 * The rows a read model shows after folding `events`, table by table, in the order the documents
 * first appear; only the documents `of` touches when given.
 */
export function rowsAfter<Id extends object, Doc>(
  model: DocumentReadModel<Id, Doc>,
  events: readonly ProjectedEvent[],
  of: readonly ProjectedEvent[] = events,
): Record<string, object[]> {
  const wanted = new Set(of.flatMap((event) => model.documentsOf(event).map((id) => JSON.stringify(id))));
  const byDocument = new Map<string, { id: Id; events: ProjectedEvent[] }>();
  for (const event of events) {
    for (const id of model.documentsOf(event)) {
      const key = JSON.stringify(id);
      byDocument.set(key, { id, events: [...(byDocument.get(key)?.events ?? []), event] });
    }
  }
  const documents = [...byDocument]
    .filter(([key]) => wanted.has(key))
    .map(([, { id, events: mine }]) => ({ id, document: foldDocument(model, mine) }));
  return Object.fromEntries(
    model.tables.map((table) => [table.spec.table, documents.flatMap(({ id, document }) => (document ? table.rowsOf(document, id) : []))]),
  );
}

/**
 * `readModelSpec(model)(given).when(events).then({ table: rows })`: the read model's meaning with no
 * database. `then` checks the named tables' rows of the documents the `when` events touch (each row as a subset
 * of the columns given), and
 * that the stored rows fold to the same: wherever a batch ends, a document read back from its rows
 * (documentOf) and given the rest of the events ends with the same rows as one folded in memory.
 */
export const readModelSpec =
  <Id extends object, Doc>(model: DocumentReadModel<Id, Doc>) =>
  (given: readonly ProjectedEvent[] = []) => ({
    when: (...events: ProjectedEvent[]) => ({
      then: (expected: Record<string, readonly object[]>): void => {
        const rows = rowsAfter(model, [...given, ...events]);
        const touched = rowsAfter(model, [...given, ...events], events);
        for (const [table, want] of Object.entries(expected)) {
          expect(touched[table], table).toEqual(want.map((row) => expect.objectContaining(row)));
        }
        const all = [...given, ...events];
        for (let split = 1; split < all.length; split++) {
          const resumed = resumedFromRows(model, all.slice(0, split), all.slice(split));
          expect(resumed, `the same rows with a batch boundary after event ${split}`).toEqual(sortedByKey(model, rows));
        }
      },
    }),
  });

/** Each table's rows in key order. */
function sortedByKey<Id extends object, Doc>(model: DocumentReadModel<Id, Doc>, rows: Record<string, object[]>): Record<string, object[]> {
  const keyOf = (key: readonly string[]) => (row: object) => JSON.stringify(key.map((column) => (row as Record<string, unknown>)[column]));
  return Object.fromEntries(
    model.tables.map(({ spec }) => {
      const key = keyOf(spec.key);
      return [spec.table, [...new Map((rows[spec.table] ?? []).map((row) => [key(row), row])).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row)];
    }),
  );
}

/**
 * Folds `given`, stores it as rows, reads the documents back from the rows a batch would load and
 * folds `events` on: what a batch boundary does. Rows outside a table's `where` stay as stored.
 */
function resumedFromRows<Id extends object, Doc>(model: DocumentReadModel<Id, Doc>, given: readonly ProjectedEvent[], events: readonly ProjectedEvent[]) {
  const same = (a: Id, b: Id) => JSON.stringify(a) === JSON.stringify(b);
  const ids = new Map<string, Id>();
  for (const event of [...given, ...events]) for (const id of model.documentsOf(event)) ids.set(JSON.stringify(id), id);
  const tables: Record<string, object[]> = Object.fromEntries(model.tables.map(({ spec }) => [spec.table, []]));
  for (const id of ids.values()) {
    const mine = (list: readonly ProjectedEvent[]) => list.filter((e) => model.documentsOf(e).some((other) => same(other, id)));
    const before = foldDocument(model, mine(given));
    // Through JSON, as PostgreSQL returns stored rows.
    const storedRows = model.tables.map((table) => (before ? (JSON.parse(JSON.stringify(table.rowsOf(before, id))) as object[]) : []));
    const loaded = model.tables.map((table, index) => (storedRows[index] ?? []).filter(storedBy(table.where)));
    const after = foldDocument(model, mine(events), model.documentOf(id, loaded));
    model.tables.forEach((table, index) => {
      const kept = (storedRows[index] ?? []).filter((row) => !storedBy(table.where)(row));
      tables[table.spec.table]?.push(...kept, ...(after ? table.rowsOf(after, id) : []));
    });
  }
  return sortedByKey(model, tables);
}

/** The one row condition the read models use (open periods); any other would need teaching here. */
const storedBy = (where: string | undefined) => (row: object) => {
  if (where === undefined) return true;
  if (where === 'to_at IS NULL') return (row as { toAt?: unknown }).toAt === null;
  throw new Error(`readModelSpec cannot evaluate the condition ${where}`);
};
