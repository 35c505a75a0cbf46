import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { useSession } from '../session/session-context';

export const PROJECTIONS_KEY = ['projections'] as const;
const POLL_MS = 3_000;

/**
 * GET /api/projections, polled every 3 s while the tab is visible: one query for the whole tab, so
 * the header's live indicator and the operator's table share one read. Polling (rather than a server
 * push) works the same through every proxy.
 */
export function useProjections() {
  const { api } = useSession();
  return useQuery({
    queryKey: PROJECTIONS_KEY,
    queryFn: () => unwrap(api.GET('/api/projections')),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
}
