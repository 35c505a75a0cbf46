import type { MixedList } from 'typeorm';
import { AuditLogRow } from './audit-log.entity.js';
import { CustomerRow, ResellerRow } from './customers.entity.js';
import { LicenseInventoryOrderRow, LicenseInventoryRow } from './license-inventory.entity.js';
import { InvoiceLineRow } from './invoice-lines.entity.js';
import { LicensePeriodRow } from './license-periods.entity.js';
import { LicenseTimelineDayRow, LicenseTimelineMonthRow } from './license-timeline.entity.js';
import { CreateReadModels1764090000000 } from './migrations/1764090000000-create-read-models.js';
import { ProjectionFaults1764200000000 } from './migrations/1764200000000-projection-faults.js';
import { InventoryFromDomain1764300000000 } from './migrations/1764300000000-inventory-from-domain.js';
import { InvoiceLines1764500000000 } from './migrations/1764500000000-invoice-lines.js';
import { AuditHashChain1764400000000 } from './migrations/1764400000000-audit-hash-chain.js';
import { TimelineByEffectiveDate1764600000000 } from './migrations/1764600000000-timeline-by-effective-date.js';
import { OrderItemRow, OrderRow } from './orders.entity.js';
import { ProjectionCheckpointRow } from './projection-checkpoint.entity.js';
import { UserPackageHistoryRow, UserRow } from './users.entity.js';

/**
 * The TypeORM entities and migrations of the read models. The schema changes only through these
 * migrations (never `synchronize`).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const READ_MODEL_ENTITIES: MixedList<Function> = [
  ProjectionCheckpointRow,
  CustomerRow,
  ResellerRow,
  LicenseInventoryRow,
  LicenseInventoryOrderRow,
  LicenseTimelineDayRow,
  LicenseTimelineMonthRow,
  OrderRow,
  OrderItemRow,
  UserRow,
  UserPackageHistoryRow,
  AuditLogRow,
  LicensePeriodRow,
  InvoiceLineRow,
];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const READ_MODEL_MIGRATIONS: MixedList<Function> = [CreateReadModels1764090000000, ProjectionFaults1764200000000, InventoryFromDomain1764300000000, AuditHashChain1764400000000, InvoiceLines1764500000000, TimelineByEffectiveDate1764600000000];
