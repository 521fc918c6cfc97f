// The gateway's side of the metrics: requests, and the errors its answers carry by contract code
// (a subgraph's SYSTEM_UNAVAILABLE included), as an Apollo Server plugin.
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { registry } from './registry';

const requests = new Counter({
  name: 'omnigraph_graphql_requests_total',
  help: 'GraphQL requests by operation type and whether the answer carried errors',
  labelNames: ['operation', 'result'] as const,
  registers: [registry],
});

const errors = new Counter({
  name: 'omnigraph_graphql_errors_total',
  help: 'Errors in GraphQL answers by extensions.code',
  labelNames: ['code'] as const,
  registers: [registry],
});

const duration = new Histogram({
  name: 'omnigraph_graphql_request_duration_seconds',
  help: 'GraphQL request latency at the gateway',
  labelNames: ['operation'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const graphqlMetricsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const stopTimer = duration.startTimer();
    return {
      async willSendResponse({ response, operation }) {
        // parse and validation failures have no operation
        const type = operation?.operation ?? 'unknown';
        const found = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        for (const error of found) errors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
        requests.inc({ operation: type, result: found.length > 0 ? 'error' : 'ok' });
        stopTimer({ operation: type });
      },
    };
  },
};
