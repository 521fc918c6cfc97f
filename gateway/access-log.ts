// One line per GraphQL request at the gateway: which operation, who asked (by role), how long it
// took and the error codes its answer carried, under the request's id (platform/logging), so that
// a client quoting the id of an answer can be traced through the subgraphs' lines.
import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '../platform/auth/caller';
import type { Logger } from '../platform/logging';

export function accessLog(logger: Logger): ApolloServerPlugin<{ caller: Caller | null }> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operation, operationName, contextValue }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          logger.info(
            {
              operation: operationName ?? null,
              type: operation?.operation ?? null,
              role: contextValue.caller?.role ?? 'anonymous',
              ms: Math.round(performance.now() - started),
              errors: errors.map((e) => e.extensions?.code ?? null),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
