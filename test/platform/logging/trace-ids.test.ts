import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { startTracing } from '../../../platform/tracing';
import { capturedLogger } from '../../captured-logs';

const tracing = startTracing('logging-test', [new SimpleSpanProcessor({ exporter: new InMemorySpanExporter() })]);
afterAll(() => tracing.shutdown());

describe('log lines and traces', () => {
  it('stamps the trace and span a line is written in, and nothing outside one', () => {
    const { logger, lines } = capturedLogger();
    const ids = trace.getTracer('test').startActiveSpan('work', (span) => {
      logger.info('inside');
      span.end();
      return span.spanContext();
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', traceId: ids.traceId, spanId: ids.spanId });
    expect(lines[1].msg).toBe('outside');
    expect(lines[1]).not.toHaveProperty('traceId');
  });
});
