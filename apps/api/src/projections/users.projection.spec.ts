import { addUser, BASIC, confirmedOrder, item, on, PREMIUM, registerDemo, run } from '@ledger/domain/testing';
import { describe, it } from 'vitest';
import { readModelSpec, recorded } from './testing/read-model-spec.js';
import { usersReadModel } from './users.projection.js';

const spec = readModelSpec(usersReadModel);
const held = run([registerDemo(), ...confirmedOrder('500001', [item(BASIC, 2), item(PREMIUM, 1)]), addUser(297, BASIC, '9240 Demo')]);
const after = (commands: Parameters<typeof run>[0]) => recorded(run(commands, held)).slice(held.length);
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const added = held.length;

describe('users read model', () => {
  it('shows an added user on its package, with a package period still open', () => {
    spec()
      .when(...recorded(held))
      .then({
        users: [{ customerId: 'C000000150', extension: 297, name: '9240 Demo', package: BASIC, addedAt: at(added) }],
        user_package_history: [{ extension: 297, fromPosition: added, package: BASIC, fromAt: at(added), toAt: null }],
      });
  });

  it('ends the period of the old package where the change begins the new one', () => {
    spec(recorded(held))
      .when(...after([on('ChangePackage', { extension: 297, package: PREMIUM })]))
      .then({
        users: [{ extension: 297, package: PREMIUM }],
        user_package_history: [
          { fromPosition: added, package: BASIC, toAt: at(added + 1) },
          { fromPosition: added + 1, package: PREMIUM, fromAt: at(added + 1), toAt: null },
        ],
      });
  });

  it('drops a removed user and ends its period, keeping the history', () => {
    spec(recorded(held))
      .when(...after([on('RemoveUser', { extension: 297 })]))
      .then({ users: [], user_package_history: [{ fromPosition: added, package: BASIC, toAt: at(added + 1) }] });
  });
});
