// The gateway's fetch to a subgraph of its own process: the query plan's operation runs on that
// subgraph directly (subgraphs/kit/server.ts, known-operations.ts), with the caller the gateway
// verified as it is. No HTTP, no JSON written and read back, no assertion signed and verified:
// most of a request's cost when the subgraphs answer from memory.
import { STATUS_CODES } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Caller } from '../platform/auth/caller';
import { traceSubgraphFetch } from '../platform/tracing/spans';
import type { SubgraphRequest, SubgraphResponse } from '../subgraphs/kit/server';

/** Runs an operation on one subgraph, for a verified caller (RunningSubgraph.execute). */
export type ExecuteOnSubgraph = (request: SubgraphRequest, caller: Caller | null) => Promise<SubgraphResponse>;

/** A subgraph served over HTTP, or one of this process, called in-process. */
export type SubgraphEndpoint = { url: string } | { execute: ExecuteOnSubgraph };

export class InProcessDataSource<Ctx extends { caller: Caller | null }> implements GraphQLDataSource<Ctx> {
  constructor(
    private readonly name: string,
    private readonly execute: ExecuteOnSubgraph,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<Ctx>) {
    const { query, variables, operationName } = options.request;
    if (!query) throw new Error('Missing query');
    // the gateway's own requests (none with a static supergraph) have no caller
    const caller = 'incomingRequestContext' in options ? options.incomingRequestContext.context.caller : null;
    traceSubgraphFetch(this.name);
    const { status, body } = await this.execute({ query, variables, operationName }, caller);
    // what RemoteGraphQLDataSource makes of an answer that is not a 2xx, so both transports fail alike
    if (status < 200 || status > 299) {
      throw new GraphQLError(`${status}: ${STATUS_CODES[status] ?? ''}`, { extensions: { response: { status, body } } });
    }
    return body;
  }
}
