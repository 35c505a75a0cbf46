import { describe, expect, it } from 'vitest';
import { takeTokenFromLocation } from './session-storage';

describe('a #token= link', () => {
  it('hands over the token and removes it from the address bar, keeping the path and the filters', () => {
    window.history.pushState({}, '', '/orders?status=Submitted#token=abc.def.ghi');
    expect(takeTokenFromLocation(window.location, window.history)).toBe('abc.def.ghi');
    expect(window.location.href).toBe(`${window.location.origin}/orders?status=Submitted`);
  });

  it('leaves an address without a token alone', () => {
    window.history.pushState({}, '', '/fleet#section');
    expect(takeTokenFromLocation(window.location, window.history)).toBeNull();
    expect(window.location.hash).toBe('#section');
  });
});
