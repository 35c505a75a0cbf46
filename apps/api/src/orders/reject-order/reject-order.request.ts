import { z } from 'zod';
import { freeText } from '../../http/fields.js';

export const rejectOrderRequest = z.strictObject({ reason: freeText(1000, 1) });
export type RejectOrderRequest = z.output<typeof rejectOrderRequest>;
