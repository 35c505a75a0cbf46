import { describe, it } from 'vitest';
import { BASIC, CUSTOMER_ID, PREMIUM, addUser, confirmedOrder, given, item, on, registerDemo, run } from '../testing/customer-fixtures.js';

const oneBasicHeld = () => run([registerDemo(), ...confirmedOrder('500001', [item(BASIC, 1)])]);

describe('AddUser', () => {
  it('adds a user on a package with an available license', () => {
    given(oneBasicHeld())
      .when(addUser(297, BASIC, '9240 Demo'))
      .then([
        {
          type: 'UserAdded',
          data: { customerId: CUSTOMER_ID, extension: 297, name: '9240 Demo', site: 'Vertical Demo', portalId: '297@cm-vertical-demo.com', email: 'jstucker@vertical.com', package: BASIC },
        },
      ]);
  });

  it("extension must be unique in the customer and inside its site's range: below the range", () => {
    given(oneBasicHeld()).when(addUser(99, BASIC)).thenThrows('extension-out-of-range');
  });

  it("extension must be unique in the customer and inside its site's range: above the range", () => {
    given(oneBasicHeld()).when(addUser(300, BASIC)).thenThrows('extension-out-of-range');
  });

  it("extension must be unique in the customer and inside its site's range: a used extension is taken", () => {
    given(run([...confirmedOrder('500002', [item(BASIC, 1)]), addUser(297, BASIC)], oneBasicHeld()))
      .when(addUser(297, BASIC))
      .thenThrows('extension-taken');
  });

  it('rejects a site the customer does not have', () => {
    given(oneBasicHeld())
      .when(on('AddUser', { extension: 200, name: 'X', site: 'Elsewhere', portalId: 'x', email: 'x@y', package: BASIC }))
      .thenThrows('unknown-site');
  });

  it('a user takes a license: rejects a package without an available license', () => {
    given(oneBasicHeld()).when(addUser(297, PREMIUM)).thenThrows('no-available-license');
  });

  it('a reserved license cannot be taken by a new user', () => {
    given(run([...confirmedOrder('500002', [item(BASIC, -1)]).slice(0, 2)], oneBasicHeld()))
      .when(addUser(297, BASIC))
      .thenThrows('no-available-license');
  });
});
