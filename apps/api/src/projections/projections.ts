import { auditLogProjection } from './audit-log.projection.js';
import { customersProjection } from './customers.projection.js';
import { invoiceLinesProjection } from './invoice-lines.projection.js';
import { licenseInventoryProjection } from './license-inventory.projection.js';
import { licensePeriodsProjection } from './license-periods.projection.js';
import { licenseTimelineProjection } from './license-timeline.projection.js';
import { ordersProjection } from './orders.projection.js';
import type { Projection } from './projection.js';
import { usersProjection } from './users.projection.js';

/** Every read model the projector keeps up to date, each with its own checkpoint. */
export const PROJECTIONS: readonly Projection[] = [
  customersProjection,
  licenseInventoryProjection,
  licenseTimelineProjection,
  ordersProjection,
  usersProjection,
  auditLogProjection,
  licensePeriodsProjection,
  invoiceLinesProjection,
];

export const projectionNamed = (name: string): Projection | undefined => PROJECTIONS.find((p) => p.name === name);

/** The schema a rebuild of `projection` fills before it is swapped in. */
export const shadowSchemaOf = (projection: Projection): string => `read_models_rebuild_${projection.name.replace(/-/g, '_')}`;
export const LIVE_SCHEMA = 'read_models';
