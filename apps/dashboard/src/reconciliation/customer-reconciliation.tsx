import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { useSession } from '../session/session-context';
import { formatMoney, formatSigned } from '../ui/format';
import { Empty, QueryView } from '../ui/states';
import { reasonLabel } from './reason-labels';

/** Expected against invoiced per package for one customer-month, each difference with its reasons. */
export function CustomerReconciliation({ customerId, month }: { customerId: string; month: string }) {
  const { api } = useSession();
  const rec = useQuery({
    queryKey: ['reconciliation', customerId, month],
    queryFn: () =>
      unwrap(
        api.GET('/api/customers/{customerId}/reconciliation', {
          params: { path: { customerId }, query: { month } },
        }),
      ),
  });
  return (
    <QueryView query={rec} what={`${customerId} for ${month}`}>
      {(r) =>
        r.lines.length === 0 ? (
          <Empty>
            Nothing was held or invoiced for {customerId} in {month}.
          </Empty>
        ) : (
          <table aria-label={`Reconciliation of ${customerId}`}>
            <thead>
              <tr>
                <th>Package</th>
                <th className="num">License-days</th>
                <th className="num">Expected</th>
                <th className="num">Invoiced qty</th>
                <th className="num">Invoiced</th>
                <th className="num">Difference</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {r.lines.map((l) => (
                <tr
                  key={l.package}
                  className={l.difference !== 0 || l.reasons.length ? 'mismatch' : undefined}
                >
                  <td>{l.package}</td>
                  <td className="num">{l.expected.licenseDays}</td>
                  <td className="num">{formatMoney(l.expected.amount)}</td>
                  <td className="num">{l.invoiced.quantity}</td>
                  <td className="num">{formatMoney(l.invoiced.amount)}</td>
                  <td className="num">{formatSigned(l.difference, formatMoney)}</td>
                  <td>{l.reasons.map(reasonLabel).join('; ')}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>Total</th>
                <td />
                <td className="num">{formatMoney(r.totals.expected)}</td>
                <td />
                <td className="num">{formatMoney(r.totals.invoiced)}</td>
                <td className="num">{formatSigned(r.totals.difference, formatMoney)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        )
      }
    </QueryView>
  );
}
