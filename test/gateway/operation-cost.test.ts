import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { operationCost } from '../../gateway/limits';

// a slice of the public graph: costs need field types and arguments only
const schema = buildSchema(`
  type Query { products(first: Int = 20): ProductConnection! stores: [Store!]! store(id: ID!): Store }
  type ProductConnection { edges: [ProductEdge!]! totalCount: Int! }
  type ProductEdge { node: Product! }
  type Product { sku: ID! stockByStore: [Level!]! }
  type Level { available: Int! store: Store! }
  type Store { id: ID! name: String! }
`);
const GUESS = 10;

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return operationCost(schema, operation.selectionSet, schema.getQueryType()!, fragments, variables, GUESS);
}

describe('operationCost', () => {
  it('counts one per field', () => {
    expect(cost('{ store(id: "ST001") { id name } }')).toBe(3);
  });

  it('multiplies what is under a connection by first, its edges list counted once', () => {
    // products 1 + first x (edges 1 + node 1 + sku 1)
    expect(cost('{ products(first: 7) { edges { node { sku } } } }')).toBe(1 + 7 * 3);
    expect(cost('query($n: Int) { products(first: $n) { edges { node { sku } } } }', { n: 100 })).toBe(1 + 100 * 3);
  });

  it("takes an argument's default when it is not given, and the guess for a list without one", () => {
    expect(cost('{ products { totalCount } }')).toBe(1 + 20 * 1);
    expect(cost('{ stores { id } }')).toBe(1 + GUESS * 1);
  });

  it('multiplies nested lists', () => {
    // products 1 + 5 x (edges 1 + node 1 + sku 1 + stockByStore 1 + GUESS x (available 1 + store 1 + id 1))
    expect(cost('{ products(first: 5) { edges { node { sku stockByStore { available store { id } } } } } }')).toBe(1 + 5 * (4 + GUESS * 3));
  });

  it('counts fragments where they are spread', () => {
    expect(cost('{ stores { ...s } } fragment s on Store { id name }')).toBe(cost('{ stores { id name } }'));
  });
});
