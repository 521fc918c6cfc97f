// What an operator reads of the database listeners (refreshPricing's notices from the other
// processes): the first failure of an outage, not one line for each attempt while the database is
// down, and the moment it listens again.
import type { Logger } from '../logging';
import type { OpenOptions } from './index';

export function listenerLog(logger: Logger): Required<Pick<OpenOptions, 'onListenError' | 'onListening'>> {
  let failing = false;
  return {
    onListenError: (err) => {
      const log = failing ? logger.debug.bind(logger) : logger.warn.bind(logger);
      failing = true;
      log({ reason: err.message }, 'listening to the database for other processes: a failure (tried again every second)');
    },
    onListening: (channel) => {
      if (failing) logger.info({ channel }, 'listening to the database again: what other processes said meanwhile is caught up on');
      failing = false;
    },
  };
}
