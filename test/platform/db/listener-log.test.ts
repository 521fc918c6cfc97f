import { listenerLog } from '../../../platform/db/listener-log';
import { capturedLogger } from '../../captured-logs';

const WARN = 40;
const INFO = 30;
const DEBUG = 20;

it("logs an outage's first failure as a warning, the next attempts' as debug, and listening again once", () => {
  const { logger, lines } = capturedLogger('debug');
  const log = listenerLog(logger);
  log.onListening('pricing'); // at start: nothing to say
  for (const attempt of [1, 2, 3]) log.onListenError(new Error(`connect ECONNREFUSED (${attempt})`));
  log.onListening('pricing');
  log.onListenError(new Error('the connection listening on pricing ended'));
  expect(lines.map((l) => [l.level, l.reason ?? l.channel])).toEqual([
    [WARN, 'connect ECONNREFUSED (1)'],
    [DEBUG, 'connect ECONNREFUSED (2)'],
    [DEBUG, 'connect ECONNREFUSED (3)'],
    [INFO, 'pricing'],
    [WARN, 'the connection listening on pricing ended'],
  ]);
});
