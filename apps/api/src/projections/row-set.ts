import type pg from 'pg';

/** The PostgreSQL array element types the batch writes cast their parameters to. */
export type ColumnType = 'text' | 'int4' | 'int8' | 'numeric' | 'date' | 'timestamptz' | 'jsonb';

export interface TableSpec<Row extends object> {
  readonly table: string;
  readonly key: readonly (keyof Row & string)[];
  /** Every written column (generated ones are left out), by its camelCase name. */
  readonly columns: { readonly [K in keyof Row & string]: ColumnType };
}

export type Sql = pg.ClientBase;

/** Remembers a name conversion: it runs for every column of every row, and the names are few. */
const memoized = (convert: (name: string) => string) => {
  const known = new Map<string, string>();
  return (name: string): string => {
    let converted = known.get(name);
    if (converted === undefined) known.set(name, (converted = convert(name)));
    return converted;
  };
};

const snake = memoized((name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const camel = memoized((name) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));

/**
 * The rows as one jsonb parameter, expanded by `jsonb_to_recordset` into typed columns: one
 * JSON.stringify and one parse on the server, whatever the number of rows and columns.
 */
export function recordsetOf<Row extends object>(
  spec: TableSpec<Row>,
  columns: readonly (keyof Row & string)[],
  rows: readonly Partial<Row>[],
  param = 1,
): { readonly sql: string; readonly params: unknown[] } {
  const records = rows.map((row) => Object.fromEntries(columns.map((c) => [snake(c), row[c] ?? null])));
  const definition = columns.map((c) => `${snake(c)} ${spec.columns[c]}`).join(', ');
  return { sql: `(SELECT ${columns.map(snake).join(', ')} FROM jsonb_to_recordset($${param}::jsonb) AS x(${definition}))`, params: [JSON.stringify(records)] };
}

/**
 * The rows of one table that a batch reads and writes: loaded with one query, changed in memory
 * while the batch's events are applied, written back with one multi-row upsert and one delete.
 */
export class RowSet<Row extends object> {
  private readonly rows = new Map<string, Row>();
  private readonly dirty = new Set<string>();
  private readonly removed = new Map<string, Row>();

  constructor(private readonly spec: TableSpec<Row>) {}

  keyOf(row: Partial<Row>): string {
    return JSON.stringify(this.spec.key.map((k) => row[k]));
  }

  /** Loads the rows whose `by` columns match one of `tuples` (plus an optional SQL condition). */
  async load(sql: Sql, by: readonly (keyof Row & string)[], tuples: readonly Partial<Row>[], where = 'true'): Promise<void> {
    if (tuples.length === 0) return;
    const unique = [...new Map(tuples.map((t) => [JSON.stringify(by.map((c) => t[c])), t])).values()];
    const match = recordsetOf(this.spec, by, unique);
    const result = await sql.query<{ r: Record<string, unknown> }>(
      `SELECT row_to_json(t) AS r FROM ${this.spec.table} t
        WHERE (${by.map(snake).join(', ')}) IN ${match.sql} AND (${where})`,
      match.params,
    );
    for (const { r } of result.rows) {
      const row = Object.fromEntries(Object.entries(r).map(([k, v]) => [camel(k), v])) as Row;
      const key = this.keyOf(row);
      if (!this.rows.has(key) && !this.removed.has(key)) this.rows.set(key, row);
    }
  }

  get(key: Partial<Row>): Row | undefined {
    return this.rows.get(this.keyOf(key));
  }

  /** Every row loaded or put (and not removed), in no particular order. */
  all(): Row[] {
    return [...this.rows.values()];
  }

  put(row: Row): Row {
    const key = this.keyOf(row);
    this.rows.set(key, row);
    this.dirty.add(key);
    this.removed.delete(key);
    return row;
  }

  remove(row: Partial<Row>): void {
    const key = this.keyOf(row);
    this.rows.delete(key);
    this.dirty.delete(key);
    this.removed.set(key, row as Row);
  }

  async flush(sql: Sql): Promise<void> {
    const { spec } = this;
    if (this.removed.size > 0) {
      const match = recordsetOf(spec, spec.key, [...this.removed.values()]);
      await sql.query(`DELETE FROM ${spec.table} WHERE (${spec.key.map(snake).join(', ')}) IN ${match.sql}`, match.params);
    }
    const changed = [...this.dirty].map((key) => this.rows.get(key)).filter((row): row is Row => row !== undefined);
    if (changed.length > 0) await upsert(sql, spec, changed);
    this.dirty.clear();
    this.removed.clear();
  }
}

/** One multi-row INSERT ... ON CONFLICT DO UPDATE; the rows must have distinct keys. */
export async function upsert<Row extends object>(sql: Sql, spec: TableSpec<Row>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(spec.columns) as (keyof Row & string)[];
  const values = recordsetOf(spec, columns, rows);
  const others = columns.filter((c) => !spec.key.includes(c));
  const onConflict =
    others.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${others.map((c) => `${snake(c)} = EXCLUDED.${snake(c)}`).join(', ')}`;
  await sql.query(
    `INSERT INTO ${spec.table} (${columns.map(snake).join(', ')}) ${values.sql.slice(1, -1)}
     ON CONFLICT (${spec.key.map(snake).join(', ')}) ${onConflict}`,
    values.params,
  );
}
