import { readFileSync } from 'node:fs';
import { API_SCHEMA_FILE, composeApiSchema, composeSupergraph, SUBGRAPHS, subgraphSdl, SUPERGRAPH_FILE } from '../../gateway/supergraph';
import { ConfigError, loadConfig, SUBGRAPH_PORT, subgraphUrls } from '../../platform/config';

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

  it('shows clients none of what the subgraphs ask each other for (@inaccessible), and the supergraph routes it', () => {
    const inaccessible = SUBGRAPHS.flatMap((name) =>
      [...subgraphSdl(name).matchAll(/^\s*(?:input |type )?(\w+)\b[^\n]*@inaccessible/gm)].map((m) => m[1]),
    );
    expect(inaccessible).toEqual(expect.arrayContaining(['customersByIds', 'customerIdsOfRecords', 'observeRecords', 'PersonRecordInput']));
    const api = composeApiSchema();
    const supergraph = composeSupergraph();
    for (const name of inaccessible) {
      expect(api).not.toMatch(new RegExp(`\\b${name}\\b`));
      expect(supergraph).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it('names in @join__graph where npm start serves each subgraph, and <NAME>_SUBGRAPH_URL overrides it per environment', () => {
    const committed = readFileSync(SUPERGRAPH_FILE, 'utf8');
    const joinUrls = Object.fromEntries([...committed.matchAll(/@join__graph\(name: "(\w+)", url: "([^"]+)"\)/g)].map((m) => [m[1], m[2]]));
    const defaults = loadConfig({});
    expect(joinUrls).toEqual(
      Object.fromEntries(SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${defaults.env[SUBGRAPH_PORT[name]]}/graphql`])),
    );
    expect(subgraphUrls(defaults, SUBGRAPHS)).toEqual(joinUrls);
    const staging = loadConfig({ ORDERS_SUBGRAPH_URL: 'http://orders.staging.internal:8080/graphql' });
    expect(subgraphUrls(staging, SUBGRAPHS)).toEqual({ ...joinUrls, orders: 'http://orders.staging.internal:8080/graphql' });
    expect(() => loadConfig({ ORDERS_SUBGRAPH_URL: 'orders.internal 8080' })).toThrow(ConfigError);
  });

  it("finds a subgraph whose URL is unset where this configuration serves it: its host and its port's variable", () => {
    const moved = loadConfig({ ORDERS_PORT: '5002', CRM_SUBGRAPH_PORT: '5005' });
    const urls = subgraphUrls(moved, SUBGRAPHS);
    expect(urls.orders).toBe('http://127.0.0.1:5002/graphql');
    expect(urls.crm).toBe('http://127.0.0.1:5005/graphql');
    expect(urls.identity).toBe(subgraphUrls(loadConfig({}), ['identity']).identity);
    // a server listening on every address is reached on loopback; an IPv6 address takes its brackets
    expect(subgraphUrls(loadConfig({ HOST: '0.0.0.0' }), ['orders']).orders).toBe('http://127.0.0.1:4002/graphql');
    expect(subgraphUrls(loadConfig({ HOST: '::1' }), ['orders']).orders).toBe('http://[::1]:4002/graphql');
  });
});
