import { describe, expect, it } from 'vitest';
import { liveStatusOf, type ProjectionState } from './projection-status';

const p = (name: string, position: number, extra: Partial<ProjectionState> = {}): ProjectionState => ({
  name,
  position,
  lagEvents: 0,
  lagSeconds: 0,
  status: 'live',
  error: null,
  ...extra,
});

describe('the live indicator', () => {
  it('is live at the position every read model has reached', () => {
    expect(liveStatusOf([p('orders', 12), p('users', 10)])).toEqual({
      position: 10,
      status: 'live',
      faulted: [],
    });
  });

  it('says catching up while a read model lags, rebuilding during a rebuild, and names stopped read models first', () => {
    expect(liveStatusOf([p('orders', 12), p('users', 10, { lagEvents: 2 })]).status).toBe('catching-up');
    expect(
      liveStatusOf([p('orders', 12, { status: 'rebuilding' }), p('users', 10, { lagEvents: 2 })]).status,
    ).toBe('rebuilding');
    expect(
      liveStatusOf([
        p('orders', 12, { status: 'rebuilding' }),
        p('users', 10, { status: 'faulted', error: 'at 11: bad' }),
      ]),
    ).toEqual({ position: 10, status: 'faulted', faulted: ['users'] });
  });
});
