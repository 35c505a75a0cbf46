import { Injectable } from '@nestjs/common';
import { type Catalog, CATALOG_STREAM, catalogDecider, type CatalogPackage, packageOf } from '@ledger/domain';
import { type FieldError, validationProblem } from '../http/problem.js';
import { DecisionLoop } from '../shared/decision-loop.js';

/** The 400 for a request field that names a package the catalog does not have. */
export const notInCatalog = (field: string, name: string): FieldError => ({
  field,
  rule: 'in-catalog',
  message: `${name} is not a package of the catalog`,
});

/** The carrier's package catalog as requests see it: every field naming a package names one of it. */
@Injectable()
export class PackageCatalog {
  constructor(private readonly loop: DecisionLoop) {}

  async packages(): Promise<Catalog> {
    return (await this.loop.load(CATALOG_STREAM, catalogDecider)).state;
  }

  /** The package `field` names, or a 400 `in-catalog` naming the field. */
  async require(field: string, name: string): Promise<CatalogPackage> {
    const entry = packageOf(await this.packages(), name);
    if (!entry) throw validationProblem([notInCatalog(field, name)]);
    return entry;
  }
}
