import { z } from 'zod';
import { text } from '../../http/fields.js';

export const rejectOrderRequest = z.strictObject({ reason: text(1000) });
export const emptyRequest = z.strictObject({});
