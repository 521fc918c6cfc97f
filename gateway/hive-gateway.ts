// The committed supergraph in Hive Gateway (the Guild's federation runtime, for whoever outgrows a
// gateway of their own), in front of our subgraphs served apart. Hive reads the supergraph as it
// is; what our subgraphs ask of any gateway is added here: each subgraph where <NAME>_SUBGRAPH_URL
// says (the supergraph's join__graph URL otherwise), and on every subgraph request the caller the
// gateway verified, signed with SUBGRAPH_SECRET (platform/auth/gateway-assertion.ts), and the
// request's id. A token that is not valid is refused before anything runs, as ours refuses it.
//
// Served by Hive's runtime: createServer(createGatewayRuntime(hiveGatewayConfig(config))), as
// test/e2e/hive-gateway.test.ts does.
import { readFileSync } from 'node:fs';
import { callerAssertions, CALLER_HEADER, sharedSubgraphKey } from '../platform/auth/gateway-assertion';
import type { Caller } from '../platform/auth/caller';
import { tokenSettings, tokenVerifier } from '../platform/auth/tokens';
import { subgraphUrls, type Config } from '../platform/config';
import { REQUEST_ID_HEADER } from '../platform/logging/request-context';
import { SUBGRAPHS, SUPERGRAPH_FILE } from './supergraph';

/** What Hive gives its hooks: the client's request (fetch API), and the context they extend. */
interface HiveContext {
  request: Request;
  caller?: Caller | null;
}

export function hiveGatewayConfig(config: Config) {
  const verify = tokenVerifier(tokenSettings(config.env));
  const assertFor = callerAssertions(sharedSubgraphKey(config));
  const urls = subgraphUrls(config, SUBGRAPHS);
  return {
    supergraph: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    transportEntries: Object.fromEntries(SUBGRAPHS.map((name) => [name, { location: urls[name] }])),
    plugins: () => [
      {
        // once per request, before it is parsed: Hive answers the error (UNAUTHENTICATED, 401) as it is
        async onContextBuilding({ context, extendContext }: { context: HiveContext; extendContext: (more: Partial<HiveContext>) => void }) {
          extendContext({ caller: await verify(context.request.headers.get('authorization') ?? undefined) });
        },
      },
    ],
    propagateHeaders: {
      fromClientToSubgraphs: async ({ context, request }: { context: Partial<HiveContext>; request: Request }) => ({
        [CALLER_HEADER]: await assertFor(context.caller ?? null),
        [REQUEST_ID_HEADER]: request.headers.get(REQUEST_ID_HEADER),
      }),
    },
  };
}
