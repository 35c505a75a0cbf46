/** The `catalog` stream: one package catalog (the carrier's price list) for the whole ledger. */
import type { Command, Decider, DomainEvent } from '../shared/decider.js';
import { InvalidPrice, PackageExists } from '../shared/errors.js';

export interface CatalogPackage {
  readonly name: string;
  readonly itemGroup: string;
  /** Monthly customer price per license (EA). */
  readonly monthlyPrice: number;
}

export type AddPackage = Command<'AddPackage', CatalogPackage>;
export type PackageAdded = DomainEvent<'PackageAdded', CatalogPackage>;
export type Catalog = ReadonlyMap<string, CatalogPackage>;

export const decideCatalog = (command: AddPackage, catalog: Catalog): PackageAdded[] => {
  const { name, monthlyPrice } = command.data;
  if (catalog.has(name)) throw PackageExists({ package: name });
  if (!Number.isFinite(monthlyPrice) || monthlyPrice < 0) throw InvalidPrice({ package: name, price: monthlyPrice });
  return [{ type: 'PackageAdded', data: command.data }];
};

export const catalogDecider: Decider<AddPackage, PackageAdded, Catalog> = {
  decide: decideCatalog,
  evolve: (catalog, event) => new Map(catalog).set(event.data.name, event.data),
  initialState: () => new Map(),
};

export const packageOf = (catalog: Catalog, name: string): CatalogPackage | undefined => catalog.get(name);
