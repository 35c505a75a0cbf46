import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { liveStatusOf, type LiveStatus } from './projection-status';
import { PROJECTIONS_KEY, useProjections } from './use-projections';

/**
 * When the read models have moved past what the views were drawn from, refetches every other query:
 * new events show up without a reload.
 */
export function useLiveRefresh(): LiveStatus | undefined {
  const queryClient = useQueryClient();
  const seen = useRef<number | null>(null);
  const { data: projections } = useProjections();
  const live = projections ? liveStatusOf(projections) : undefined;
  const position = live?.position;
  useEffect(() => {
    if (position === undefined) return;
    if (seen.current !== null && position > seen.current) {
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== PROJECTIONS_KEY[0] });
    }
    seen.current = position;
  }, [position, queryClient]);
  return live;
}
