// A logger whose lines the test reads back, parsed, instead of writing them anywhere.
import { createLogger, type Logger } from '../platform/logging';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export function capturedLogger(level = 'info'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger(level, { write: (line: string) => lines.push(JSON.parse(line) as LogLine) });
  return { logger, lines };
}
