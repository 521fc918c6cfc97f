// The committed supergraph in Hive Gateway (the Guild's federation runtime, for whoever outgrows a
// gateway of their own), in front of our subgraphs served apart. Hive reads the supergraph as it
// is; what our subgraphs ask of any gateway is added here: each subgraph where <NAME>_SUBGRAPH_URL
// says (the supergraph's join__graph URL otherwise), and on every subgraph request the caller the
// gateway verified, signed with SUBGRAPH_SECRET (platform/auth/gateway-assertion.ts), and the
// request's id (the client's when it is a plain token, else a new one; the answer carries it, as
// ours does). A token that is not valid is refused before any subgraph is asked (Hive builds its
// context once the document is parsed and validated: a forged token with an invalid document gets
// the validation error).
//
// Served by Hive's runtime: createServer(createGatewayRuntime(hiveGatewayConfig(config))), as
// test/e2e/hive-gateway.test.ts does.
import { readFileSync } from 'node:fs';
import { callerAssertions, CALLER_HEADER, sharedSubgraphKey } from '../platform/auth/gateway-assertion';
import type { Caller } from '../platform/auth/caller';
import { tokenSettings, tokenVerifier } from '../platform/auth/tokens';
import { subgraphUrls, type Config } from '../platform/config';
import { REQUEST_ID_HEADER, requestIdFrom } from '../platform/logging/request-context';
import { SUBGRAPHS, SUPERGRAPH_FILE } from './supergraph';

/** What Hive gives its hooks: the client's request (fetch API), and the context they extend. */
interface HiveContext {
  request: Request;
  caller?: Caller | null;
  requestId?: string;
}

export function hiveGatewayConfig(config: Config) {
  const verify = tokenVerifier(tokenSettings(config.env));
  const assertFor = callerAssertions(sharedSubgraphKey(config));
  const urls = subgraphUrls(config, SUBGRAPHS);
  const requestIds = new WeakMap<Request, string>();
  return {
    supergraph: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    transportEntries: Object.fromEntries(SUBGRAPHS.map((name) => [name, { location: urls[name] }])),
    // Hive's own would forward a client's id whatever it holds (it may forge or break log lines): ours below
    requestId: false,
    plugins: () => [
      {
        // first thing: every answer carries it, one refused before any context is built too
        onRequest({ request }: { request: Request }) {
          requestIds.set(request, requestIdFrom(request.headers.get(REQUEST_ID_HEADER)));
        },
        // once per request: Hive answers the error (UNAUTHENTICATED, 401) as it is
        async onContextBuilding({ context, extendContext }: { context: HiveContext; extendContext: (more: Partial<HiveContext>) => void }) {
          extendContext({
            caller: await verify(context.request.headers.get('authorization') ?? undefined),
            requestId: requestIds.get(context.request),
          });
        },
        onResponse({ request, response }: { request: Request; response: Response }) {
          const requestId = requestIds.get(request);
          if (requestId) response.headers.set(REQUEST_ID_HEADER, requestId);
        },
      },
    ],
    propagateHeaders: {
      fromClientToSubgraphs: async ({ context }: { context: Partial<HiveContext> }) => ({
        [CALLER_HEADER]: await assertFor(context.caller ?? null),
        [REQUEST_ID_HEADER]: context.requestId,
      }),
    },
  };
}
