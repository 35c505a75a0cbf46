import { LEDGER_EVENT_TYPES, type LedgerEventType } from '@ledger/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../api/client';
import { useUrlFilters } from '../filters/use-url-filters';
import { useClaims, useSession } from '../session/session-context';
import { formatTime } from '../ui/format';
import { CursorPager } from '../ui/cursor-pager';
import { Empty, ErrorView, QueryView } from '../ui/states';
import { AsOfView } from './as-of-view';
import { AuditEventDetail } from './audit-event-detail';
import { downloadAuditCsv } from './csv-download';

const FILTERS = [
  'customerId',
  'orderNo',
  'actor',
  'type',
  'from',
  'to',
  'q',
  'order',
  'at',
  'position',
] as const;
const PAGE = 50;

/** The end of a day in UTC: an as-of date shows the account after everything recorded that day. */
const endOfDay = (day: string): string => `${day}T23:59:59.999Z`;

export default function AuditPage() {
  const { api, token } = useSession();
  const claims = useClaims();
  const { values, cursor, set } = useUrlFilters(FILTERS);
  const [csvError, setCsvError] = useState<unknown>(null);
  const customerId = claims.customerId ?? values.customerId;
  const query = {
    customerId: customerId || undefined,
    orderNo: values.orderNo || undefined,
    actor: values.actor || undefined,
    // An unknown type in a shared link is dropped rather than sent to be refused.
    type: (LEDGER_EVENT_TYPES as readonly string[]).includes(values.type)
      ? [values.type as LedgerEventType]
      : undefined,
    from: values.from || undefined,
    to: values.to || undefined,
    q: values.q || undefined,
    order: values.order === 'asc' ? ('asc' as const) : ('desc' as const),
  };
  const trail = useQuery({
    queryKey: ['audit', query, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/api/audit', { params: { query: { ...query, limit: PAGE, cursor: cursor || undefined } } }),
      ),
  });
  const csvFilters = new URLSearchParams(
    Object.entries(query).flatMap(([k, v]) =>
      v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x]) : [[k, String(v)]],
    ),
  );

  return (
    <section className="with-detail">
      <div>
        <h1>Audit trail</h1>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
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
          <label>
            Order{' '}
            <input
              value={values.orderNo}
              inputMode="numeric"
              onChange={(e) => set({ orderNo: e.target.value.trim() })}
            />
          </label>
          <label>
            Who <input value={values.actor} onChange={(e) => set({ actor: e.target.value })} />
          </label>
          <label>
            Event{' '}
            <select value={values.type} onChange={(e) => set({ type: e.target.value })}>
              <option value="">Any</option>
              {LEDGER_EVENT_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label>
            From <input type="date" value={values.from} onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label>
            To (not included){' '}
            <input type="date" value={values.to} onChange={(e) => set({ to: e.target.value })} />
          </label>
          <label>
            Search <input type="search" value={values.q} onChange={(e) => set({ q: e.target.value })} />
          </label>
          <label>
            Order by{' '}
            <select
              value={query.order}
              onChange={(e) => set({ order: e.target.value === 'asc' ? 'asc' : '' })}
            >
              <option value="desc">Newest first</option>
              <option value="asc">Oldest first</option>
            </select>
          </label>
          <button
            type="button"
            onClick={() => {
              setCsvError(null);
              downloadAuditCsv(token ?? '', csvFilters).catch(setCsvError);
            }}
          >
            Download CSV
          </button>
        </form>
        {csvError !== null && <ErrorView error={csvError} action="CSV download" />}
        {customerId && (
          <div className="filters">
            <label>
              {customerId} as of the end of{' '}
              <input
                type="date"
                value={values.at}
                onChange={(e) => set({ at: e.target.value, cursor: cursor })}
              />
            </label>
            {values.at && (
              <button type="button" className="link" onClick={() => set({ at: '', cursor: cursor })}>
                Clear
              </button>
            )}
          </div>
        )}
        {customerId && values.at && <AsOfView customerId={customerId} at={endOfDay(values.at)} />}
        <QueryView query={trail} what="the audit trail">
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No recorded event matches these filters.</Empty>
            ) : (
              <>
                <table aria-label="Audit trail">
                  <thead>
                    <tr>
                      <th className="num">#</th>
                      <th>When</th>
                      <th>Event</th>
                      <th>Who</th>
                      <th>Customer</th>
                      <th>What</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((e) => (
                      <tr
                        key={e.position}
                        className={String(e.position) === values.position ? 'selected' : undefined}
                      >
                        <td className="num">
                          <button
                            type="button"
                            className="link"
                            onClick={() => set({ position: String(e.position), cursor })}
                          >
                            {e.position}
                          </button>
                        </td>
                        <td>{formatTime(e.occurredAt)}</td>
                        <td>{e.type}</td>
                        <td>
                          {e.actor} <span className="muted">{e.role}</span>
                        </td>
                        <td>
                          {e.customerId ? <Link to={`/customers/${e.customerId}`}>{e.customerId}</Link> : '—'}
                        </td>
                        <td>{e.summary}</td>
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
      </div>
      {values.position && (
        <AuditEventDetail position={Number(values.position)} onClose={() => set({ position: '', cursor })} />
      )}
    </section>
  );
}
