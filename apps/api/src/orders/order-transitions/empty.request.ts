import { z } from 'zod';

/** The body of a transition that takes none: `{}` or no body at all. */
export const emptyRequest = z.strictObject({});
