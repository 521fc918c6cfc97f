// Operations run on a subgraph of the gateway's own process. A document's first run goes through
// Apollo Server's whole request pipeline, as over HTTP: parsing, Apollo's validation rules,
// execution, the subgraph's plugins, its error formatting and status. Once Apollo has executed a
// document, it is known valid for this schema, and its next runs (a query plan sends the same few
// fetches again and again) execute on graphql-js directly, the parsed document kept: what Apollo's
// pipeline adds around an execution (the document's hash, the request's hooks) was about a tenth of
// an in-process request's CPU time (the bench's query mix, README "What the gateway costs").
import type { ApolloServer } from '@apollo/server';
import { execute, parse, type DocumentNode, type FormattedExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { BaseContext, SubgraphRequest, SubgraphResponse } from './server';

/**
 * Query text whose parsed documents are kept, per subgraph: about what Apollo's own document store
 * holds (30 MiB) at some 100 bytes of parsed document per character, and hundreds of the fetches a
 * gateway's operations send (a few hundred characters each).
 */
const KEPT_QUERY_CHARS = 300_000;

/** a subgraph's formatError (./server.ts), as Apollo Server calls it */
export type Format = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** A result's errors followed by the partial errors its resolvers reported, each formatted as Apollo formats a field error. */
export function withPartialErrors(result: FormattedExecutionResult, context: BaseContext, format: Format): FormattedExecutionResult {
  const extra = context.partial.drain();
  if (extra.length === 0) return result;
  return { ...result, errors: [...(result.errors ?? []), ...extra.map((e) => format(e.toJSON(), e))] };
}

export function knownOperations(apollo: ApolloServer<BaseContext>, schema: GraphQLSchema, format: Format) {
  const known = new LRUCache<string, DocumentNode>({ maxSize: KEPT_QUERY_CHARS, sizeCalculation: (_, query) => query.length });
  let stopped = false;

  async function throughApollo(request: SubgraphRequest, contextValue: BaseContext): Promise<SubgraphResponse> {
    const response = await apollo.executeOperation(request, { contextValue });
    // the subgraphs serve single results only: no @defer, no @stream in their schemas
    if (response.body.kind !== 'single') throw new Error('a subgraph answered incrementally');
    const body = response.body.singleResult;
    // data, even null: the document parsed and passed Apollo's validation (a request error has none);
    // an error of no field (an operation type the schema lacks) is Apollo's to word, each time
    const valid = body.data !== undefined && (body.errors ?? []).every((e) => e.path);
    if (valid && !known.has(request.query)) known.set(request.query, parse(request.query));
    return { status: response.http.status ?? 200, body };
  }

  return {
    async run(request: SubgraphRequest, contextValue: BaseContext): Promise<SubgraphResponse> {
      const document = stopped ? undefined : known.get(request.query);
      if (document) {
        const result = await execute({
          schema,
          document,
          variableValues: request.variables,
          operationName: request.operationName,
          contextValue,
        });
        if (result.data !== undefined) {
          const errors = result.errors?.map((e) => format(e.toJSON(), e));
          return { status: 200, body: withPartialErrors({ data: result.data, ...(errors && { errors }) }, contextValue, format) };
        }
        // a request error (variables that do not fit, an operation not in the document): nothing
        // ran (the context is as new), and Apollo answers it as over HTTP
      }
      return throughApollo(request, contextValue);
    },
    /** Apollo refuses operations once stopped: so does this. */
    stop() {
      stopped = true;
    },
  };
}
