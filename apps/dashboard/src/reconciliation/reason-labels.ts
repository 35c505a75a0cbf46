import type { ReconciliationReason } from '@ledger/domain';

/** The domain's reconciliation reasons (DOMAIN.md, billing rules) in a manager's words. */
const LABELS: Record<ReconciliationReason, string> = {
  'not-billed': 'Not billed',
  'billed-after-return': 'Billed after its return',
  'quantity-mismatch': 'Quantity differs from licenses held',
  'price-mismatch': 'Amount differs from the price list',
};

export const reasonLabel = (reason: string): string => LABELS[reason as ReconciliationReason] ?? reason;
