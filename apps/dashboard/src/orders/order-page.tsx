import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { unwrap } from '../api/client';
import { useSession } from '../session/session-context';
import { formatMoney, formatTime } from '../ui/format';
import { QueryView } from '../ui/states';
import { OrderActions } from './order-actions';
import { orderLines } from './order-lines';
import { OrderStatusBadge } from './order-status-badge';

export default function OrderPage() {
  const { orderNo = '' } = useParams();
  const { api } = useSession();
  const order = useQuery({
    queryKey: ['order', orderNo],
    queryFn: () => unwrap(api.GET('/api/orders/{orderNo}', { params: { path: { orderNo } } })),
  });
  const customerId = order.data?.customerId;
  const inventory = useQuery({
    queryKey: ['inventory', customerId],
    enabled: Boolean(customerId),
    queryFn: () =>
      unwrap(
        api.GET('/api/customers/{customerId}/inventory', { params: { path: { customerId: customerId! } } }),
      ),
  });
  return (
    <QueryView query={order} what={`order ${orderNo}`}>
      {(o) => {
        const held = new Map(inventory.data?.packages.map((p) => [p.package, p.held]));
        const lines = orderLines(o, (pkg) => held.get(pkg) ?? 0);
        const prices = new Map(o.items.map((i) => [i.itemNo, i.customerPrice]));
        return (
          <section>
            <h1>
              Order {o.orderNo} <OrderStatusBadge status={o.status} />
            </h1>
            <dl className="facts">
              <dt>Customer</dt>
              <dd>
                <Link to={`/customers/${o.customerId}`}>{o.customerId}</Link>
              </dd>
              <dt>Title</dt>
              <dd>{o.title}</dd>
              <dt>Type</dt>
              <dd>{o.type}</dd>
              <dt>Placed</dt>
              <dd>{formatTime(o.orderDate)}</dd>
              <dt>Change date</dt>
              <dd>{o.changeDate}</dd>
              {o.effectiveDate && (
                <>
                  <dt>Effective</dt>
                  <dd>{o.effectiveDate}</dd>
                </>
              )}
              {o.rejectReason && (
                <>
                  <dt>Rejected because</dt>
                  <dd>{o.rejectReason}</dd>
                </>
              )}
              {o.note && (
                <>
                  <dt>Note</dt>
                  <dd>{o.note}</dd>
                </>
              )}
            </dl>
            <table aria-label="Order items">
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>Package</th>
                  <th>Billing account</th>
                  <th className="num">Trial days</th>
                  <th className="num">Price</th>
                  <th className="num">Now</th>
                  <th className="num">Order</th>
                  <th className="num">To Be</th>
                  <th>Billing start</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.itemNo}>
                    <td className="num">{l.itemNo}</td>
                    <td>{l.package}</td>
                    <td>{l.billingAccount}</td>
                    <td className="num">{l.trialDays}</td>
                    <td className="num">{formatMoney(prices.get(l.itemNo) ?? 0)}</td>
                    <td className="num">{l.now}</td>
                    <td className={`num ${l.order < 0 ? 'neg' : 'pos'}`}>
                      {l.order > 0 ? `+${l.order}` : l.order}
                    </td>
                    <td className="num">{l.toBe}</td>
                    <td>{l.billingStart ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <OrderActions orderNo={o.orderNo} status={o.status} />
            <p>
              <Link to={`/audit?orderNo=${o.orderNo}`}>This order's events in the audit trail</Link>
            </p>
          </section>
        );
      }}
    </QueryView>
  );
}
