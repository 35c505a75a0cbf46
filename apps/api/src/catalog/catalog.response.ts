import { z } from 'zod';
import { named, position } from '../http/api-responses.js';

const packageFields = {
  name: z.string(),
  itemGroup: z.string(),
  monthlyPrice: z.number().describe('Monthly customer price per license'),
};

export const catalogPackage = named('CatalogPackage', z.object(packageFields));

/** The package catalog: one page holding every package (the price list is short). */
export const packageCatalog = named(
  'PackageCatalog',
  z.object({ items: z.array(catalogPackage), nextCursor: z.null(), position }),
);

export const addedPackage = named('AddedPackage', z.object({ ...packageFields, position }));
