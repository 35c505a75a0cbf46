import type { Role } from '@ledger/domain';

export type Page = 'fleet' | 'customer' | 'orders' | 'audit' | 'reconciliation';

/**
 * What each role may open (API.md, "Auth"): the operator reads no customer data; a customer manager
 * reads its own customer only, so it has no fleet and no reseller-wide reconciliation.
 */
const PAGES: Record<Role, readonly Page[]> = {
  operator: [],
  'reseller-admin': ['fleet', 'customer', 'orders', 'audit', 'reconciliation'],
  approver: ['fleet', 'customer', 'orders', 'audit', 'reconciliation'],
  'customer-manager': ['customer', 'orders', 'audit', 'reconciliation'],
  auditor: ['fleet', 'customer', 'orders', 'audit', 'reconciliation'],
  'billing-analyst': ['fleet', 'customer', 'orders', 'audit', 'reconciliation'],
};

export const pagesFor = (role: Role): readonly Page[] => PAGES[role];
export const mayOpen = (role: Role, page: Page): boolean => PAGES[role].includes(page);

/** Who may upload a carrier invoice (API.md, POST /api/invoices). */
export const mayImportInvoices = (role: Role): boolean =>
  role === 'billing-analyst' || role === 'reseller-admin';
