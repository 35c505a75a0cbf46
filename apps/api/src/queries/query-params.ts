import { z } from 'zod';

/** Query parameters every read accepts or shares. Query strings carry text, so numbers are coerced. */
export const minPosition = z.coerce.number().int().min(0).optional();
export const limit = z.coerce.number().int().min(1).max(1000).default(50);
export const cursor = z.string().min(1).max(200).optional();

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** Cursors are opaque to clients: the last row's sort key, base64url-encoded. */
export const encodeCursor = (key: string | number): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export const decodeCursor = (value: string | undefined): unknown => {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString());
  } catch {
    return null;
  }
};

/** A page of `limit` rows from `rows` fetched with `limit + 1`, and the cursor of its last row when more follow. */
export const pageOf = <R, T>(rows: readonly R[], max: number, view: (row: R) => T, keyOf: (row: R) => string | number): Page<T> => {
  const items = rows.slice(0, max);
  const last = items.at(-1);
  return { items: items.map(view), nextCursor: rows.length > max && last !== undefined ? encodeCursor(keyOf(last)) : null };
};
