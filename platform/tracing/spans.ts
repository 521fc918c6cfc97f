// The spans of the HTTP hops between our own servers: the server span of every GraphQL request
// (gateway and subgraphs alike, continuing the caller's trace), and the gateway's fetch from a
// subgraph, named after it, whose context the subgraph request carries on; and a subgraph's own
// call to another subgraph's API, its span named and passed on alike.
import { context, isSpanContextValid, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import type { RequestHandler } from 'express';

const tracer = trace.getTracer('omnigraph/http');

/**
 * The request's server span, a child of the caller's `traceparent` when it sends one (a client's
 * trace, the gateway's fetch); the rest of the request runs in it. Mounted after the body parser,
 * as the request id's context is (platform/logging/request-context.ts says why).
 */
export const traceRequest: RequestHandler = (req, res, next) => {
  const caller = propagation.extract(context.active(), req.headers);
  const route = req.baseUrl || req.path;
  const span = tracer.startSpan(
    `${req.method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: req.method, [ATTR_HTTP_ROUTE]: route } },
    caller,
  );
  // tracing off: nothing to carry on
  if (!isSpanContextValid(span.spanContext())) return next();
  if (span.isRecording()) {
    res.once('close', () => {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
  }
  // a trace the caller chose not to sample stays unsampled down the line, rather than starting afresh
  context.with(trace.setSpan(caller, span), next);
};

/**
 * Names the gateway's fetch span (@apollo/gateway's `gateway.fetch`, the active span while its data
 * source prepares the request) after the subgraph, and writes its context into the request's
 * headers, so that the subgraph's spans are its children. An in-process call passes no headers:
 * the subgraph then runs in this context itself.
 */
export function traceSubgraphFetch(subgraph: string, headers?: { set(name: string, value: string): void }): void {
  trace.getActiveSpan()?.updateName(`subgraph ${subgraph}`);
  // unsampled too: the subgraph keeps the decision (without a provider, the propagator writes nothing)
  if (headers) propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

/**
 * A subgraph's call to another subgraph's API: a client span named as the gateway's fetch is, in
 * whose context `call` runs (an in-process call carries the trace by itself) and whose
 * `traceparent` it is given for its HTTP request.
 */
export function traceSubgraphCall<T>(subgraph: string, call: (headers: Record<string, string>) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(`subgraph ${subgraph}`, { kind: SpanKind.CLIENT, attributes: { service: subgraph } }, async (span) => {
    const headers: Record<string, string> = {};
    propagation.inject(context.active(), headers);
    try {
      return await call(headers);
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
      throw err;
    } finally {
      span.end();
    }
  });
}
