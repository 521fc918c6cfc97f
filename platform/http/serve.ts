// Serving an Apollo Server on express, the same way for the gateway and every subgraph:
// `/graphql`, a bounded JSON body, the request's id (platform/logging/request-context.ts) and server span
// (platform/tracing/spans.ts), and a close()
// that does not wait on keep-alive sockets.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import { requestContext, requestId } from '../logging/request-context';
import { traceRequest } from '../tracing/spans';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function serveGraphQL<Ctx extends BaseContext>(
  apollo: ApolloServer<Ctx>,
  opts: {
    port: number;
    host: string;
    context: (arg: ExpressContextFunctionArgument) => Promise<Ctx>;
    /** what a request to /graphql passes first (the caller's assertion, the request limits) */
    guards?: (RequestHandler | ErrorRequestHandler)[];
    /** routes served beside /graphql (health, readiness...) */
    routes?: (app: express.Express) => void;
  },
): Promise<RunningServer> {
  await apollo.start();
  const app = express();
  app.disable('x-powered-by'); // nothing for a scanner to match against
  // GraphQL answers are POSTs, never revalidated (our clients send no GET queries), and the other
  // routes are probes: an ETag would only hash every body.
  app.disable('etag');
  app.use(requestId);
  // /graphql first: the other routes are rare, and each one a request passes costs it a match
  app.use(
    '/graphql',
    ...(opts.guards ?? []),
    express.json({ limit: '1mb' }),
    requestContext,
    traceRequest,
    expressMiddleware(apollo, { context: opts.context }),
  );
  opts.routes?.(app);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port, opts.host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host}:${port}/graphql`,
    port,
    close: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
