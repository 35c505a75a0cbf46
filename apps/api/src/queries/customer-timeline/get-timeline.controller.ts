import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { addDays, dayNumber } from '@ledger/domain';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { calendarDate } from '../../http/fields.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { Clock } from '../../shared/clock.js';
import { CustomerIdParam } from '../../http/params.js';

const MAX_DAYS = 1100;

const TimelineQuery = z
  .object({ from: calendarDate.optional(), to: calendarDate.optional(), minPosition })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'must not be after to',
    path: ['from'],
    params: { rule: 'range' },
  })
  .refine((q) => !q.from || !q.to || dayNumber(q.to) - dayNumber(q.from) < MAX_DAYS, {
    message: `the range may span at most ${MAX_DAYS} days`,
    path: ['to'],
    params: { rule: 'range' },
  });

// Per package: the last change on or before each day of [from, to], so days without a change carry the held count forward.
const SELECT_DAYS = `
  SELECT package, day::text AS day, held FROM read_models.license_timeline_days
   WHERE customer_id = $1 AND day BETWEEN $2 AND $3
  UNION ALL
  (SELECT DISTINCT ON (package) package, day::text, held FROM read_models.license_timeline_days
    WHERE customer_id = $1 AND day < $2 ORDER BY package, day DESC)`;

const SELECT_MONTHS = `
  SELECT month, package, adds, returns FROM read_models.license_timeline_months
   WHERE customer_id = $1 AND month BETWEEN $2 AND $3 ORDER BY month, package`;

interface DayRow {
  package: string;
  day: string;
  held: number;
}

const daysOf = (rows: readonly DayRow[], from: string, to: string) => {
  const packages = [...new Set(rows.map((r) => r.package))].sort();
  return packages.map((pkg) => {
    const changes = rows.filter((r) => r.package === pkg).sort((a, b) => a.day.localeCompare(b.day));
    const days: { day: string; held: number }[] = [];
    let held = 0;
    let next = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      while (next < changes.length && (changes[next]?.day ?? '') <= day) held = changes[next++]?.held ?? held;
      days.push({ day, held });
    }
    return { package: pkg, days };
  });
};

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class GetTimelineController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  @Get(':customerId/timeline')
  @ApiQuery({ name: 'from', required: false, type: String })
  @ApiQuery({ name: 'to', required: false, type: String })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    summary:
      'Held licenses per package and day over [from, to] (default: the last 90 days), and adds and returns per month',
  })
  async get(
    @CustomerIdParam() customerId: string,
    @Query(new ZodPipe(TimelineQuery)) query: z.output<typeof TimelineQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.scope.customer(principal, customerId);
    await this.readYourWrites.waitFor(query.minPosition, ['customers', 'license-timeline']);
    const to =
      query.to ?? (query.from ? addDays(query.from, 89) : this.clock.now().toISOString().slice(0, 10));
    const from = query.from ?? addDays(to, -89);
    const days = await this.pool.query<DayRow>(SELECT_DAYS, [customerId, from, to]);
    const months = await this.pool.query(SELECT_MONTHS, [customerId, from.slice(0, 7), to.slice(0, 7)]);
    return { customerId, from, to, packages: daysOf(days.rows, from, to), months: months.rows };
  }
}
