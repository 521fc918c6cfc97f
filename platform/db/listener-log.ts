// What an operator reads of the database listeners (refreshPricing's notices from the other
// processes): the first failure of an outage, not one line for each attempt while the database is
// down, and the moment it listens again.
import type { Logger } from '../logging';
import type { OpenOptions } from './index';

export function listenerLog(logger: Logger): Required<Pick<OpenOptions, 'onListenError' | 'onListening'>> {
  const failing = new Set<string>();
  return {
    onListenError: (err, channel, during) => {
      if (during === 'heard') {
        logger.error({ err, channel }, 'a notice from another process could not be acted on');
        return;
      }
      const log = failing.has(channel) ? logger.debug.bind(logger) : logger.warn.bind(logger);
      failing.add(channel);
      log({ reason: err.message, channel }, 'listening to the database for other processes: a failure (tried again every second)');
    },
    onListening: (channel) => {
      if (failing.delete(channel)) {
        logger.info({ channel }, 'listening to the database again: what other processes said meanwhile is caught up on');
      }
    },
  };
}
