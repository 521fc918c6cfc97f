// Tracing (OpenTelemetry): one trace per request, from the gateway through each subgraph fetch to
// each legacy call, its context passed on every HTTP hop as a W3C `traceparent`. Spans are made
// through @opentelemetry/api only (./spans.ts, adapters/transport/call-span.ts, and @apollo/gateway's
// own gateway.request, gateway.plan, gateway.fetch...); this module decides where they go.
//
// Nothing is registered unless configured: without a tracer provider the api is a no-op (no span
// recorded, no header written), so a process without OTEL_EXPORTER_OTLP_ENDPOINT sends nothing
// and pays next to nothing for the spans in its code ("Tracing" in the README has the figures).
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Env } from '../config';

export interface Tracing {
  /** Ends what is pending (the exporter's last batch sent) and unregisters: last, once every server has stopped. */
  shutdown(): Promise<void>;
}

/**
 * Records every span of this process into `processors` from now on. One provider per process: the
 * api hands its tracers out once (@apollo/gateway's at load time), so a second would not be used.
 */
export function startTracing(serviceName: string, processors: SpanProcessor[]): Tracing {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors: processors,
  });
  // the context follows the request through callbacks and awaits (AsyncLocalStorage), as its request id does
  const contextManager = new AsyncLocalStorageContextManager().enable();
  const registered = [
    trace.setGlobalTracerProvider(provider),
    context.setGlobalContextManager(contextManager),
    propagation.setGlobalPropagator(new W3CTraceContextPropagator()),
  ];
  if (registered.includes(false)) {
    unregister();
    throw new Error('tracing is already started in this process');
  }
  return {
    shutdown: async () => {
      try {
        await provider.shutdown();
      } finally {
        unregister();
      }
    },
  };
}

/** The tracing the configuration asks for, started; its shutdown, a no-op when there is none. */
export function startConfiguredTracing(env: Env): () => Promise<void> {
  const processors = spanProcessors(env);
  if (!processors) return async () => {};
  const tracing = startTracing(env.OTEL_SERVICE_NAME, processors);
  return () => tracing.shutdown();
}

/** undefined: no tracing at all; none: traces made and passed on, sent nowhere; otherwise to the OTLP endpoint, in batches. */
function spanProcessors(env: Env): SpanProcessor[] | undefined {
  if (env.OTEL_TRACES_EXPORTER === 'none') return [];
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  // the signal's path is appended to the endpoint, as the OTLP specification says of this variable
  const url = new URL('v1/traces', env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/?$/, '/')).href;
  return [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) })];
}

function unregister(): void {
  trace.disable();
  context.disable();
  propagation.disable();
}
