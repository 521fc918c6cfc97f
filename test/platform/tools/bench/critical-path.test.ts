// The bench's critical path: the longest chain of legacy calls each started after the one before
// answered, read from a request's spans, each call named with the subgraph fetch above it.
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { LEGACY_SYSTEM } from '../../../../adapters/transport/call-span';
import { criticalPath, describePath, legacyCallsOf, type LegacyCall } from '../../../../platform/tools/bench/critical-path';

const call = (name: string, start: number, end: number): LegacyCall => ({ name, start, end });

describe('criticalPath', () => {
  it('counts calls side by side as one round trip: the one that answered last', () => {
    expect(criticalPath([call('crm', 0, 100), call('loyalty', 9, 110), call('eshop', 2, 104)]).map((c) => c.name)).toEqual(['loyalty']);
  });

  it('of chains as long, follows the call each link waited for: the last to answer before it started', () => {
    const calls = [call('eshop', 0, 100), call('pos', 1, 103), call('stock', 104, 204), call('offers', 99, 102)];
    expect(criticalPath(calls).map((c) => c.name)).toEqual(['pos', 'stock']);
  });

  it('follows the calls that waited for another, whatever the order they are given in', () => {
    const calls = [call('pos stock', 106, 210), call('offers', 104, 105), call('eshop products', 1, 105), call('late', 100, 200)];
    expect(criticalPath(calls).map((c) => c.name)).toEqual(['eshop products', 'pos stock']);
  });

  it('is empty without legacy calls', () => {
    expect(criticalPath([])).toEqual([]);
    expect(describePath([])).toBe('no legacy call');
  });
});

describe('legacyCallsOf', () => {
  it('takes the legacy calls of a trace, each with the subgraph whose fetch made it', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
    const tracer = provider.getTracer('test');
    const root = tracer.startSpan('POST /graphql');
    const fetch = tracer.startSpan('subgraph orders', {}, trace.setSpan(context.active(), root));
    const server = tracer.startSpan('POST /graphql', {}, trace.setSpan(context.active(), fetch));
    const legacy = tracer.startSpan(
      'eshop GET /api/v2/orders',
      { attributes: { [LEGACY_SYSTEM]: 'eshop' } },
      trace.setSpan(context.active(), server),
    );
    const outside = tracer.startSpan(
      'loyalty POST /v1/members:batchGet',
      { attributes: { [LEGACY_SYSTEM]: 'loyalty' } },
      trace.setSpan(context.active(), root),
    );
    for (const span of [outside, legacy, server, fetch, root]) span.end();

    const calls = legacyCallsOf(exporter.getFinishedSpans()).sort((x, y) => x.name.localeCompare(y.name));
    expect(calls.map(({ name, subgraph }) => ({ name, subgraph }))).toEqual([
      { name: 'eshop GET /api/v2/orders', subgraph: 'orders' },
      { name: 'loyalty POST /v1/members:batchGet', subgraph: undefined },
    ]);
    expect(describePath(calls)).toBe('orders: eshop GET /api/v2/orders -> loyalty POST /v1/members:batchGet');
    await provider.shutdown();
  });
});
