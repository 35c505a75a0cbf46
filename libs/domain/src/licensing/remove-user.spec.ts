import { describe, expect, it } from 'vitest';
import { BASIC, CUSTOMER_ID, addUser, confirmedOrder, given, item, on, registerDemo, run, stateOf } from '../testing/customer-fixtures.js';
import { inventoryOf } from './inventory.js';
import { usersOf } from './queries.js';

const withUser = () => run([registerDemo(), ...confirmedOrder('500001', [item(BASIC, 1)]), addUser(297, BASIC, '9240 Demo')]);

describe('RemoveUser', () => {
  it('removes a user and records the package it held', () => {
    given(withUser())
      .when(on('RemoveUser', { extension: 297 }))
      .then([{ type: 'UserRemoved', data: { customerId: CUSTOMER_ID, extension: 297, name: '9240 Demo', package: BASIC } }]);
  });

  it('makes the user license available again', () => {
    const state = stateOf(run([on('RemoveUser', { extension: 297 })], withUser()));
    expect(usersOf(state)).toEqual([]);
    expect(inventoryOf(state)[0]).toMatchObject({ package: BASIC, assigned: 0, available: 1 });
  });

  it('rejects an unknown user', () => {
    given(withUser()).when(on('RemoveUser', { extension: 298 })).thenThrows('user-not-found');
  });
});
