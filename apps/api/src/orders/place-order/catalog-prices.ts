import { Injectable } from '@nestjs/common';
import { CATALOG_STREAM, catalogDecider, OrderItemInput } from '@ledger/domain';
import { FieldError, validationProblem } from '../../http/problem.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { OrderItemRequest } from './order-items.request.js';

/** Order items name packages of the catalog; the catalog's monthly price becomes the item's customer price. */
@Injectable()
export class CatalogPrices {
  constructor(private readonly loop: DecisionLoop) {}

  async price(items: readonly OrderItemRequest[]): Promise<OrderItemInput[]> {
    const { state: catalog } = await this.loop.load(CATALOG_STREAM, catalogDecider);
    const errors: FieldError[] = [];
    const priced = items.map((item, index) => {
      const entry = catalog.get(item.package);
      if (!entry) {
        errors.push({ field: `items[${index}].package`, rule: 'in-catalog', message: `${item.package} is not a package of the catalog` });
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
