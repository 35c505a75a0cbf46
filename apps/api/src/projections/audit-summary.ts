import type { ConfirmedItem, LedgerEvent } from '@ledger/domain';

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
const confirmed = (item: ConfirmedItem): string => `${item.package} ${item.now} -> ${item.toBe} (${signed(item.order)})`;

/** One line an auditor can read, e.g. "9240 Demo (297): Basic User With VM -> Premium iPECS ONE USER". */
export const auditSummary = (event: LedgerEvent): string => {
  switch (event.type) {
    case 'CustomerRegistered':
      return `Customer ${event.data.customerId} ${event.data.name} registered for reseller ${event.data.resellerId}`;
    case 'OrderPlaced':
      return `Order ${event.data.orderNo} placed: ${event.data.title} (${event.data.type}, change date ${event.data.changeDate})`;
    case 'LicenseOrdered':
      return `Order ${event.data.orderNo} item ${event.data.itemNo}: +${event.data.quantity} ${event.data.package}`;
    case 'LicenseReturned':
      return `Order ${event.data.orderNo} item ${event.data.itemNo}: -${event.data.quantity} ${event.data.package}`;
    case 'OrderItemRemoved':
      return `Order ${event.data.orderNo} item ${event.data.itemNo} removed`;
    case 'OrderSubmitted':
      return `Order ${event.data.orderNo} submitted`;
    case 'OrderApproved':
      return `Order ${event.data.orderNo} approved`;
    case 'OrderRejected':
      return `Order ${event.data.orderNo} rejected: ${event.data.reason}`;
    case 'OrderCancelled':
      return `Order ${event.data.orderNo} cancelled`;
    case 'OrderFinalConfirmed':
      return `Order ${event.data.orderNo} final confirmed, effective ${event.data.effectiveDate}: ${event.data.items.map(confirmed).join('; ')}`;
    case 'UserAdded':
      return `${event.data.name} (${event.data.extension}) added on ${event.data.package}`;
    case 'PackageChanged':
      return `${event.data.name} (${event.data.extension}): ${event.data.fromPackage} -> ${event.data.toPackage}`;
    case 'UserRemoved':
      return `${event.data.name} (${event.data.extension}) removed, freeing a ${event.data.package} license`;
    case 'PackageAdded':
      return `Package ${event.data.name} (${event.data.itemGroup}) added to the catalog at ${event.data.monthlyPrice} a month`;
    case 'ResellerRegistered':
      return `Reseller ${event.data.resellerId} ${event.data.name} registered${event.data.parentResellerId ? ` under ${event.data.parentResellerId}` : ''}`;
    case 'OrderNumberAssigned':
      return `Order number ${event.data.orderNo} assigned to customer ${event.data.customerId}`;
    case 'OrderNumbersReserved':
      return `Order numbers ${event.data.first} to ${event.data.first + event.data.count - 1} reserved`;
    case 'OrderNumberClaimed':
      return `Order number ${event.data.orderNo} claimed for customer ${event.data.customerId}`;
    case 'InvoiceImported':
      return `Invoice ${event.data.fileName} (${event.data.format}) imported for reseller ${event.data.resellerId}: ${event.data.lines.length} lines`;
    default: {
      const unexpected: never = event;
      return String(unexpected);
    }
  }
};
