import { describe, it } from 'vitest';
import { specFor } from '../testing/given-when-then.js';
import { command } from '../testing/metadata.js';
import { resellerDecider, type RegisterReseller } from './reseller.js';

const given = specFor(resellerDecider);
const child = { resellerId: 'RS-Vertical-East', name: 'Vertical East', parentResellerId: 'RS-Vertical' };

describe('reseller', () => {
  it('registers a reseller under its parent', () => {
    given().when(command<RegisterReseller>('RegisterReseller', child)).then([{ type: 'ResellerRegistered', data: child }]);
  });

  it('rejects registering a reseller twice', () => {
    given([{ type: 'ResellerRegistered', data: child }]).when(command<RegisterReseller>('RegisterReseller', child)).thenThrows('reseller-exists');
  });
});
