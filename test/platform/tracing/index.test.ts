// What the configuration starts: nothing at all without OTEL_EXPORTER_OTLP_ENDPOINT, and spans
// made but sent nowhere with OTEL_TRACES_EXPORTER=none. That an endpoint receives the spans is
// test/e2e/tracing-export.test.ts (the exporter loads its HTTP client in a way jest cannot run).
import { context, propagation, trace } from '@opentelemetry/api';
import { ConfigError, loadConfig } from '../../../platform/config';
import { startConfiguredTracing } from '../../../platform/tracing';
import { startOtlpCollector, type OtlpCollector } from '../../otlp-collector';

let collector: OtlpCollector;
beforeEach(async () => {
  collector = await startOtlpCollector();
});
afterEach(() => collector.close());

/** Ends one span under a traceparent of ours, and answers the headers a call made inside it would carry. */
function traceOneSpan(): Record<string, string> {
  const span = trace.getTracer('test').startSpan('probe span');
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  span.end();
  return carrier;
}

it('starts nothing without an endpoint: no span recorded, no header sent', async () => {
  const stop = startConfiguredTracing(loadConfig({}).env);
  try {
    expect(trace.getTracer('test').startSpan('probe').isRecording()).toBe(false);
    expect(traceOneSpan()).toEqual({});
  } finally {
    await stop();
  }
});

it('with OTEL_TRACES_EXPORTER=none, makes spans and passes their context on, but sends nothing', async () => {
  const stop = startConfiguredTracing(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_TRACES_EXPORTER: 'none' }).env);
  const headers = traceOneSpan();
  await stop();
  expect(headers.traceparent).toMatch(/^00-/);
  expect(collector.received).toEqual([]);
});

it('refuses an endpoint that is not a URL at start-up', () => {
  expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(ConfigError);
});
