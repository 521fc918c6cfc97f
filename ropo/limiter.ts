// A cap on the calls ingestion has in flight to one legacy system. The clients' guards also cap
// calls in flight, but fail those that wait longer than their timeout: thousands of probes handed
// to them at once would fail by the hundred, so ingestion queues them here first, without a deadline.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(maxInFlight: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };
  return async (task) => {
    if (active < maxInFlight) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
