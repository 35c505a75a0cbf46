import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { allPages } from '../api/all-pages';
import { unwrap } from '../api/client';
import { useUrlFilters } from '../filters/use-url-filters';
import { useClaims, useSession } from '../session/session-context';
import { Empty, QueryView } from '../ui/states';
import { FleetChart } from './fleet-chart';
import { FLEET_SORTS, fleetRows, type FleetSort } from './fleet-rows';

const SORT_LABELS: Record<FleetSort, string> = {
  name: 'Name',
  held: 'Held',
  available: 'Available',
  idle: 'Idle',
  pendingOrders: 'Pending orders',
};

export default function FleetPage() {
  const { api } = useSession();
  const { resellerId } = useClaims();
  const { values, set } = useUrlFilters(['q', 'sort', 'dir'] as const);
  const sort = (FLEET_SORTS as readonly string[]).includes(values.sort) ? (values.sort as FleetSort) : 'name';
  const fleet = useQuery({
    queryKey: ['fleet', resellerId],
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/api/resellers/{resellerId}/customers', {
            params: { path: { resellerId: resellerId! }, query: { limit: 1000, cursor } },
          }),
        ),
      ),
  });
  return (
    <section>
      <h1>Fleet of {resellerId}</h1>
      <div className="filters">
        <label>
          Search{' '}
          <input
            type="search"
            value={values.q}
            placeholder="Customer id or name"
            onChange={(e) => set({ q: e.target.value })}
          />
        </label>
        <label>
          Sort by{' '}
          <select value={sort} onChange={(e) => set({ sort: e.target.value, dir: '' })}>
            {FLEET_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryView query={fleet} what="the fleet">
        {(all) => {
          const rows = fleetRows(
            all,
            values.q,
            sort,
            values.dir === 'asc' || values.dir === 'desc' ? values.dir : '',
          );
          if (all.length === 0) return <Empty>No customers yet: a reseller admin registers them.</Empty>;
          if (rows.length === 0) return <Empty>No customer matches “{values.q}”.</Empty>;
          return (
            <>
              <FleetChart rows={rows} />
              <table>
                <thead>
                  <tr>
                    <th>Customer</th>
                    <th>Reseller</th>
                    <th className="num">Held</th>
                    <th className="num">Available</th>
                    <th className="num">Idle</th>
                    <th className="num">Pending orders</th>
                    <th className="num">Awaiting approval</th>
                    <th className="num">Awaiting final confirm</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.customerId}>
                      <td>
                        <Link to={`/customers/${r.customerId}`}>{r.name}</Link>{' '}
                        <span className="muted">{r.customerId}</span>
                      </td>
                      <td>{r.resellerId}</td>
                      <td className="num">{r.held}</td>
                      <td className="num">{r.available}</td>
                      <td className={`num ${r.idle > 0 ? 'warn' : ''}`}>{r.idle}</td>
                      <td className="num">
                        {r.pendingOrders > 0 ? (
                          <Link to={`/orders?customerId=${r.customerId}`}>{r.pendingOrders}</Link>
                        ) : (
                          0
                        )}
                      </td>
                      <td className="num">{r.awaitingApproval}</td>
                      <td className="num">{r.awaitingFinalConfirm}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
