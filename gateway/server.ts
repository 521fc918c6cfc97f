// The public entry point: Apollo Gateway over the committed supergraph (no introspection of the
// subgraphs at run time), served by Apollo Server on express. It verifies the caller's token,
// vouches for the caller to the subgraphs, enforces the operation limits and masks errors.
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import cors from 'cors';
import type express from 'express';
import { parseCustomScalarsAsSubgraphsDo } from '../schema/scalars';
import type { Caller } from '../platform/auth/caller';
import { callerAssertions, CALLER_HEADER } from '../platform/auth/gateway-assertion';
import type { TokenVerifier } from '../platform/auth/tokens';
import type { LegacyGuard } from '../adapters/transport/resilience';
import type { Logger } from '../platform/logging';
import { REQUEST_ID_HEADER, requestIdOf } from '../platform/logging/request-context';
import { graphqlMetricsPlugin } from '../platform/metrics/graphql';
import { serveGraphQL, type RunningServer } from '../platform/http/serve';
import { traceSubgraphFetch } from '../platform/tracing/spans';
import { accessLog } from './access-log';
import { clientErrors } from './client-errors';
import { healthRoutes } from './health';
import { failingFieldByField } from './failed-fetch';
import { subgraphFetcher } from './subgraph-fetcher';
import { InProcessDataSource, type SubgraphEndpoint } from './in-process';
import { servedOperationsOnly } from './served-operations';
import { listSizing } from './list-sizes';
import { armor, operationLimitsPlugin, requestLimits, type OperationLimits } from './limits';
import { textInputsPlugin } from './text-inputs';
import { SUPERGRAPH_FILE, type SubgraphName } from './supergraph';
import { webPages } from './web-pages';

export interface GatewayOptions {
  port: number;
  host: string;
  /** each subgraph of the supergraph file: where it really listens, or how to run it in this process */
  subgraphs: Record<SubgraphName, SubgraphEndpoint>;
  /** the legacy systems /ready reports on */
  legacy: readonly LegacyGuard[];
  /** `SELECT 1` on the database, which /ready asks too when the subgraphs run in this process */
  database?: () => Promise<unknown>;
  logger: Logger;
  /** the caller of a request, from its Authorization header */
  verifyToken: TokenVerifier;
  /** signs the caller the gateway passes on; the subgraphs verify it with the same key */
  subgraphKey: Uint8Array;
  limits: OperationLimits;
  /** no introspection, no field suggestions */
  production: boolean;
  /** routes for development only (gateway/dev-token.ts): the caller passes none in production */
  developmentRoutes?: (app: express.Express) => void;
  /** how long a subgraph's answer is waited for over HTTP (GATEWAY_FETCH_TIMEOUT_MS) */
  subgraphTimeoutMs: number;
  /** let @apollo/gateway send its anonymous usage metrics to Apollo */
  apolloTelemetry: boolean;
  /** the web origins whose pages may call /graphql from a browser; none: same origin only */
  corsOrigins: readonly string[];
}

interface GatewayContext {
  caller: Caller | null;
  /** the request's id (platform/logging/request-context.ts), sent on to every subgraph */
  requestId: string;
}

export async function startGateway(opts: GatewayOptions): Promise<RunningServer> {
  const logger = opts.logger.child({ component: 'gateway' });
  // the library reads this variable and no option: nothing leaves the retailer's network unless configured
  process.env.APOLLO_TELEMETRY_DISABLED = opts.apolloTelemetry ? 'false' : 'true';
  const supergraphSdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
  // the caller signed for every subgraph an operation reaches over HTTP (gateway-assertion.ts says how often it is signed)
  const assertFor = callerAssertions(opts.subgraphKey);
  const fetching = subgraphFetcher(opts.subgraphTimeoutMs);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const endpoint = opts.subgraphs[name as SubgraphName];
      if ('execute' in endpoint) return failingFieldByField(name, new InProcessDataSource<GatewayContext>(name, endpoint.execute), logger);
      const source = new RemoteGraphQLDataSource<GatewayContext>({
        url: endpoint.url,
        fetcher: fetching.fetcher,
        async willSendRequest({ request, context }) {
          request.http?.headers.set(CALLER_HEADER, await assertFor(context.caller ?? null));
          request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
          traceSubgraphFetch(name, request.http?.headers);
        },
      });
      return failingFieldByField(name, source, logger);
    },
    logger,
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => parseCustomScalarsAsSubgraphsDo(apiSchema));
  const armored = armor(opts.limits, opts.production);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      graphqlMetricsPlugin,
      accessLog(logger),
      ...armored.plugins,
      operationLimitsPlugin(opts.limits, listSizing(supergraphSdl, opts.limits.listSizeGuess)),
      textInputsPlugin(),
      // Apollo's production landing page names the server's version and loads a page from Apollo's CDN
      ...(opts.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    validationRules: [servedOperationsOnly, ...armored.validationRules],
    allowBatchedHttpRequests: opts.limits.maxBatch > 1,
    introspection: !opts.production,
    formatError: clientErrors(logger, opts.production),
    includeStacktraceInErrorResponses: false,
    // the process stops everything in order itself (platform/tools/stack.ts); ten servers each catching Ctrl-C would race it
    stopOnTerminationSignals: false,
  });
  const served = await serveGraphQL(apollo, {
    port: opts.port,
    host: opts.host,
    logger,
    context: async ({ req, res }) => {
      return { caller: await opts.verifyToken(req.headers.authorization), requestId: requestIdOf(res) };
    },
    guards: [...crossOrigin(opts.corsOrigins), ...requestLimits(opts.limits, logger)],
    routes: (app) => {
      healthRoutes(opts.legacy, opts.subgraphs, opts.verifyToken, opts.database)(app);
      opts.developmentRoutes?.(app);
      webPages(app);
    },
  });
  return {
    ...served,
    close: async () => {
      await served.close();
      await fetching.close();
    },
  };
}

/**
 * A page of another origin (a web shop's front end) calls /graphql with a token in Authorization,
 * never a cookie: the browser asks first (a preflight), answered here for the origins configured,
 * and may read the request id of each answer. Apollo's CSRF prevention stays: what it refuses is a
 * request a page could send without asking.
 */
function crossOrigin(origins: readonly string[]): express.RequestHandler[] {
  if (origins.length === 0) return [];
  return [
    cors({
      origin: [...origins],
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'apollo-require-preflight'],
      exposedHeaders: [REQUEST_ID_HEADER],
      maxAge: 600,
    }),
  ];
}
