import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { unwrap } from '../api/client';
import { useSession } from '../session/session-context';
import { liveStatusOf, type LiveStatus, type ProjectionState } from './projection-status';

export const PROJECTIONS_KEY = ['projections'] as const;
const POLL_MS = 3_000;

/**
 * Polls GET /api/projections and, when the read models have moved past what the views were drawn
 * from, refetches every other query: new events show up without a reload. Polling (rather than a
 * server push) works the same through every proxy and costs one small read per tab every 3 s.
 */
export function useLiveRefresh(): LiveStatus | undefined {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const seen = useRef<number | null>(null);
  const { data } = useQuery({
    queryKey: PROJECTIONS_KEY,
    queryFn: async () =>
      liveStatusOf((await unwrap(api.GET('/api/projections'))) as unknown as ProjectionState[]),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  useEffect(() => {
    if (!data) return;
    if (seen.current !== null && data.position > seen.current) {
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== PROJECTIONS_KEY[0] });
    }
    seen.current = data.position;
  }, [data, queryClient]);
  return data;
}
