import { z } from 'zod';
import { named, pageSchema } from '../../http/api-responses.js';

const customerUser = named(
  'CustomerUser',
  z.object({
    extension: z.int(),
    name: z.string(),
    site: z.string(),
    portalId: z.string(),
    email: z.string(),
    package: z.string().describe('The package the user is on now'),
  }),
);

export const customerUserPage = named('CustomerUserPage', pageSchema(customerUser));
