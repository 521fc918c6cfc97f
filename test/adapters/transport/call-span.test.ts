// Each legacy call is one CLIENT span, named after its system and route, whose context goes to the
// system in a W3C traceparent; its outcome, status and attempts are attributes; retries are events.
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import nock from 'nock';
import { createHttpClient, type LegacyHttp } from '../../../adapters/transport/http';
import { LegacyGuard } from '../../../adapters/transport/resilience';
import { MalformedAnswerError } from '../../../platform/errors';
import { createLogger } from '../../../platform/logging';
import { startTracing, type Tracing } from '../../../platform/tracing';
import { useNock } from '../nock-lifecycle';
import { startServer } from '../servers';

useNock();

const BASE = 'http://legacy.test';
const exporter = new InMemorySpanExporter();
let tracing: Tracing;
beforeAll(() => {
  tracing = startTracing('test', [new SimpleSpanProcessor({ exporter })]);
});
afterAll(() => tracing.shutdown());
beforeEach(() => exporter.reset());

const guards: LegacyGuard[] = [];
afterEach(() => guards.splice(0).forEach((g) => g.close()));

// a deadline a loaded machine never reaches, but for the timeout test's own
function client(baseUrl = BASE, timeoutMs = 30_000, breakerMinCalls = 10): LegacyHttp {
  const settings = { retries: 2, retryBaseMs: 1, maxInFlight: 10, breakerMinCalls, breakerResetMs: 10_000 };
  const guard = new LegacyGuard('eshop', settings, async () => undefined, createLogger('silent'));
  guards.push(guard);
  return createHttpClient({ system: 'eshop', baseUrl, timeoutMs, guard });
}

const settle = (request: Promise<unknown>) =>
  request.then(
    () => undefined,
    () => undefined,
  );

/** The one span the call left. */
function callSpan(): ReadableSpan {
  const spans = exporter.getFinishedSpans();
  expect(spans).toHaveLength(1);
  return spans[0];
}

it('names the span after the system and route, sends its context in a traceparent, and records the answer', async () => {
  let traceparent: string | undefined;
  nock(BASE)
    .get('/things/A-1')
    .reply(function () {
      traceparent = this.req.headers.traceparent as string;
      return [200, { ok: true }];
    });
  // inside a parent span, as a subgraph's resolver is
  const parent = trace.getTracer('test').startSpan('resolver');
  await context.with(trace.setSpan(context.active(), parent), () => client().get('/things/A-1', { route: '/things/{}' }));
  parent.end();
  const span = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CLIENT)!;
  expect(span.name).toBe('eshop GET /things/{}');
  expect(span.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  expect(traceparent).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
  expect(span.attributes).toMatchObject({
    'legacy.system': 'eshop',
    'legacy.outcome': 'ok',
    'legacy.attempts': 1,
    'http.request.method': 'GET',
    'http.response.status_code': 200,
    'url.template': '/things/{}',
  });
  expect(span.status.code).toBe(SpanStatusCode.UNSET);
});

it('is one span for a call sent again: the attempts counted, each retry an event, the outcome the last answer', async () => {
  const seen: string[] = [];
  nock(BASE)
    .get('/things')
    .times(2)
    .reply(function () {
      seen.push(this.req.headers.traceparent as string);
      return [503, {}];
    })
    .get('/things')
    .reply(200, {});
  await client().get('/things', { route: '/things' });
  const span = callSpan();
  expect(span.attributes).toMatchObject({ 'legacy.outcome': 'ok', 'legacy.attempts': 3, 'http.response.status_code': 200 });
  expect(span.events.map((e) => e.name)).toEqual(['attempt failed', 'retry', 'attempt failed', 'retry']);
  // every attempt carries the call's own context
  expect(new Set(seen)).toEqual(new Set([`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`]));
});

it("records a business refusal as rejected with the system's code, not as an error", async () => {
  nock(BASE)
    .get('/things')
    .reply(404, { error: { code: 'not_found' } });
  await settle(client().get('/things', { route: '/things' }));
  const span = callSpan();
  expect(span.attributes).toMatchObject({
    'legacy.outcome': 'rejected',
    'legacy.error_code': 'not_found',
    'http.response.status_code': 404,
  });
  expect(span.status.code).toBe(SpanStatusCode.UNSET);
});

it('records a system that does not answer in time as a timeout', async () => {
  const hung = await startServer('hang');
  try {
    await settle(client(hung.url, 100).get('/things', { route: '/things' }));
  } finally {
    await hung.close();
  }
  const span = callSpan();
  expect(span.attributes['legacy.outcome']).toBe('timeout');
  expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'timeout' });
});

it('records an answer the client cannot read as malformed', async () => {
  nock(BASE).get('/things').reply(200, { unexpected: true });
  const read = () => {
    throw new MalformedAnswerError('eshop', 'GET /things', 'answer: object expected');
  };
  await settle(client().get('/things', { route: '/things' }, read));
  const span = callSpan();
  expect(span.attributes).toMatchObject({ 'legacy.outcome': 'malformed', 'http.response.status_code': 200 });
  expect(span.status.code).toBe(SpanStatusCode.ERROR);
});

it('records a call the open breaker refused as short_circuited, with no attempt sent', async () => {
  nock(BASE).get('/things').times(9).reply(500);
  const http = client(BASE, 30_000, 3);
  for (let i = 0; i < 3; i++) await settle(http.get('/things', { route: '/things' }));
  exporter.reset();
  await settle(http.get('/things', { route: '/things' }));
  const span = callSpan();
  expect(span.attributes['legacy.outcome']).toBe('short_circuited');
  expect(span.attributes['legacy.attempts']).toBeUndefined();
});

it('names a call without a route after its system and method alone: a path would carry ids', async () => {
  nock(BASE).post('/members/4000123456781234').reply(200, {});
  await client().post('/members/4000123456781234', {});
  expect(callSpan().name).toBe('eshop POST');
});
