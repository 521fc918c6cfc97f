// One structured logger for the whole process (pino: JSON lines, cheap when a level is off). Every
// line written while serving a request carries that request's id (platform/logging/request-context.ts),
// and, when tracing is on, the trace and span it was written in: a log line leads to its trace.
import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino from 'pino';
import { currentRequestId } from './request-context';

export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    mixin: () => {
      const requestId = currentRequestId();
      const span = trace.getActiveSpan()?.spanContext();
      return {
        ...(requestId === undefined ? {} : { requestId }),
        ...(span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {}),
      };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
