import { LEDGER_EVENT_TYPES } from '@ledger/domain';
import { z } from 'zod';
import { ROLES } from '../../auth/principal.js';
import { calendarDate, customerId, extension, orderNo, text } from '../../http/fields.js';
import { cursorOf, limit, minPosition } from '../query-params.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const asInstant = (value: string): Date => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);

/** A moment as a date (its midnight, UTC) or a date and time with Z or an offset; handed on in UTC. */
const instant = z
  .string()
  .regex(
    ISO_INSTANT,
    'must be an ISO 8601 date or time with Z or an offset, e.g. 2024-01-31 or 2024-01-31T08:00:00Z',
  )
  .refine(
    (value) =>
      calendarDate.safeParse(value.slice(0, 10)).success && !Number.isNaN(asInstant(value).getTime()),
    {
      message: 'must be a real date and time',
      params: { rule: 'date' },
    },
  )
  .transform((value) => asInstant(value).toISOString());

const KNOWN_TYPES = new Set<string>(LEDGER_EVENT_TYPES);

/** `type` may repeat (`?type=OrderApproved&type=OrderRejected`): the query string hands over one text or several. */
const eventTypes = z
  .preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z.array(z.string()).min(1).max(LEDGER_EVENT_TYPES.length),
  )
  .refine((types) => types.every((type) => KNOWN_TYPES.has(type)), {
    message: `must be event types of the ledger: ${LEDGER_EVENT_TYPES.join(', ')}`,
    params: { rule: 'enum' },
  });

/** Query strings carry text: an extension is its digits. */
const extensionText = z
  .string()
  .regex(/^\d{1,8}$/, 'must be an integer')
  .transform(Number)
  .pipe(extension);

/** What narrows the audit trail, for the list and the CSV export alike. */
export const auditFilterFields = {
  customerId: customerId.optional(),
  extension: extensionText.optional(),
  orderNo: orderNo.optional(),
  actor: text(200).optional(),
  role: z.enum(ROLES).optional(),
  type: eventTypes.optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** Free text: a part of the summary or of the actor (any case), or an order number. */
  q: text(200).optional(),
  order: z.enum(['desc', 'asc']).default('desc'),
  minPosition,
};

const inOrder = (query: { from?: string | undefined; to?: string | undefined }): boolean =>
  !query.from || !query.to || query.from < query.to;
const EMPTY_RANGE = {
  message: 'must be after from (from is inclusive, to exclusive)',
  path: ['to'],
  params: { rule: 'range' },
};

/** `GET /api/audit.csv`: the filters alone (it streams every matching row); unknown ones are refused. */
export const AuditExportQuery = z.object(auditFilterFields).strict().refine(inOrder, EMPTY_RANGE);

/** `GET /api/audit`: the filters and a page. */
export const AuditListQuery = z
  .object({ ...auditFilterFields, limit, cursor: cursorOf(z.number().int().min(1)) })
  .strict()
  .refine(inOrder, EMPTY_RANGE);

export type AuditFilters = z.output<typeof AuditExportQuery>;
