// One trace per request, from the gateway through each subgraph fetch to each legacy call: the
// spans of one customer query, captured in memory, form one tree of one trace id, the client's
// when it sends a traceparent; each subgraph fetch is named after its subgraph and the legacy
// calls sit under the subgraph that made them, with their system and outcome.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { startTracing, type Tracing } from '../../platform/tracing';
import type { Stack } from '../../platform/tools/stack';
import { gql, inEverySilo, seeded, setFaults, startTestStack, until } from './harness';
import { receiptsOfCard } from './seeded-orders';

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
// one provider for the whole file: the api hands its tracers out once per process
beforeAll(() => {
  tracing = startTracing('omnigraph-test', [new SimpleSpanProcessor({ exporter })]);
});
afterAll(() => tracing.shutdown());

/**
 * How the gateway reaches its subgraphs. `hop: 'http'`: a subgraph request is an HTTP request, whose
 * server span sits between the fetch and the subgraph's legacy calls; in-process, the subgraph runs
 * in the fetch's own context, and the legacy calls are the fetch's descendants directly.
 */
const MODES: { name: string; start: () => Promise<Stack>; hop: 'http' | 'in-process' }[] = [
  { name: 'split (HTTP to each subgraph)', start: () => startTestStack({ SUBGRAPH_TRANSPORT: 'http' }), hop: 'http' },
  { name: 'in-process', start: () => startTestStack(), hop: 'in-process' },
];

const { truth } = seeded();
const person = truth.find((p) => inEverySilo(p) && receiptsOfCard(p.loyaltyCard).length > 0)!;

const CUSTOMER_QUERY = `query($id: ID!) {
  customer(id: $id) { firstName loyalty { tier } cases { id } orders(first: 5) { edges { node { id } } } }
}`;

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN_ID = '00f067aa0ba902b7';

const attr = (span: ReadableSpan, name: string) => span.attributes[name];
const subgraphOfFetch = (span: ReadableSpan) => /^subgraph (\w+)$/.exec(span.name)?.[1];

/** The spans of one trace, with their parents, once every one of them has ended. */
class Trace {
  readonly byId: Map<string, ReadableSpan>;
  constructor(readonly spans: ReadableSpan[]) {
    this.byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  }

  parent(span: ReadableSpan): ReadableSpan | undefined {
    const id = span.parentSpanContext?.spanId;
    return id === undefined ? undefined : this.byId.get(id);
  }

  children(span: ReadableSpan): ReadableSpan[] {
    return this.spans.filter((s) => this.parent(s) === span);
  }

  /** The nearest subgraph fetch above a span. */
  fetchAbove(span: ReadableSpan): ReadableSpan | undefined {
    for (let up = this.parent(span); up; up = this.parent(up)) if (subgraphOfFetch(up)) return up;
    return undefined;
  }

  get roots(): ReadableSpan[] {
    return this.spans.filter((s) => !this.parent(s));
  }

  get fetches(): ReadableSpan[] {
    return this.spans.filter((s) => subgraphOfFetch(s) !== undefined);
  }

  get legacyCalls(): ReadableSpan[] {
    return this.spans.filter((s) => attr(s, 'legacy.system') !== undefined);
  }
}

/** Every span of the request's trace, waited for: the servers end theirs once their answer has gone. */
async function traceOf(hop: 'http' | 'in-process'): Promise<Trace> {
  return until('the whole trace', async () => {
    const spans = exporter.getFinishedSpans();
    const root = spans.find((s) => s.kind === SpanKind.SERVER && s.name === 'POST /graphql' && !spans.some((p) => isParent(p, s)));
    if (!root) return false;
    const trace = new Trace(spans.filter((s) => s.spanContext().traceId === root.spanContext().traceId));
    // a span whose parent has not ended yet, or (over HTTP) a fetch whose subgraph has not answered yet
    const open = trace.spans.some((s) => s !== root && !trace.parent(s));
    const unserved = hop === 'http' && trace.fetches.some((f) => !trace.children(f).some((c) => c.kind === SpanKind.SERVER));
    return !open && !unserved && trace;
  });
}

const isParent = (parent: ReadableSpan, child: ReadableSpan) => child.parentSpanContext?.spanId === parent.spanContext().spanId;

describe.each(MODES)('$name', ({ start, hop }) => {
  let stack: Stack;
  let customerId: string;
  const ask = (headers: Record<string, string> = {}) => gql(stack, CUSTOMER_QUERY, { id: customerId }, { as: 'agent', headers });

  beforeAll(async () => {
    stack = await start();
    const found = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: person.loyaltyCard });
    customerId = found.data.findCustomers[0].id;
  });
  afterAll(() => stack.close());
  beforeEach(() => exporter.reset());

  it('makes one tree of one trace, rooted at the gateway, through each subgraph fetch to each legacy call', async () => {
    const answer = await ask();
    expect(answer.errors).toBeUndefined();
    expect(answer.data.customer.cases.length).toBeGreaterThan(0);
    const trace = await traceOf(hop);

    // everything the request caused is of its trace, and hangs from one root: the gateway's server span
    expect(new Set(exporter.getFinishedSpans().map((s) => s.spanContext().traceId)).size).toBe(1);
    expect(trace.roots).toHaveLength(1);
    const [root] = trace.roots;
    expect(root).toMatchObject({ name: 'POST /graphql', kind: SpanKind.SERVER });
    expect(trace.children(root).map((s) => s.name)).toContain('gateway.request');

    // one fetch span per subgraph asked, named after it, under the gateway's execution of the plan
    const asked = trace.fetches.map(subgraphOfFetch).sort();
    expect(new Set(asked)).toEqual(new Set(['identity', 'orders', 'loyalty', 'crm']));
    for (const fetch of trace.fetches) {
      expect(attr(fetch, 'service')).toBe(subgraphOfFetch(fetch));
      expect(trace.parent(fetch)?.name).toBe('gateway.execute');
      if (hop === 'http') {
        // the subgraph continued the trace sent in its request's traceparent
        const served = trace.children(fetch).filter((c) => c.kind === SpanKind.SERVER);
        expect(served.map((s) => s.name)).toEqual(['POST /graphql']);
      }
    }

    // each legacy call: a client span named after its system and route, under the subgraph that made it
    const made = new Set(trace.legacyCalls.map((call) => `${subgraphOfFetch(trace.fetchAbove(call)!)} -> ${call.name}`));
    expect(made).toEqual(
      new Set([
        'loyalty -> loyalty POST /v1/members:batchGet',
        'crm -> crm POST /rpc case.list',
        'orders -> eshop GET /api/v2/customers/{}/orders',
        'orders -> pos GET /pos/receipts',
      ]),
    );
    for (const call of trace.legacyCalls) {
      expect(call.kind).toBe(SpanKind.CLIENT);
      expect(call.name.startsWith(`${String(attr(call, 'legacy.system'))} `)).toBe(true);
      expect(attr(call, 'legacy.outcome')).toBe('ok');
      expect(attr(call, 'http.response.status_code')).toBe(200);
      expect(attr(call, 'legacy.attempts')).toBe(1);
      // the route, never the path: no id, card number or SKU in a span's name
      expect(call.name).not.toContain(person.loyaltyCard);
      if (hop === 'http') expect(trace.parent(call)?.kind).not.toBe(SpanKind.CLIENT);
    }
  });

  it("keeps a subgraph's call to another subgraph's API in the request's trace", async () => {
    // a quote for a customer: the offers subgraph asks the identity subgraph who the customer is
    const answer = await gql(
      stack,
      `query($i: QuoteInput!) { quote(input: $i) { total { centAmount } } }`,
      { i: { channel: 'WEB', customerId, lines: [{ sku: 'SKU-100001', quantity: 1 }] } },
      { as: 'agent' },
    );
    expect(answer.errors).toBeUndefined();
    const trace = await traceOf(hop);
    expect(new Set(exporter.getFinishedSpans().map((s) => s.spanContext().traceId)).size).toBe(1);
    expect(trace.roots).toHaveLength(1);
    // the call: a client span named after the subgraph called, below the gateway's fetch from offers
    const calls = trace.fetches.filter((f) => trace.fetchAbove(f) !== undefined);
    expect(calls.map((c) => `${subgraphOfFetch(trace.fetchAbove(c)!)} -> ${c.name}`)).toContain('offers -> subgraph identity');
    for (const call of calls) {
      expect(call.kind).toBe(SpanKind.CLIENT);
      // over HTTP, the subgraph called continued the trace sent in its request's traceparent
      if (hop === 'http') expect(trace.children(call).map((c) => `${c.kind} ${c.name}`)).toEqual([`${SpanKind.SERVER} POST /graphql`]);
    }
  });

  it("continues the client's trace when the request carries a traceparent", async () => {
    await ask({ traceparent: `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01` });
    const trace = await traceOf(hop);
    const [root] = trace.spans.filter((s) => s.parentSpanContext?.spanId === CLIENT_SPAN_ID);
    expect(root).toMatchObject({ name: 'POST /graphql', kind: SpanKind.SERVER });
    expect(root.spanContext().traceId).toBe(TRACE_ID);
    expect(trace.spans.every((s) => s.spanContext().traceId === TRACE_ID)).toBe(true);
    expect(trace.legacyCalls.length).toBeGreaterThan(0);
  });

  it("keeps a client's decision not to sample: no span of its request is recorded, none starts a trace of its own", async () => {
    const unsampled = await ask({ traceparent: `00-${TRACE_ID}-${CLIENT_SPAN_ID}-00` });
    expect(unsampled.errors).toBeUndefined();
    // a sampled request after it: once its trace is whole, whatever the first one recorded has ended too
    await ask();
    const trace = await traceOf(hop);
    expect(trace.legacyCalls.length).toBeGreaterThan(0);
    expect(exporter.getFinishedSpans().filter((s) => s.spanContext().traceId !== trace.spans[0].spanContext().traceId)).toEqual([]);
  });

  it("gives a failing system's calls an error outcome, and the others' ok", async () => {
    await setFaults(stack, 'crm', { down: true });
    try {
      const answer = await ask();
      expect(answer.errors?.map((e) => e.extensions?.system)).toEqual(['crm']);
      const trace = await traceOf(hop);
      const crm = trace.legacyCalls.filter((s) => attr(s, 'legacy.system') === 'crm');
      expect(crm.length).toBeGreaterThan(0);
      for (const call of crm) {
        expect(subgraphOfFetch(trace.fetchAbove(call)!)).toBe('crm');
        expect(['unavailable', 'timeout']).toContain(attr(call, 'legacy.outcome'));
        expect(call.status.code).toBe(SpanStatusCode.ERROR);
      }
      const others = trace.legacyCalls.filter((s) => attr(s, 'legacy.system') !== 'crm');
      expect(others.length).toBeGreaterThan(0);
      for (const call of others) expect(attr(call, 'legacy.outcome')).toBe('ok');
    } finally {
      await setFaults(stack, 'crm', {});
    }
  });
});
