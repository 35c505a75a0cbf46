import { useQuery } from '@tanstack/react-query';
import { allPages } from '../api/all-pages';
import { unwrap } from '../api/client';
import { useSession } from '../session/session-context';
import { formatMoney, formatSigned } from '../ui/format';
import { Empty, QueryView } from '../ui/states';
import { reasonLabel } from './reason-labels';

/** Every customer of the reseller for a month, the most money at stake first (the API's order). */
export function FleetReconciliation({
  resellerId,
  month,
  onOpen,
}: {
  resellerId: string;
  month: string;
  onOpen: (customerId: string) => void;
}) {
  const { api } = useSession();
  const rec = useQuery({
    queryKey: ['reconciliation-fleet', resellerId, month],
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/api/resellers/{resellerId}/reconciliation', {
            params: { path: { resellerId }, query: { month, limit: 1000, cursor } },
          }),
        ),
      ),
  });
  return (
    <QueryView query={rec} what={`the fleet for ${month}`}>
      {(rows) =>
        rows.length === 0 ? (
          <Empty>No customer held or was invoiced anything in {month}.</Empty>
        ) : (
          <table aria-label="Reconciliation by customer">
            <thead>
              <tr>
                <th>Customer</th>
                <th className="num">Expected</th>
                <th className="num">Invoiced</th>
                <th className="num">Difference</th>
                <th className="num">At stake</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.customerId} className={r.atStake > 0 ? 'mismatch' : undefined}>
                  <td>
                    <button type="button" className="link" onClick={() => onOpen(r.customerId)}>
                      {r.name}
                    </button>{' '}
                    <span className="muted">{r.customerId}</span>
                  </td>
                  <td className="num">{formatMoney(r.totals.expected)}</td>
                  <td className="num">{formatMoney(r.totals.invoiced)}</td>
                  <td className="num">{formatSigned(r.totals.difference, formatMoney)}</td>
                  <td className="num">{formatMoney(r.atStake)}</td>
                  <td>{r.reasons.map(reasonLabel).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </QueryView>
  );
}
