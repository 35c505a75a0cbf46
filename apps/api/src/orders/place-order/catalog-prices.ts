import { Injectable } from '@nestjs/common';
import { type OrderItemInput, packageOf } from '@ledger/domain';
import { notInCatalog, PackageCatalog } from '../../catalog/package-catalog.js';
import { type FieldError, validationProblem } from '../../http/problem.js';
import type { OrderItemRequest } from './order-items.request.js';

/** Order items name packages of the catalog; the catalog's monthly price becomes the item's customer price. */
@Injectable()
export class CatalogPrices {
  constructor(private readonly catalog: PackageCatalog) {}

  async price(items: readonly OrderItemRequest[]): Promise<OrderItemInput[]> {
    const catalog = await this.catalog.packages();
    const errors: FieldError[] = [];
    const priced = items.map((item, index) => {
      const entry = packageOf(catalog, item.package);
      if (!entry) {
        errors.push(notInCatalog(`items[${index}].package`, item.package));
      } else if (entry.itemGroup !== item.itemGroup) {
        errors.push({
          field: `items[${index}].itemGroup`,
          rule: 'item-group',
          message: `${item.package} belongs to item group ${entry.itemGroup}, not ${item.itemGroup}`,
        });
      }
      return { ...item, comment: item.comment ?? '', customerPrice: entry?.monthlyPrice ?? 0 };
    });
    if (errors.length > 0) throw validationProblem(errors);
    return priced;
  }
}
