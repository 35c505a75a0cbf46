/** Stream names: one stream per consistency boundary (see README.md). */
export const CATALOG_STREAM = 'catalog';
export const ORDER_NUMBERS_STREAM = 'order-numbers';

const CUSTOMER_PREFIX = 'customer-';
const RESELLER_PREFIX = 'reseller-';

export const customerStream = (customerId: string): string => `${CUSTOMER_PREFIX}${customerId}`;
export const resellerStream = (resellerId: string): string => `${RESELLER_PREFIX}${resellerId}`;

/** The customer id of a customer stream name, or undefined for any other stream. */
export const customerIdOfStream = (stream: string): string | undefined =>
  stream.startsWith(CUSTOMER_PREFIX) ? stream.slice(CUSTOMER_PREFIX.length) : undefined;
