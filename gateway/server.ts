// The public entry point: Apollo Gateway over the committed supergraph (no introspection of the
// subgraphs at run time), served by Apollo Server on express.
import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Logger } from '../logging';
import { closeServer, listen, type RunningServer } from '../subgraphs/server';
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
  await apollo.start();
  const app = express();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  const server = await listen(app, opts.port, opts.host);
  const port = (server.address() as import('node:net').AddressInfo).port;
  return {
    url: `http://${opts.host}:${port}/graphql`,
    port,
    close: async () => {
      await apollo.stop();
      await closeServer(server);
    },
  };
}
