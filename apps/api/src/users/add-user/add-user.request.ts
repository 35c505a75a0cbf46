import { z } from 'zod';
import { extension, text } from '../../http/fields.js';

export const addUserRequest = z.strictObject({
  extension,
  name: text(100),
  site: text(100),
  portalId: text(200),
  email: z.email().max(254),
  package: text(100),
});
export type AddUserRequest = z.output<typeof addUserRequest>;

export const addUserExample: AddUserRequest = {
  extension: 297,
  name: '9240 Demo',
  site: 'Vertical Demo',
  portalId: '297@cm-vertical-demo.com',
  email: 'jstucker@vertical.com',
  package: 'Basic User With VM',
};
