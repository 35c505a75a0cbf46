import type { ProjectedEvent, Projection } from './projection.js';
import { RowSet, type Sql, type TableSpec } from './row-set.js';

/**
 * A read model in Emmett's projection style: each event changes some documents (an order, a
 * customer's inventory, a user), and `evolve` is a pure function from a document and an event to
 * the next document. The read model's whole meaning is that function and how a document is shown
 * as table rows; loading, folding and writing are the same for every read model (`documentProjection`).
 */
export interface DocumentReadModel<Id extends object, Doc> {
  readonly name: string;
  /** The event types it reads; one of them it cannot read faults it, any other passes by. */
  readonly eventTypes: readonly string[];
  /** The documents an event changes (none for an event the read model does not care about). */
  documentsOf(event: ProjectedEvent): readonly Id[];
  /** The document after the event; null when there is none (not yet, or not any more). */
  evolve(document: Doc | null, event: ProjectedEvent): Doc | null;
  readonly tables: readonly DocumentTable<Id, Doc>[];
  /** The document back from its stored rows, one array per table in `tables` order; null when there are none. */
  documentOf(id: Id, rows: readonly (readonly object[])[]): Doc | null;
}

/** One table a document is shown in: the rows it owns there, found by the id's columns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a document's tables each have their own row type
export interface DocumentTable<Id extends object, Doc, Row extends object = any> {
  readonly spec: TableSpec<Row>;
  /** The columns holding the document's id, named as in Id: the same in every table of the read model. */
  readonly idColumns: readonly (keyof Id & keyof Row & string)[];
  /** Rows outside this condition stay as they are (e.g. closed history) and are neither loaded nor removed. */
  readonly where?: string;
  rowsOf(document: Doc, id: Id): Row[];
}

/** A document's id as one string, its fields in the read model's id column order (ids are small: one or two fields). */
const keyOf =
  (columns: readonly string[]) =>
  (id: object): string => {
    const fields = id as Record<string, unknown>;
    return columns.length === 1 ? String(fields[columns[0] ?? '']) : JSON.stringify(columns.map((column) => fields[column]));
  };

const sameRow = (a: object, b: object): boolean => {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const column of Object.keys(left)) if (!Object.is(left[column], right[column])) return false;
  return true;
};

/** What one batch does to one table: rows loaded, then the changed documents' rows written back. */
class TableBatch<Id extends object, Doc> {
  readonly rows: RowSet<Record<string, unknown>>;

  constructor(readonly table: DocumentTable<Id, Doc>) {
    this.rows = new RowSet(table.spec);
  }

  async load(sql: Sql, ids: readonly Id[]): Promise<void> {
    await this.rows.load(sql, this.table.idColumns, ids as readonly Record<string, unknown>[], this.table.where);
  }

  /** The loaded rows per document. */
  byDocument(idKey: (id: object) => string): Map<string, object[]> {
    const grouped = new Map<string, object[]>();
    for (const row of this.rows.all()) {
      const key = idKey(row);
      const rows = grouped.get(key);
      if (rows) rows.push(row);
      else grouped.set(key, [row]);
    }
    return grouped;
  }

  /** Writes the rows that changed between the document before and after; removes the ones it no longer has. */
  write(id: Id, before: Doc | null, after: Doc | null): void {
    const old = new Map((before ? this.table.rowsOf(before, id) : []).map((row) => [this.rows.keyOf(row), row]));
    for (const row of after ? this.table.rowsOf(after, id) : []) {
      const key = this.rows.keyOf(row);
      const previous = old.get(key);
      old.delete(key);
      if (!previous || !sameRow(row, previous)) this.rows.put(row);
    }
    for (const gone of old.values()) this.rows.remove(gone);
  }
}

/** The read model as the projector runs it: load the batch's documents, fold its events, write what changed. */
export function documentProjection<Id extends object, Doc>(model: DocumentReadModel<Id, Doc>): Projection {
  const idKey = keyOf(model.tables[0]?.idColumns ?? []);
  return {
    name: model.name,
    eventTypes: model.eventTypes,
    tables: model.tables.map((t) => t.spec.table),
    async apply(events, sql) {
      // Each event's documents, found once: [event, key, id] in event order.
      const changes: [ProjectedEvent, string, Id][] = [];
      const touched = new Map<string, Id>();
      for (const event of events) {
        for (const id of model.documentsOf(event)) {
          const key = idKey(id);
          changes.push([event, key, id]);
          touched.set(key, id);
        }
      }
      if (touched.size === 0) return;
      const tables = model.tables.map((table) => new TableBatch(table));
      for (const table of tables) await table.load(sql, [...touched.values()]);
      const stored = tables.map((table) => table.byDocument(idKey));
      const before = new Map<string, Doc | null>();
      for (const [key, id] of touched) before.set(key, model.documentOf(id, stored.map((rows) => rows.get(key) ?? [])));
      const after = new Map(before);
      for (const [event, key] of changes) after.set(key, model.evolve(after.get(key) ?? null, event));
      for (const [key, id] of touched) {
        const [was, is] = [before.get(key) ?? null, after.get(key) ?? null];
        if (was !== is) for (const table of tables) table.write(id, was, is);
      }
      for (const table of tables) await table.rows.flush(sql);
    },
  };
}

/** Folds events into one document with a read model's evolve: what its specs check, with no database. */
export const foldDocument = <Id extends object, Doc>(model: DocumentReadModel<Id, Doc>, events: readonly ProjectedEvent[], start: Doc | null = null): Doc | null =>
  events.reduce<Doc | null>((document, event) => model.evolve(document, event), start);
