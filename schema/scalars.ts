// How the custom scalars of the SDL in this folder parse and serialize: the subgraphs resolve them
// with these, and the gateway gives its own schema the same parsing (gateway/server.ts). The
// supergraph names a custom scalar but not its rules, so without that the gateway would pass any
// value on, and the subgraph's refusal would come back as a failed subgraph request (INTERNAL)
// instead of an error about the client's request.
import { GraphQLError, GraphQLScalarType, isScalarType, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/**
 * graphql-scalars' DateTime, serializing to the string the wire carries rather than to a Date: a
 * subgraph called in-process (gateway/in-process.ts, subgraphs/kit/graph-client.ts) hands its answer
 * over with no JSON in between, and a Date there reached code that reads times as strings.
 */
const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize: (value) => {
    const serialized: unknown = DateTimeResolver.serialize(value);
    const date = serialized instanceof Date ? serialized : new Date(String(serialized));
    // a number no time can be (NaN, 1e20): JSON wrote null for it, even in a non-null field
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
    return date.toISOString();
  },
});

export const CUSTOM_SCALARS = { DateTime };

/** Gives the gateway's copies of the custom scalars the subgraphs' input parsing; output passes through as the subgraph wrote it. */
export function parseCustomScalarsAsSubgraphsDo(schema: GraphQLSchema): void {
  for (const [name, scalar] of Object.entries(CUSTOM_SCALARS)) {
    const type = schema.getType(name);
    if (!isScalarType(type)) throw new Error(`the supergraph has no scalar ${name}`);
    // graphql-js reads these off the type object when it validates literals and coerces variables
    Object.assign(type, { parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral });
  }
}
