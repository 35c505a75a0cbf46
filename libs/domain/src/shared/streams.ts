/** Stream names: one stream per consistency boundary (see README.md). */
export const CATALOG_STREAM = 'catalog';
export const ORDER_NUMBERS_STREAM = 'order-numbers';

const CUSTOMER_PREFIX = 'customer-';
const RESELLER_PREFIX = 'reseller-';
const ORDER_PREFIX = 'order-';
const INVOICE_PREFIX = 'invoice-';

export const customerStream = (customerId: string): string => `${CUSTOMER_PREFIX}${customerId}`;
export const resellerStream = (resellerId: string): string => `${RESELLER_PREFIX}${resellerId}`;
/** The stream of one order number: its claim, which names the customer whose stream holds the order. */
export const orderNumberStream = (orderNo: string): string => `${ORDER_PREFIX}${orderNo}`;

/** One stream per imported invoice: deciding an import never reads the earlier ones, each of which carries all its lines. */
export const invoiceStream = (invoiceId: string): string => `${INVOICE_PREFIX}${invoiceId}`;

/** The invoice id of an invoice's stream, or undefined for any other stream. */
export const invoiceIdOfStream = (stream: string): string | undefined =>
  stream.startsWith(INVOICE_PREFIX) ? stream.slice(INVOICE_PREFIX.length) : undefined;

/** The customer id of a customer stream name, or undefined for any other stream. */
export const customerIdOfStream = (stream: string): string | undefined =>
  stream.startsWith(CUSTOMER_PREFIX) ? stream.slice(CUSTOMER_PREFIX.length) : undefined;

/** The order number of an order number's stream, or undefined for any other stream (`order-numbers` included). */
export const orderNoOfStream = (stream: string): string | undefined => {
  const orderNo = stream.startsWith(ORDER_PREFIX) ? stream.slice(ORDER_PREFIX.length) : '';
  return /^\d+$/.test(orderNo) ? orderNo : undefined;
};
