import { z } from 'zod';
import { text } from '../../http/fields.js';

export const changePackageRequest = z.strictObject({ package: text(100) });
export type ChangePackageRequest = z.output<typeof changePackageRequest>;
