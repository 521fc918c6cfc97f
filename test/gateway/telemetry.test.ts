// Nothing leaves the retailer's network unless its operators say so: @apollo/gateway sends
// anonymous usage metrics to Apollo every hour unless APOLLO_TELEMETRY_DISABLED is set.
import * as apolloTelemetry from '@apollo/gateway/dist/utilities/opentelemetry';
import { startTestStack } from '../e2e/harness';

const exporter = jest.spyOn(apolloTelemetry, 'createDataCollectionExporter');
beforeEach(() => {
  // never the real one: it would send to Apollo's host
  exporter.mockReset().mockImplementation(() => ({ shutdown: async () => undefined }) as never);
});
afterAll(() => exporter.mockRestore());

it("is off by default: the gateway starts no exporter of Apollo's usage metrics", async () => {
  const stack = await startTestStack();
  await stack.close();
  expect(exporter).not.toHaveBeenCalled();
});

// the values Apollo's own documentation and code take: `true` or `1` disable it
it.each([
  ['false', 1],
  ['0', 1],
  ['true', 0],
  ['1', 0],
])('is on only when asked for: APOLLO_TELEMETRY_DISABLED=%s starts %d exporter', async (value, started) => {
  const stack = await startTestStack({ APOLLO_TELEMETRY_DISABLED: value });
  await stack.close();
  expect(exporter).toHaveBeenCalledTimes(started);
});
