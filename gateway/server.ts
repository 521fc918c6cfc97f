// The public entry point: Apollo Gateway over the committed supergraph (no introspection of the
// subgraphs at run time), served by Apollo Server on express.
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { LegacyGuard } from '../clients/resilience';
import type { Logger } from '../logging';
import { graphqlMetricsPlugin } from '../metrics/graphql';
import { serveGraphQL, type RunningServer } from '../http/serve';
import { healthRoutes } from './health';
import { SUPERGRAPH_FILE, type SubgraphName } from './supergraph';

export interface GatewayOptions {
  port: number;
  host: string;
  /** where each subgraph of the supergraph file really listens */
  subgraphUrls: Record<SubgraphName, string>;
  /** the legacy systems /ready reports on */
  legacy: readonly LegacyGuard[];
  logger: Logger;
}

export async function startGateway(opts: GatewayOptions): Promise<RunningServer> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name }) => new RemoteGraphQLDataSource({ url: opts.subgraphUrls[name as SubgraphName] }),
    logger: opts.logger.child({ component: 'gateway' }),
  });
  const apollo = new ApolloServer({
    gateway,
    plugins: [graphqlMetricsPlugin],
    includeStacktraceInErrorResponses: false,
    // the process stops everything in order itself (stack/index.ts); ten servers each catching Ctrl-C would race it
    stopOnTerminationSignals: false,
  });
  return serveGraphQL(apollo, {
    port: opts.port,
    host: opts.host,
    context: async () => ({}),
    routes: healthRoutes(opts.legacy),
  });
}
