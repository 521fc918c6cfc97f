import { listenerLog } from '../../../platform/db/listener-log';
import { capturedLogger } from '../../captured-logs';

const ERROR = 50;
const WARN = 40;
const INFO = 30;
const DEBUG = 20;

it("logs an outage's first failure as a warning, the next attempts' as debug, and listening again once", () => {
  const { logger, lines } = capturedLogger('debug');
  const log = listenerLog(logger);
  log.onListening('pricing'); // at start: nothing to say
  for (const attempt of [1, 2, 3]) log.onListenError(new Error(`connect ECONNREFUSED (${attempt})`), 'pricing', 'connection');
  log.onListenError(new Error('down too'), 'other', 'connection'); // a channel of its own
  log.onListening('pricing');
  log.onListenError(new Error('the connection listening on pricing ended'), 'pricing', 'connection');
  expect(lines.map((l) => [l.level, l.reason ?? l.channel])).toEqual([
    [WARN, 'connect ECONNREFUSED (1)'],
    [DEBUG, 'connect ECONNREFUSED (2)'],
    [DEBUG, 'connect ECONNREFUSED (3)'],
    [WARN, 'down too'],
    [INFO, 'pricing'],
    [WARN, 'the connection listening on pricing ended'],
  ]);
});

it("logs a notice its handler could not act on as an error, apart from the connection's failures", () => {
  const { logger, lines } = capturedLogger('debug');
  const log = listenerLog(logger);
  log.onListenError(new Error('the promotions could not be dropped'), 'pricing', 'heard');
  log.onListenError(new Error('connect ECONNREFUSED'), 'pricing', 'connection');
  expect(lines.map((l) => [l.level, l.msg])).toEqual([
    [ERROR, 'a notice from another process could not be acted on'],
    [WARN, 'listening to the database for other processes: a failure (tried again every second)'],
  ]);
});
