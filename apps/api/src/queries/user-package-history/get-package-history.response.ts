import { z } from 'zod';
import { instant, named } from '../../http/api-responses.js';

const packageStretch = named(
  'PackageStretch',
  z.object({
    package: z.string(),
    from: instant,
    to: instant.nullable().describe('null for the package the user is on now'),
  }),
);

export const userPackageHistory = named(
  'UserPackageHistory',
  z.object({ customerId: z.string(), extension: z.int(), packages: z.array(packageStretch) }),
);
