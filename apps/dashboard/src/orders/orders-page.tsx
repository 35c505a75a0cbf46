import { ORDER_STATUSES } from '@ledger/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../api/client';
import type { OrderStatus } from '../api/types';
import { useUrlFilters } from '../filters/use-url-filters';
import { useClaims, useSession } from '../session/session-context';
import { formatTime } from '../ui/format';
import { CursorPager } from '../ui/cursor-pager';
import { Empty, QueryView } from '../ui/states';
import { itemsSummary } from './order-lines';
import { OrderStatusBadge } from './order-status-badge';

const PAGE = 50;

export default function OrdersPage() {
  const { api } = useSession();
  const claims = useClaims();
  const { values, cursor, set } = useUrlFilters(['status', 'customerId'] as const);
  // A customer manager reads its own customer's orders only.
  const customerId = claims.customerId ?? values.customerId;
  const status = (ORDER_STATUSES as readonly string[]).includes(values.status)
    ? (values.status as OrderStatus)
    : undefined;
  const orders = useQuery({
    queryKey: ['orders', { customerId, status, cursor }],
    queryFn: () =>
      unwrap(
        api.GET('/api/orders', {
          params: {
            query: { customerId: customerId || undefined, status, limit: PAGE, cursor: cursor || undefined },
          },
        }),
      ),
  });
  return (
    <section>
      <h1>Orders</h1>
      <div className="filters">
        <label>
          Status{' '}
          <select value={status ?? ''} onChange={(e) => set({ status: e.target.value })}>
            <option value="">Any</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'FinalConfirmed' ? 'Final Confirmed' : s}
              </option>
            ))}
          </select>
        </label>
        {!claims.customerId && (
          <label>
            Customer{' '}
            <input
              value={values.customerId}
              placeholder="C000000150"
              onChange={(e) => set({ customerId: e.target.value.trim() })}
            />
          </label>
        )}
      </div>
      <QueryView query={orders} what="the orders">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No order matches these filters.</Empty>
          ) : (
            <>
              <table aria-label="Orders">
                <thead>
                  <tr>
                    <th>Order</th>
                    <th>Customer</th>
                    <th>Title</th>
                    <th>Status</th>
                    <th>Change date</th>
                    <th>Items</th>
                    <th>Placed</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((o) => (
                    <tr key={o.orderNo}>
                      <td>
                        <Link to={`/orders/${o.orderNo}`}>{o.orderNo}</Link>
                      </td>
                      <td>
                        <Link to={`/customers/${o.customerId}`}>{o.customerId}</Link>
                      </td>
                      <td>{o.title}</td>
                      <td>
                        <OrderStatusBadge status={o.status} />
                      </td>
                      <td>{o.changeDate}</td>
                      <td>{itemsSummary(o.items)}</td>
                      <td>{formatTime(o.orderDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <CursorPager
                cursor={cursor}
                nextCursor={page.nextCursor}
                go={(next) => set({ cursor: next })}
              />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
