import { randomUUID } from 'node:crypto';
import {
  expectedCharges,
  type ImportInvoice,
  type InvoiceImported,
  invoiceDecider,
  invoicedMonths,
  type InvoiceLine,
  invoiceStream,
  licensePeriods,
  reconcile,
  toEnvelope,
} from '@ledger/domain';
import { type JsonObject, PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendHistory,
  generateHistory,
  type LedgerHistory,
} from '../../projections/testing/ledger-history.js';
import { openReadModels, projectToHead } from '../../projections/testing/read-model-testing.js';
import type { Database } from '../../store/open-database.js';
import { customerReconciliation } from './customer-reconciliation.query.js';

const EXTRA = 'Premium PLUS iPECS ONE USER';
const MONTHS = ['2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07'];
const metadata = {
  actor: 'analyst@RS-Vertical',
  role: 'billing-analyst',
  now: '2024-08-01T10:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
} as const;

/** An invoice the carrier might send for `lines`: the domain decides the import, as the API does. */
const importOf = (
  lines: readonly (InvoiceLine & { customerId: string; period: string })[],
  customers: readonly string[],
): InvoiceImported => {
  const invoiceId = randomUUID();
  const rows = [
    { line: 1, cells: ['customerId', 'package', 'quantity', 'period', 'amount'] },
    ...lines.map((line, index) => ({
      line: index + 2,
      cells: [line.customerId, line.package, String(line.quantity), line.period, line.amount.toFixed(2)],
    })),
  ];
  const command: ImportInvoice = {
    type: 'ImportInvoice',
    data: {
      invoiceId,
      resellerId: 'RS-Vertical',
      fileName: 'generated.csv',
      format: 'csv',
      rows,
      visibleCustomers: customers,
      packages: [
        'Basic User With VM',
        'Premium iPECS ONE USER',
        'Premium PLUS iPECS ONE USER',
        'Stand Alone VM',
      ],
    },
    metadata,
  };
  const [event] = invoiceDecider.decide(command, invoiceDecider.initialState());
  if (!event) throw new Error('the import recorded nothing');
  return event;
};

/**
 * What the read side answers for a customer's month (the periods that bear on the month, the latest
 * import's lines) is what the domain's reconcile answers over the customer's whole history, on a
 * generated history spread over months, with invoices off in every way the reasons name.
 */
describe('reconciliation read from the read models', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let readModels: Database;
  let history: LedgerHistory;
  const imports: InvoiceImported[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: database.url });
    readModels = await openReadModels(database.url);
    history = generateHistory({ customers: 4, eventsPerCustomer: 300, seed: 9, tickSeconds: 4 * 3600 });
    await appendHistory(store, history, 50);
    const customers = [...history.customers.keys()];
    // Per customer-month: the expected charges invoiced exactly, at another price, with one more
    // license, or left out, in turn; and now and then a line for a package not billed that month.
    const lines = customers.flatMap((customerId, c) => {
      const periods = licensePeriods(history.customers.get(customerId) ?? []);
      return MONTHS.flatMap((period, m) => {
        const charges = expectedCharges(periods, period);
        const billed = charges.flatMap((charge, k) => {
          const line = {
            customerId,
            period,
            package: charge.package,
            quantity: Math.max(1, Math.round(charge.licenseDays / 30)),
            amount: charge.amount,
          };
          const turn = (c + m + k) % 4;
          if (turn === 3) return [];
          return [
            turn === 1
              ? { ...line, amount: line.amount + 1.5 }
              : turn === 2
                ? { ...line, quantity: line.quantity + 1 }
                : line,
          ];
        });
        const unbilled =
          (c + m) % 3 === 0 && !charges.some((charge) => charge.package === EXTRA)
            ? [{ customerId, period, package: EXTRA, quantity: 1, amount: 40 }]
            : [];
        return [...billed, ...unbilled];
      });
    });
    imports.push(importOf(lines, customers));
    // A correction of two customer-months, which replaces what the first import said of them.
    const corrected = lines
      .filter(
        (line) =>
          line.customerId === customers[0] && (line.period === '2024-01' || line.period === '2024-02'),
      )
      .slice(1);
    imports.push(importOf(corrected, customers));
    for (const event of imports) {
      const envelope = toEnvelope(event, metadata);
      await store.appendToStream(
        invoiceStream(event.data.invoiceId),
        [
          {
            id: randomUUID(),
            type: envelope.type,
            data: envelope.data as unknown as JsonObject,
            metadata: { ...envelope.metadata },
          },
        ],
        'no-stream',
      );
    }
    await projectToHead(store, readModels.pool);
  });
  afterAll(async () => {
    await readModels?.close();
    await store?.close();
    await database?.drop();
  });

  /** The lines the latest import naming the customer-month has for it, by package. */
  const invoicedFor = (customerId: string, month: string): InvoiceLine[] => {
    const latest = imports
      .flatMap(invoicedMonths)
      .filter((m) => m.customerId === customerId && m.month === month)
      .at(-1);
    return (latest?.lines ?? [])
      .map(({ package: pkg, quantity, amount }) => ({ package: pkg, quantity, amount }))
      .sort((a, b) => (a.package < b.package ? -1 : 1));
  };

  it('equals the domain over the whole history, for every customer and month', async () => {
    let reasons = new Set<string>();
    for (const customerId of history.customers.keys()) {
      const periods = licensePeriods(history.customers.get(customerId) ?? []);
      for (const month of MONTHS) {
        const expected = reconcile(
          expectedCharges(periods, month),
          invoicedFor(customerId, month),
          periods,
          month,
        );
        const answered = await customerReconciliation(readModels.pool, customerId, month);
        expect(answered, `${customerId} ${month}`).toEqual({
          customerId,
          month,
          lines: [...expected.lines].sort((a, b) => (a.package < b.package ? -1 : 1)),
          totals: expected.totals,
        });
        reasons = new Set([...reasons, ...expected.lines.flatMap((line) => line.reasons)]);
      }
    }
    // The history is only a test of the read side if it meets every reason.
    expect([...reasons].sort()).toEqual([
      'billed-after-return',
      'not-billed',
      'price-mismatch',
      'quantity-mismatch',
    ]);
  });

  it('keeps only the latest import of a corrected customer-month', async () => {
    const [first] = history.customers.keys();
    const stored = await readModels.pool.query<{ invoice_id: string }>(
      "SELECT DISTINCT invoice_id FROM read_models.invoice_lines WHERE customer_id = $1 AND month IN ('2024-01', '2024-02')",
      [first],
    );
    expect(stored.rows.map((row) => row.invoice_id)).toEqual([imports[1]?.data.invoiceId]);
  });
});
