import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { InventoryTable } from '../customer/inventory-table';
import { useSession } from '../session/session-context';
import { Empty, QueryView } from '../ui/states';

/** What the customer's account looked like at a moment: inventory, users and open orders then. */
export function AsOfView({ customerId, at }: { customerId: string; at: string }) {
  const { api } = useSession();
  const asOf = useQuery({
    queryKey: ['as-of', customerId, at],
    queryFn: () =>
      unwrap(
        api.GET('/api/customers/{customerId}/as-of', { params: { path: { customerId }, query: { at } } }),
      ),
  });
  return (
    <section className="as-of" aria-label="As of">
      <QueryView query={asOf} what={`${customerId} as of ${at}`}>
        {(view) => (
          <>
            <h2>
              {customerId} as of {view.at}
            </h2>
            <InventoryTable rows={view.packages} />
            <h3>Users then</h3>
            {view.users.length === 0 ? (
              <Empty>No users.</Empty>
            ) : (
              <ul className="compact">
                {view.users.map((u) => (
                  <li key={u.extension}>
                    {u.extension} {u.name} · {u.package}
                  </li>
                ))}
              </ul>
            )}
            <h3>Open orders then</h3>
            {view.openOrders.length === 0 ? (
              <Empty>None.</Empty>
            ) : (
              <ul className="compact">
                {view.openOrders.map((o) => (
                  <li key={o.orderNo}>
                    {o.orderNo} · {o.status}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}
