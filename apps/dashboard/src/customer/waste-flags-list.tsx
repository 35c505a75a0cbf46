import type { WasteFlags } from '../api/types';
import { formatMoney, formatTime } from '../ui/format';
import { Empty } from '../ui/states';

/** Money the customer pays for nothing: licenses nobody used, and upgrades whose old license was kept. */
export function WasteFlagsList({ waste }: { waste: WasteFlags }) {
  if (waste.flags.length === 0)
    return <Empty>Nothing paid for and unused over the last {waste.days} days.</Empty>;
  return (
    <ul className="flags">
      {waste.flags.map((flag) =>
        flag.kind === 'unassigned' ? (
          <li key={`u-${flag.package}`} className="flag">
            <strong>{flag.licenses} unassigned</strong> {flag.package} license{flag.licenses === 1 ? '' : 's'}{' '}
            for {waste.days} days: {formatMoney(flag.monthlyAmount)} a month
          </li>
        ) : (
          <li key={`p-${flag.extension}-${flag.changedAt}`} className="flag">
            <strong>Paid twice:</strong> extension {flag.extension} moved from {flag.package} to{' '}
            {flag.toPackage} on {formatTime(flag.changedAt)};{' '}
            {flag.returnedOn
              ? `the old license was returned late, on ${flag.returnedOn}`
              : 'the old license was never returned'}{' '}
            ({formatMoney(flag.monthlyAmount)} a month)
          </li>
        ),
      )}
    </ul>
  );
}
