import type { DomainErrorType } from '@ledger/domain';

const FORBIDDEN = 403;
const NOT_FOUND = 404;
const BROKEN_RULE = 409;
/** Stored events the code cannot read: the server's fault, never the client's. */
const CORRUPT_HISTORY = 500;

/**
 * The one table from domain error to HTTP status (API.md: a broken domain rule is 409). A new error
 * type in libs/domain does not compile until it is placed here.
 */
export const DOMAIN_ERROR_STATUS: { readonly [T in DomainErrorType]: number } = {
  'customer-not-found': NOT_FOUND,
  'order-not-found': NOT_FOUND,
  'user-not-found': NOT_FOUND,
  'customer-exists': BROKEN_RULE,
  'order-exists': BROKEN_RULE,
  // Numbers come from blocks no two processes share, so only a bug meets it; placing the order again takes a new number.
  'order-number-taken': BROKEN_RULE,
  'package-exists': BROKEN_RULE,
  'reseller-exists': BROKEN_RULE,
  'no-sites': BROKEN_RULE,
  'invalid-site-range': BROKEN_RULE,
  'duplicate-site': BROKEN_RULE,
  'quantity-zero': BROKEN_RULE,
  'invalid-quantity': BROKEN_RULE,
  'invalid-trial-days': BROKEN_RULE,
  'invalid-price': BROKEN_RULE,
  'invalid-date': BROKEN_RULE,
  'order-not-editable': BROKEN_RULE,
  'invalid-transition': BROKEN_RULE,
  'order-has-no-items': BROKEN_RULE,
  // Who may act depends on the order's status, so it is decided in the domain, but it is still about the caller's role.
  'rejecter-not-allowed': FORBIDDEN,
  'return-exceeds-unassigned': BROKEN_RULE,
  'order-not-approved': BROKEN_RULE,
  'held-below-zero': BROKEN_RULE,
  'unknown-site': BROKEN_RULE,
  'extension-out-of-range': BROKEN_RULE,
  'extension-taken': BROKEN_RULE,
  'no-available-license': BROKEN_RULE,
  'same-package': BROKEN_RULE,
  // The import handler answers it as a 400 listing every bad cell (API.md); this is its status anywhere else.
  'invalid-invoice': 400,
  'invoice-exists': BROKEN_RULE,
  'unknown-event-type': CORRUPT_HISTORY,
  'unsupported-event-version': CORRUPT_HISTORY,
};
