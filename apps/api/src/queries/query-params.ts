import { z } from 'zod';

/** Query parameters every read accepts or shares. Query strings carry text, so numbers are coerced. */
export const minPosition = z.coerce.number().int().min(0).optional();
export const limit = z.coerce.number().int().min(1).max(1000).default(50);

/** Which page a query reads: `limit` rows after `cursor` (a decoded key), from the first row without one. */
export interface PageRequest<K extends string | number> {
  readonly limit: number;
  readonly cursor?: K | undefined;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** Cursors are opaque to clients: the last row's sort key, base64url-encoded. */
const encodeCursor = (key: string | number): string => Buffer.from(JSON.stringify(key)).toString('base64url');

const decodeCursor = (value: string): unknown => {
  const bytes = Buffer.from(value, 'base64url');
  // Node's decoder skips what is not base64url; a cursor this API made encodes back to itself.
  if (bytes.toString('base64url') !== value) return undefined;
  try {
    return JSON.parse(bytes.toString());
  } catch {
    return undefined;
  }
};

/**
 * `?cursor=` of a list whose rows are ordered by `key`: the decoded key, or a 400 naming `cursor`
 * when it is not one this list hands out.
 */
export const cursorOf = <K extends z.ZodType<string | number>>(key: K) =>
  z
    .string()
    .max(200)
    .transform((value, context): z.output<K> => {
      const decoded = key.safeParse(decodeCursor(value));
      if (decoded.success) return decoded.data;
      context.addIssue({
        code: 'custom',
        message: 'is not a cursor this list gave out; pass nextCursor back as it is',
        params: { rule: 'cursor' },
      });
      return z.NEVER;
    })
    .optional();

/** A page of `limit` rows from `rows` fetched with `limit + 1`, and the cursor of its last row when more follow. */
export const pageOf = <R, T>(
  rows: readonly R[],
  max: number,
  view: (row: R) => T,
  keyOf: (row: R) => string | number,
): Page<T> => {
  const items = rows.slice(0, max);
  const last = items.at(-1);
  return {
    items: items.map(view),
    nextCursor: rows.length > max && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
};
