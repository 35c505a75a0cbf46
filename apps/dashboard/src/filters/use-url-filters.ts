import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Every filter of a view lives in the address, so a view can be shared or bookmarked as it is. Setting
 * a filter to '' removes it; changing filters drops the page cursor (it belonged to the old filters).
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const set = useCallback(
    (changes: Partial<Record<K | 'cursor', string>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (!('cursor' in changes)) next.delete('cursor');
          for (const [key, value] of Object.entries(changes) as [string, string][]) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return { values, cursor: params.get('cursor') ?? '', set };
}
