/**
 * A state as plain data: each Map becomes the list of its entries, in insertion order (the order
 * of appearance that inventories show), so two states compare equal only if their maps list the
 * same entries in the same order. A snapshot taken this way also shows any later change in place.
 */
export const plain = (value: unknown): unknown => {
  if (value instanceof Map) return { map: [...value].map(([key, entry]) => [key, plain(entry)]) };
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plain(entry)]));
  return value;
};
