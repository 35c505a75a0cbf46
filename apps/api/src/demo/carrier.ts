import {
  addDays,
  expectedInvoiceLines,
  fromCents,
  type InvoiceLine,
  type LicensePeriod,
  toCents,
} from '@ledger/domain';
import { stringify } from 'csv-stringify/sync';
import { firstOfNextMonth, midnightOf, minutesAfter, workingDay } from './demo-calendar.js';
import type { DemoApi } from './demo-api.js';
import { DEMO_CATALOG } from './demo-data.js';
import { CHILD_RESELLER, ROOT_RESELLER } from './demo-fleet.js';
import type { Random } from './random.js';
import type { Simulation } from './simulation.js';

/** The carrier onboards the root reseller and keeps the price list; the reseller registers its child. */
export async function onboardResellers(api: DemoApi): Promise<void> {
  const operator = await api.as('operator');
  await operator.send('POST', '/api/resellers', ROOT_RESELLER);
  for (const pkg of DEMO_CATALOG) await operator.send('POST', '/api/packages', pkg);
  const admin = await api.as('reseller-admin', ROOT_RESELLER.resellerId);
  await admin.send('POST', '/api/resellers', CHILD_RESELLER);
}

interface CustomerLine extends InvoiceLine {
  readonly customerId: string;
}

type Perturbation = (line: CustomerLine) => CustomerLine | undefined;

const priceOf = (pkg: string): number => DEMO_CATALOG.find((entry) => entry.name === pkg)?.monthlyPrice ?? 0;

/** How the carrier's last invoice gets lines wrong: each is a difference the reconciliation names. */
const MISTAKES: readonly Perturbation[] = [
  // price-mismatch: the right quantity at a wrong amount
  (line) => ({
    ...line,
    amount: fromCents(toCents(line.amount) + Math.max(100, Math.round(toCents(line.amount) / 10))),
  }),
  // quantity-mismatch: one license more, billed the whole month
  (line) => ({
    ...line,
    quantity: line.quantity + 1,
    amount: fromCents(toCents(line.amount) + toCents(priceOf(line.package))),
  }),
  // not-billed: a line left out
  () => undefined,
];

/** When the invoice of `month` is imported: 10:00 on the sixth of the next month, or the working day after. */
const importAt = (month: string): number =>
  minutesAfter(midnightOf(workingDay(addDays(firstOfNextMonth(`${month}-01`), 5))), 600);

/** The months of the history whose invoice the analyst imports: the last three imported before its end. */
export const invoiceMonths = (months: readonly string[], end: number): string[] =>
  months.filter((month) => importAt(month) < end).slice(-3);

export interface InvoicedCustomers {
  readonly customerIds: readonly string[];
  periods(customerId: string): Promise<LicensePeriod[]>;
}

/**
 * The carrier's invoices of the reseller's tree for recent months, imported by its billing analyst a
 * few days into the next month: the lines the ledger expects (the domain's expectedInvoiceLines),
 * except on the last one, where a few lines of different customers are wrong.
 */
export class CarrierInvoices {
  constructor(
    private readonly api: DemoApi,
    private readonly sim: Simulation,
    private readonly random: Random,
    private readonly customers: InvoicedCustomers,
  ) {}

  async importAll(months: readonly string[]): Promise<void> {
    const analyst = await this.api.as('billing-analyst', ROOT_RESELLER.resellerId);
    for (const [index, month] of months.entries()) {
      await this.sim.at(importAt(month));
      const lines = await this.expected(month);
      const sent = index === months.length - 1 ? this.withMistakes(lines) : lines;
      const rows = sent.map((line) => [
        line.customerId,
        line.package,
        line.quantity,
        month,
        line.amount.toFixed(2),
      ]);
      const csv = stringify([['customerId', 'package', 'quantity', 'period', 'amount'], ...rows]);
      await analyst.upload('/api/invoices', `carrier-invoice-${ROOT_RESELLER.resellerId}-${month}.csv`, csv);
    }
  }

  private async expected(month: string): Promise<CustomerLine[]> {
    const lines: CustomerLine[] = [];
    for (const customerId of this.customers.customerIds) {
      const periods = await this.customers.periods(customerId);
      lines.push(...expectedInvoiceLines(periods, month).map((line) => ({ customerId, ...line })));
    }
    return lines;
  }

  /** One mistake on a line of each of a few different customers. */
  private withMistakes(lines: readonly CustomerLine[]): CustomerLine[] {
    const customers = [...new Set(lines.map((line) => line.customerId))];
    const wrong = new Map<CustomerLine, Perturbation>();
    for (const mistake of MISTAKES) {
      if (customers.length === 0) break;
      const customerId = customers.splice(this.random.int(0, customers.length - 1), 1)[0];
      wrong.set(this.random.pick(lines.filter((line) => line.customerId === customerId)), mistake);
    }
    return lines.flatMap((line) => {
      const mistake = wrong.get(line);
      const sent = mistake ? mistake(line) : line;
      return sent ? [sent] : [];
    });
  }
}
