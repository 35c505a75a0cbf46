import { describe, expect, it } from 'vitest';
import { customerAccountDecider } from './customer-account-decider.js';
import { inventoryOf } from './inventory.js';
import { BASIC, CUSTOMER_ID, PREMIUM, addUser, confirmedOrder, given, item, on, registerDemo, run, stateOf } from '../testing/customer-fixtures.js';
import { domainErrorOf } from '../testing/given-when-then.js';

const basicUsers = () => run([registerDemo(), ...confirmedOrder('500001', [item(BASIC, 2), item(PREMIUM, 1)]), addUser(297, BASIC, '9240 Demo'), addUser(298, BASIC)]);
const toPremium = (extension: number) => on('ChangePackage', { extension, package: PREMIUM });

describe('ChangePackage', () => {
  it('changes a user to a package with an available license', () => {
    given(basicUsers())
      .when(toPremium(297))
      .then([{ type: 'PackageChanged', data: { customerId: CUSTOMER_ID, extension: 297, name: '9240 Demo', fromPackage: BASIC, toPackage: PREMIUM } }]);
  });

  it('rejects a package change when the target package has no available license', () => {
    given(run([toPremium(297)], basicUsers())).when(toPremium(298)).thenThrows('no-available-license');
  });

  it('two package changes decided on the same state cannot both take the last license', () => {
    const history = basicUsers();
    const state = stateOf(history);
    const first = customerAccountDecider.decide(toPremium(297), state);
    customerAccountDecider.decide(toPremium(298), state); // both pass on the same state...
    // ...but only one append wins the expected revision; the loser re-decides on the new state.
    const error = domainErrorOf(() => customerAccountDecider.decide(toPremium(298), stateOf([...history, ...first])));
    expect(error.type).toBe('no-available-license');
  });

  it('rejects a change to the package the user already has', () => {
    given(basicUsers()).when(on('ChangePackage', { extension: 297, package: BASIC })).thenThrows('same-package');
  });

  it('rejects an unknown user', () => {
    given(basicUsers()).when(toPremium(250)).thenThrows('user-not-found');
  });

  it('makes the old license available', () => {
    const rows = inventoryOf(stateOf(run([toPremium(297)], basicUsers())));
    expect(rows.find((row) => row.package === BASIC)).toMatchObject({ held: 2, assigned: 1, available: 1 });
    expect(rows.find((row) => row.package === PREMIUM)).toMatchObject({ held: 1, assigned: 1, available: 0 });
  });
});
