import { ORDER_TRANSITIONS } from '@ledger/domain';
import { Link } from 'react-router';
import type { OrderSummary } from '../api/types';
import { itemsSummary } from '../orders/order-lines';
import { formatTime } from '../ui/format';
import { Empty } from '../ui/states';

const WAITING = [
  { label: 'Waiting for approval', statuses: ORDER_TRANSITIONS.ApproveOrder.from },
  { label: 'Waiting for final confirm', statuses: ORDER_TRANSITIONS.FinalConfirmOrder.from },
];

/** The customer's orders someone still has to act on, by the step they wait for. */
export function WaitingOrders({ orders }: { orders: readonly OrderSummary[] }) {
  const groups = WAITING.map((w) => ({
    ...w,
    orders: orders.filter((o) => (w.statuses as readonly string[]).includes(o.status)),
  }));
  if (groups.every((g) => g.orders.length === 0))
    return <Empty>No order is waiting for approval or final confirm.</Empty>;
  return (
    <>
      {groups
        .filter((g) => g.orders.length > 0)
        .map((g) => (
          <div key={g.label}>
            <h3>{g.label}</h3>
            <ul className="orders-waiting">
              {g.orders.map((o) => (
                <li key={o.orderNo}>
                  <Link to={`/orders/${o.orderNo}`}>Order {o.orderNo}</Link> · {itemsSummary(o.items)} ·
                  change date {o.changeDate} · placed {formatTime(o.orderDate)}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </>
  );
}
