import { z } from 'zod';
import { resellerId, text } from '../../http/fields.js';

export const registerResellerRequest = z.strictObject({ resellerId, name: text(100) });
export type RegisterResellerRequest = z.output<typeof registerResellerRequest>;

export const registerResellerExample: RegisterResellerRequest = {
  resellerId: 'RS-Vertical-East',
  name: 'Vertical East',
};
