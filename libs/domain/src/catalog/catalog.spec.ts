import { describe, it } from 'vitest';
import { specFor } from '../testing/given-when-then.js';
import { command } from '../testing/metadata.js';
import { catalogDecider, type AddPackage, type PackageAdded } from './catalog.js';

const given = specFor(catalogDecider);
const premium = { name: 'Premium iPECS ONE USER', itemGroup: 'User License', monthlyPrice: 30 };
const added: PackageAdded = { type: 'PackageAdded', data: premium };

describe('catalog', () => {
  it('adds a package with its item group and monthly price', () => {
    given().when(command<AddPackage>('AddPackage', premium)).then([added]);
  });

  it('rejects a package name already in the catalog', () => {
    given([added]).when(command<AddPackage>('AddPackage', premium)).thenThrows('package-exists');
  });

  it('rejects a negative price', () => {
    given().when(command<AddPackage>('AddPackage', { ...premium, monthlyPrice: -1 })).thenThrows('invalid-price');
  });
});
