// Serving an Apollo Server on express, the same way for the gateway and every subgraph:
// `/graphql`, a bounded JSON body, the request's id (platform/logging/request-context.ts) and server span
// (platform/tracing/spans.ts), and a close()
// that does not wait on keep-alive sockets.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import type { Logger } from '../logging';
import { requestContext, requestId, requestIdOf } from '../logging/request-context';
import { traceRequest } from '../tracing/spans';

/**
 * A request refused before GraphQL runs: its status, and one error with a code, as GraphQL words
 * its own; logged, as no access-log line will be.
 */
export function refuse(res: Response, logger: Logger, status: number, code: string, message: string): void {
  logger.info({ requestId: requestIdOf(res), status, code }, 'request refused');
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

function isJson(text: string | undefined): boolean {
  try {
    JSON.parse(text ?? '');
    return true;
  } catch {
    return false;
  }
}

/**
 * What fails before GraphQL (a body too large or not JSON, from whichever express.json read it),
 * answered as GraphQL answers: JSON with a code, never express's HTML page and its stack trace.
 */
const unreadable =
  (logger: Logger): ErrorRequestHandler =>
  (err: { type?: string; limit?: number; status?: number; body?: string; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') {
      refuse(res, logger, 413, 'OPERATION_TOO_COMPLEX', `The request body is larger than ${err.limit} bytes`);
    } else if (err.type === 'entity.parse.failed' && !isJson(err.body)) {
      // the parser's own words say where: `Expected ',' or '}' after property value in JSON at position 29`
      refuse(res, logger, 400, 'BAD_USER_INPUT', `The request body is not valid JSON (${err.message})`);
    } else if (err.type === 'entity.parse.failed') {
      // JSON, but not an object or an array (express.json's strict mode): `null`, `42`, a string
      refuse(res, logger, 400, 'BAD_USER_INPUT', 'The request body must be a JSON object with a query (or an array of them, a batch)');
    } else if (err.status !== undefined && err.status >= 400 && err.status < 500) {
      refuse(res, logger, 400, 'BAD_USER_INPUT', 'The request body cannot be read');
    } else {
      logger.error({ err, requestId: requestIdOf(res) }, 'a request failed before GraphQL');
      res.status(500).json({ errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL', requestId: requestIdOf(res) } }] });
    }
  };

/** how long an idle keep-alive connection is kept (announced in each answer's Keep-Alive header) */
const KEEP_IDLE_CONNECTION_MS = 75_000;

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
    /** where refusals and failures outside GraphQL are logged */
    logger: Logger;
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
  app.use((req, res) =>
    refuse(res, opts.logger, 404, 'NOT_FOUND', `Nothing at ${req.method} ${req.path}: GraphQL is served at POST /graphql`),
  );
  app.use(unreadable(opts.logger));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port, opts.host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  // Node closes an idle connection after 5 s, sooner than the clients in front of it drop theirs
  // (Apollo Router's pool keeps one 15 s in its recent releases, a load balancer 60 s,
  // @apollo/gateway's own fetcher until the server closes it): a request they send as it closes is
  // reset, and its fields fail.
  server.keepAliveTimeout = KEEP_IDLE_CONNECTION_MS;
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
