import type { Ok } from '../api/types';

/** One read model as GET /api/projections reports it (the fields the live indicator reads). */
export type ProjectionState = Pick<
  Ok<'/api/projections', 'get'>[number],
  'name' | 'position' | 'lagEvents' | 'lagSeconds' | 'status' | 'error'
>;

export interface LiveStatus {
  /** The lowest position every read model has reached: what the views show is at least this fresh. */
  readonly position: number;
  readonly status: 'live' | 'catching-up' | 'rebuilding' | 'faulted';
  readonly faulted: readonly string[];
}

/** The read side's state in one line for the header: a fault anywhere outranks a rebuild, which outranks lag. */
export function liveStatusOf(projections: readonly ProjectionState[]): LiveStatus {
  const position = projections.length ? Math.min(...projections.map((p) => p.position)) : 0;
  const faulted = projections.filter((p) => p.status === 'faulted').map((p) => p.name);
  const status = faulted.length
    ? 'faulted'
    : projections.some((p) => p.status === 'rebuilding')
      ? 'rebuilding'
      : projections.some((p) => (p.lagEvents ?? 0) > 0 || (p.lagSeconds ?? 0) > 0)
        ? 'catching-up'
        : 'live';
  return { position, status, faulted };
}
