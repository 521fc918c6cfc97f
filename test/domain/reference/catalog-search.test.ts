// Search and category filters of the catalogue held in memory: what a tablet's or a phone's user
// types, accents and capitals left out or not, finds what the e-shop holds.
import { catalogIndex, searchCatalog } from '../../../domain/reference/catalog';
import type { Product } from '../../../domain/types';

const product = (sku: string, name: string, category: string) => ({ sku, ean: `E${sku}`, name, category }) as Product;
const index = catalogIndex([
  product('SKU-3', 'Lampe à poser Éole', 'Éclairage'),
  product('SKU-1', 'Couteau à découper', 'Cuisine'),
  product('SKU-2', 'Planche à DÉCOUPER', 'Cuisine'),
]);
const skus = (found: readonly Product[]) => found.map((p) => p.sku);

describe('searchCatalog', () => {
  it.each([
    ['its accents', 'découper'],
    ['no accents', 'decouper'],
    ['capitals and spaces', '  DECOUPER '],
  ])('finds a word of the name typed with %s, in the catalogue order', (_, search) => {
    expect(skus(searchCatalog(index, { search }))).toEqual(['SKU-1', 'SKU-2']);
  });

  it('finds a product by its SKU, whatever its case', () => {
    expect(skus(searchCatalog(index, { search: 'sku-3' }))).toEqual(['SKU-3']);
  });

  it('filters by a category typed without its accent, and by both', () => {
    expect(skus(searchCatalog(index, { category: 'eclairage' }))).toEqual(['SKU-3']);
    expect(skus(searchCatalog(index, { category: 'CUISINE', search: 'planche' }))).toEqual(['SKU-2']);
    expect(skus(searchCatalog(index, { category: 'Éclairage', search: 'planche' }))).toEqual([]);
  });

  it('finds nothing for a category that is none', () => {
    expect(searchCatalog(index, { category: 'Cuisines' })).toEqual([]);
  });

  it('lists the whole catalogue, in its order, without a search or a category', () => {
    expect(skus(searchCatalog(index, {}))).toEqual(['SKU-1', 'SKU-2', 'SKU-3']);
    expect(skus(searchCatalog(index, { search: '', category: null }))).toEqual(['SKU-1', 'SKU-2', 'SKU-3']);
  });
});
