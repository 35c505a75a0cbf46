import { z } from 'zod';
import { money, text } from '../../http/fields.js';

export const addPackageRequest = z.strictObject({
  name: text(100),
  itemGroup: text(100),
  monthlyPrice: money,
});
export type AddPackageRequest = z.output<typeof addPackageRequest>;

export const addPackageExample: AddPackageRequest = { name: 'Premium iPECS ONE USER', itemGroup: 'User License', monthlyPrice: 30 };
