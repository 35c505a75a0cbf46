import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { allPages } from '../api/all-pages';
import { unwrap } from '../api/client';
import { useUrlFilters } from '../filters/use-url-filters';
import { useSession } from '../session/session-context';
import { QueryView } from '../ui/states';
import { AddsReturnsChart } from './adds-returns-chart';
import { HeldLicensesChart } from './held-licenses-chart';
import { InventoryTable } from './inventory-table';
import { isTimelineRange, rangeDays, TIMELINE_RANGES, type TimelineRange } from './timeline-range';
import { UsersTable } from './users-table';
import { WaitingOrders } from './waiting-orders';
import { WasteFlagsList } from './waste-flags-list';

export default function CustomerPage() {
  const { customerId = '' } = useParams();
  const { api } = useSession();
  const { values, set } = useUrlFilters(['range'] as const);
  const range: TimelineRange = isTimelineRange(values.range) ? values.range : '24m';
  const path = { customerId };

  const customer = useQuery({
    queryKey: ['customer', customerId],
    queryFn: () => unwrap(api.GET('/api/customers/{customerId}', { params: { path } })),
  });
  const inventory = useQuery({
    queryKey: ['inventory', customerId],
    queryFn: () => unwrap(api.GET('/api/customers/{customerId}/inventory', { params: { path } })),
  });
  const timeline = useQuery({
    queryKey: ['timeline', customerId, range],
    queryFn: () =>
      unwrap(
        api.GET('/api/customers/{customerId}/timeline', {
          params: { path, query: rangeDays(range, new Date()) },
        }),
      ),
  });
  const orders = useQuery({
    queryKey: ['orders', { customerId }],
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/api/orders', { params: { query: { customerId, limit: 1000, cursor } } })),
      ),
  });
  const users = useQuery({
    queryKey: ['users', customerId],
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/api/customers/{customerId}/users', { params: { path, query: { limit: 1000, cursor } } }),
        ),
      ),
  });
  const waste = useQuery({
    queryKey: ['waste', customerId],
    queryFn: () => unwrap(api.GET('/api/customers/{customerId}/waste', { params: { path } })),
  });

  return (
    <QueryView query={customer} what="the customer">
      {(c) => (
        <section>
          <h1>
            {c.name} <span className="muted">{c.customerId}</span>
          </h1>
          <p className="muted">
            {c.resellerId} · {c.servicePlan} · billing account {c.billingAccount} · {c.users} users ·{' '}
            <Link to={`/audit?customerId=${c.customerId}`}>audit trail</Link> ·{' '}
            <Link to={`/reconciliation?customerId=${c.customerId}`}>reconciliation</Link>
          </p>

          <h2>Inventory</h2>
          <QueryView query={inventory} what="the inventory">
            {(inv) => <InventoryTable rows={inv.packages} />}
          </QueryView>

          <div className="section-head">
            <h2>Held licenses by package</h2>
            <div role="group" aria-label="Range" className="segmented">
              {(Object.keys(TIMELINE_RANGES) as TimelineRange[]).map((r) => (
                <button key={r} type="button" aria-pressed={r === range} onClick={() => set({ range: r })}>
                  {r}
                </button>
              ))}
            </div>
          </div>
          <QueryView query={timeline} what="the license history">
            {(t) => (
              <>
                <HeldLicensesChart timeline={t} />
                <h2>Added and returned per month</h2>
                <AddsReturnsChart timeline={t} />
              </>
            )}
          </QueryView>

          <h2>Orders waiting</h2>
          <QueryView query={orders} what="the orders">
            {(list) => <WaitingOrders orders={list} />}
          </QueryView>

          <h2>Waste</h2>
          <QueryView query={waste} what="the waste flags">
            {(w) => <WasteFlagsList waste={w} />}
          </QueryView>

          <h2>Users</h2>
          <QueryView query={users} what="the users">
            {(list) => <UsersTable users={list} />}
          </QueryView>
        </section>
      )}
    </QueryView>
  );
}
