import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { operationCost, operationLimitsPlugin, type OperationLimits } from '../../gateway/limits';
import { listSizing } from '../../gateway/list-sizes';

// a slice of the public graph: costs need field types, arguments and the SDL's @listSize only
const SDL = `
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  type Query {
    products(first: Int = 20): ProductConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
    stores: [Store!]! @listSize(assumedSize: 20)
    store(id: ID!): Store
    categories: [String!]!
  }
  type ProductConnection { edges: [ProductEdge!]! totalCount: Int! }
  type ProductEdge { node: Product! }
  type Product { sku: ID! stockByStore: [Level] @listSize(assumedSize: 20) transactions(first: Int = 10): [Level!]! @listSize(slicingArguments: ["first"]) }
  type Level { available: Int! store: Store! }
  type Store { id: ID! name: String! }
`;
const schema = buildSchema(SDL);
const GUESS = 10;
const sizing = listSizing(SDL, GUESS);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return operationCost(schema, operation, fragments, variables, sizing);
}

describe('operationCost', () => {
  it('counts one per field', () => {
    expect(cost('{ store(id: "ST001") { id name } }')).toBe(3);
  });

  it("multiplies a connection's sized field (its edges) by its slicing argument", () => {
    // products 1 + (edges 1 + first x (node 1 + sku 1))
    expect(cost('{ products(first: 7) { edges { node { sku } } } }')).toBe(1 + 1 + 7 * 2);
    expect(cost('query($n: Int) { products(first: $n) { edges { node { sku } } } }', { n: 100 })).toBe(1 + 1 + 100 * 2);
    // what is beside the sized field is not multiplied
    expect(cost('{ products(first: 7) { totalCount } }')).toBe(2);
  });

  it("takes a variable's declared default as if it were given, and the argument's default when nothing is", () => {
    const withDefault = 'query($n: Int = 100) { products(first: $n) { edges { node { sku } } } }';
    expect(cost(withDefault)).toBe(cost('{ products(first: 100) { edges { node { sku } } } }'));
    expect(cost(withDefault, { n: 3 })).toBe(cost('{ products(first: 3) { edges { node { sku } } } }'));
    expect(cost('{ products { edges { node { sku } } } }')).toBe(1 + 1 + 20 * 2);
  });

  it('sizes lists from the schema: a slicing argument, an assumed size, else the guess', () => {
    expect(cost('{ stores { id } }')).toBe(1 + 20 * 1);
    expect(cost('{ categories }')).toBe(1);
    expect(cost('{ products(first: 1) { edges { node { transactions(first: 4) { available } } } } }')).toBe(1 + 1 + 1 * (1 + 1 + 4 * 1));
    expect(cost('{ products(first: 1) { edges { node { transactions { available } } } } }')).toBe(1 + 1 + 1 * (1 + 1 + 10 * 1));
  });

  it('multiplies nested lists', () => {
    // products 1 + edges 1 + 5 x (node 1 + sku 1 + stockByStore 1 + 20 x (available 1 + store 1 + id 1))
    expect(cost('{ products(first: 5) { edges { node { sku stockByStore { available store { id } } } } } }')).toBe(2 + 5 * (3 + 20 * 3));
  });

  it('counts fragments where they are spread', () => {
    expect(cost('{ stores { ...s } } fragment s on Store { id name }')).toBe(cost('{ stores { id name } }'));
  });
});

describe('listSizing', () => {
  it("reads the committed supergraph's @listSize: the stores a product is stocked in are not priced at the guess", async () => {
    const { readFileSync } = await import('node:fs');
    const { SUPERGRAPH_FILE } = await import('../../gateway/supergraph');
    const supergraph = listSizing(readFileSync(SUPERGRAPH_FILE, 'utf8'), GUESS);
    expect(supergraph.of('Product', 'stockByStore')).toEqual({ assumedSize: 20 });
    expect(supergraph.of('Query', 'products')).toEqual({ slicingArguments: ['first'], sizedFields: ['edges'] });
    expect(supergraph.of('Customer', 'orders')).toEqual({ slicingArguments: ['first'], sizedFields: ['edges'] });
  });
});

describe('operationLimitsPlugin', () => {
  const limits = { maxRootFields: 2, maxCost: 100 } as OperationLimits;
  const doc = parse('query($n: Int) { products(first: $n) { edges { node { sku } } } }');

  /** The plugin's verdict on one request of the (same, as Apollo's document cache gives it) operation. */
  async function verdict(plugin: ReturnType<typeof operationLimitsPlugin>, variables: Record<string, unknown>, document = doc) {
    const listeners = (await plugin.requestDidStart!({} as never)) as { didResolveOperation: (ctx: unknown) => Promise<void> };
    const asked = document.definitions[0] as OperationDefinitionNode;
    return listeners.didResolveOperation({ operation: asked, document, schema, request: { variables } }).then(
      () => 'passed',
      (err: Error) => err.message,
    );
  }

  it('costs the same operation again for other variables', async () => {
    const plugin = operationLimitsPlugin(limits, sizing);
    expect(await verdict(plugin, { n: 10 })).toBe('passed'); // 1 + 1 + 10 x 2
    expect(await verdict(plugin, { n: 60 })).toMatch(/costs 122, more than 100/);
    expect(await verdict(plugin, { n: 10 })).toBe('passed');
  });

  it('costs it once for all the values of variables that size no list (a SKU, a store)', async () => {
    let sized = 0;
    const counting = { ...sizing, of: (type: string, field: string) => (sized++, sizing.of(type, field)) };
    const plugin = operationLimitsPlugin(limits, counting);
    const page = parse(`query($n: Int, $id: ID!) { ...Page store(id: $id) { name } }
      fragment Page on Query { products(first: $n) { edges { node { sku } } } }`);
    expect(await verdict(plugin, { n: 10, id: 'ST001' }, page)).toBe('passed');
    const once = sized;
    expect(once).toBeGreaterThan(0);
    expect(await verdict(plugin, { n: 10, id: 'ST002' }, page)).toBe('passed');
    expect(sized).toBe(once);
    // the slicing variable of a fragment sizes the list: another value is costed
    expect(await verdict(plugin, { n: 60, id: 'ST002' }, page)).toMatch(/costs 124, more than 100/);
    expect(sized).toBeGreaterThan(once);
  });

  it('tells a variable left out (its default) from one sent as null (no default) when it keeps a cost', async () => {
    const page = parse('query($n: Int = 1) { products(first: $n) { edges { node { sku } } } }');
    const strict = operationLimitsPlugin({ ...limits, maxCost: 10 }, sizing);
    expect(await verdict(strict, {}, page)).toBe('passed'); // 1 + 1 + 1 x 2
    // null is no size: products' own default serves (20), as its resolver's does: 1 + 1 + 20 x 2
    expect(await verdict(strict, { n: null }, page)).toMatch(/costs 42, more than 10/);
    // without a default, left out: the same
    expect(await verdict(strict, {}, parse('query($n: Int) { products(first: $n) { edges { node { sku } } } }'))).toMatch(/costs 42/);
  });
});
