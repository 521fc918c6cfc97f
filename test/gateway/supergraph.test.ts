import { readFileSync } from 'node:fs';
import { API_SCHEMA_FILE, composeApiSchema, composeSupergraph, SUPERGRAPH_FILE } from '../../gateway/supergraph';

describe('schema/supergraph.graphql', () => {
  it('is what the subgraph SDL files compose to (run `npm run compose` when this fails)', () => {
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph());
  });

  it('has a current public API schema beside it, without federation internals (run `npm run compose` when this fails)', () => {
    const api = readFileSync(API_SCHEMA_FILE, 'utf8');
    expect(api).toBe(composeApiSchema());
    expect(api).toContain('findCustomers(phone: String, email: String, loyaltyCard: String, name: String): [Customer!]!');
    expect(api).not.toMatch(/join__|link__|@inaccessible|_entities|_service/);
  });

  it('keeps the contract names', () => {
    const sdl = composeSupergraph();
    for (const name of [
      'customer(id: ID!): Customer',
      'findCustomers(phone: String, email: String, loyaltyCard: String, name: String): [Customer!]!',
      'product(sku: ID!): Product',
      // nullable, unlike the contract: with their silo down the rest of a query still answers (README)
      'products(search: String, category: String, first: Int = 20, after: String): ProductConnection',
      'store(id: ID!): Store',
      'stores: [Store!]',
      'offer(channel: Channel!, storeId: ID, customerId: ID): Offer',
      'offers(channel: Channel!, storeId: ID): [Promotion!]',
      'order(id: ID!): Order',
    ]) {
      expect(sdl).toContain(name);
    }
  });
});
