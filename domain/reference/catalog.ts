// The e-shop catalogue held in memory: the only SKU <-> EAN map there is (the POS knows EANs,
// everything else SKUs), and the index that search and category filters run on. It is slow to
// change, so it is read whole once per TTL, several pages at a time.
import type { EshopClient } from '../../adapters/eshop/client';
import type { Product } from '../types';
import { productFromEshop } from '../../adapters/eshop/mapping';
import { cachedValue, type CachedValue } from '../../platform/cache/cachedValue';
import { folded } from '../canonical/text';

const PAGE = 100;
const PARALLEL_PAGES = 8;

export interface CatalogIndex {
  /** sorted by SKU, the catalogue's stable order */
  products: Product[];
  bySku: Map<string, Product>;
  byEan: Map<string, Product>;
  categories: string[];
  /** each product's name folded (../canonical/text.ts), in the order of `products` */
  foldedNames: string[];
}

export type Catalog = CachedValue<CatalogIndex>;

export function createCatalog(eshop: EshopClient, ttlMs: number): Catalog {
  return cachedValue(() => loadIndex(eshop), ttlMs);
}

async function loadIndex(eshop: EshopClient): Promise<CatalogIndex> {
  const first = await eshop.listProducts(1, PAGE);
  const pages = Math.ceil(first.meta.total / PAGE);
  const raw = [...first.data];
  for (let start = 2; start <= pages; start += PARALLEL_PAGES) {
    const batch = [];
    for (let page = start; page < start + PARALLEL_PAGES && page <= pages; page++) {
      batch.push(eshop.listProducts(page, PAGE));
    }
    for (const result of await Promise.all(batch)) raw.push(...result.data);
  }
  return catalogIndex(raw.map(productFromEshop));
}

/** The index of these products (loaded from the e-shop, or a test's own). */
export function catalogIndex(unsorted: Product[]): CatalogIndex {
  const products = [...unsorted].sort((a, b) => a.sku.localeCompare(b.sku));
  return {
    products,
    bySku: new Map(products.map((p) => [p.sku, p])),
    byEan: new Map(products.map((p) => [p.ean, p])),
    categories: [...new Set(products.map((p) => p.category))].sort(),
    foldedNames: products.map((p) => folded(p.name)),
  };
}

/**
 * The products whose name holds `search` or whose SKU it is, in `category`, in the catalogue's order;
 * both compared folded, so that 'eclairage' finds 'Éclairage'.
 */
export function searchCatalog(
  index: CatalogIndex,
  { search, category }: { search?: string | null; category?: string | null },
): readonly Product[] {
  if (!search && !category) return index.products;
  const needle = search ? folded(search) : '';
  const categoryKey = category ? folded(category) : null;
  const wanted = categoryKey === null ? null : new Set(index.categories.filter((c) => folded(c) === categoryKey));
  return index.products.filter(
    (p, i) => (!wanted || wanted.has(p.category)) && (!needle || index.foldedNames[i].includes(needle) || p.sku.toLowerCase() === needle),
  );
}
