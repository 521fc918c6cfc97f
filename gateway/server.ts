// The public entry point: Apollo Gateway over the committed supergraph (no introspection of the
// subgraphs at run time), served by Apollo Server on express.
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Logger } from '../logging';
import { serveGraphQL, type RunningServer } from '../http/serve';
import { SUPERGRAPH_FILE, type SubgraphName } from './supergraph';

export interface GatewayOptions {
  port: number;
  host: string;
  /** where each subgraph of the supergraph file really listens */
  subgraphUrls: Record<SubgraphName, string>;
  logger: Logger;
}

export async function startGateway(opts: GatewayOptions): Promise<RunningServer> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name }) => new RemoteGraphQLDataSource({ url: opts.subgraphUrls[name as SubgraphName] }),
    logger: opts.logger.child({ component: 'gateway' }),
  });
  const apollo = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
  return serveGraphQL(apollo, {
    port: opts.port,
    host: opts.host,
    context: async () => ({}),
    routes: (app) => {
      app.get('/health', (_req, res) => {
        res.json({ status: 'ok' });
      });
    },
  });
}
