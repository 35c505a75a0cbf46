import type { Projection } from './projection.js';
import { eventsOf } from './projection.js';
import { upsert, type TableSpec } from './row-set.js';

interface Customer {
  customerId: string;
  name: string;
  resellerId: string;
  servicePlan: string;
  billingAccount: string;
  sites: unknown;
  registeredAt: string;
}

interface Reseller {
  resellerId: string;
  name: string;
  parentResellerId: string | null;
  registeredAt: string;
}

const CUSTOMERS: TableSpec<Customer> = {
  table: 'customers',
  key: ['customerId'],
  columns: { customerId: 'text', name: 'text', resellerId: 'text', servicePlan: 'text', billingAccount: 'text', sites: 'jsonb', registeredAt: 'timestamptz' },
};

const RESELLERS: TableSpec<Reseller> = {
  table: 'resellers',
  key: ['resellerId'],
  columns: { resellerId: 'text', name: 'text', parentResellerId: 'text', registeredAt: 'timestamptz' },
};

/** Customers and the reseller tree: the fleet summary's rows and the scoping rules' data. */
export const customersProjection: Projection = {
  name: 'customers',
  eventTypes: ['CustomerRegistered', 'ResellerRegistered'],
  tables: ['customers', 'resellers'],
  async apply(events, sql) {
    const customers = eventsOf(events, 'CustomerRegistered').map(({ event: { data }, occurredAt }) => ({
      customerId: data.customerId,
      name: data.name,
      resellerId: data.resellerId,
      servicePlan: data.servicePlan,
      billingAccount: data.billingAccount,
      sites: data.sites,
      registeredAt: occurredAt,
    }));
    const resellers = eventsOf(events, 'ResellerRegistered').map(({ event: { data }, occurredAt }) => ({ ...data, registeredAt: occurredAt }));
    await upsert(sql, CUSTOMERS, customers);
    await upsert(sql, RESELLERS, resellers);
  },
};
