// With OTEL_EXPORTER_OTLP_ENDPOINT set, the service as `npm start` runs it sends its traces there
// over OTLP/HTTP, the last ones when it stops: a request's trace, from the gateway to the legacy call.
import { startOtlpCollector, type OtlpCollector } from '../otlp-collector';
import { killChildServices, startChildService } from './child-service';
import { gql, SEED, stackDatabaseUrl } from './harness';
import type { Stack } from '../../platform/tools/stack';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

let collector: OtlpCollector;
beforeAll(async () => {
  collector = await startOtlpCollector();
});
afterAll(async () => {
  await killChildServices();
  await collector.close();
});

it('sends every span of a request to the collector, the last ones when the service stops', async () => {
  const service = await startChildService({ ...SEED, DATABASE_URL: await stackDatabaseUrl(), OTEL_EXPORTER_OTLP_ENDPOINT: collector.url });
  const answer = await gql(
    { gatewayUrl: service.gatewayUrl } as Stack,
    '{ stores { id name } }',
    {},
    {
      headers: { traceparent: `00-${TRACE_ID}-b7ad6b7169203331-01` },
    },
  );
  expect(answer.errors).toBeUndefined();
  await service.stop();

  expect(new Set(collector.received.map((r) => r.path))).toEqual(new Set(['/v1/traces']));
  const sent = collector.received.map((r) => r.body).join('\n');
  expect(sent).toContain(TRACE_ID);
  for (const name of ['POST /graphql', 'gateway.request', 'subgraph pos', 'omnigraph']) expect(sent).toContain(name);
}, 120_000);
