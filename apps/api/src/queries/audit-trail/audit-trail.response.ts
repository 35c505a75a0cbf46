import { z } from 'zod';
import { instant, named, pageSchema } from '../../http/api-responses.js';

const auditFields = {
  position: z.int().describe("The event's global position"),
  streamId: z.string(),
  type: z.string().describe("The event's type"),
  occurredAt: instant,
  actor: z.string().nullable().describe("The token's sub that recorded the event"),
  role: z.string().nullable(),
  customerId: z.string().nullable(),
  orderNo: z.string().nullable(),
  extension: z.int().nullable(),
  summary: z.string(),
  hash: z.string().describe("SHA-256 over the previous row's hash of the stream and this event"),
};

const auditItem = named('AuditItem', z.object(auditFields));

export const auditPage = named('AuditPage', pageSchema(auditItem));

export const auditEvent = named(
  'AuditEvent',
  z.object({
    ...auditFields,
    data: z.record(z.string(), z.unknown()),
    metadata: z.record(z.string(), z.unknown()).describe('Correlation and causation ids, actor, role, ...'),
  }),
);

export const auditVerification = named(
  'AuditVerification',
  z.object({
    ok: z.boolean(),
    checked: z.int().describe("The rows checked: every row in the caller's scope"),
    firstBroken: z
      .object({ position: z.int(), streamId: z.string() })
      .nullable()
      .describe('The lowest row that does not match its content or its predecessor; null when none'),
  }),
);
