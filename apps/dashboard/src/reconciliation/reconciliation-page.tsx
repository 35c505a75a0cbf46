import { mayImportInvoices } from '../layout/role-pages';
import { useUrlFilters } from '../filters/use-url-filters';
import { useClaims } from '../session/session-context';
import { monthOf } from '../ui/format';
import { CustomerReconciliation } from './customer-reconciliation';
import { FleetReconciliation } from './fleet-reconciliation';
import { InvoiceUpload } from './invoice-upload';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Last month: the one the carrier's latest invoice covers. */
const lastMonth = (today: Date): string =>
  monthOf(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)));

export default function ReconciliationPage() {
  const claims = useClaims();
  const { values, set } = useUrlFilters(['customerId', 'month'] as const);
  const month = MONTH.test(values.month) ? values.month : lastMonth(new Date());
  const customerId = claims.customerId ?? values.customerId;
  return (
    <section>
      <h1>Reconciliation</h1>
      <div className="filters">
        <label>
          Month <input type="month" value={month} onChange={(e) => set({ month: e.target.value })} />
        </label>
        {!claims.customerId && (
          <label>
            Customer{' '}
            <input
              value={values.customerId}
              placeholder="all customers"
              onChange={(e) => set({ customerId: e.target.value.trim() })}
            />
          </label>
        )}
        {values.customerId && !claims.customerId && (
          <button type="button" className="link" onClick={() => set({ customerId: '' })}>
            All customers
          </button>
        )}
      </div>
      {mayImportInvoices(claims.role) && <InvoiceUpload />}
      {customerId ? (
        <CustomerReconciliation customerId={customerId} month={month} />
      ) : (
        <FleetReconciliation
          resellerId={claims.resellerId!}
          month={month}
          onOpen={(id) => set({ customerId: id, month })}
        />
      )}
    </section>
  );
}
