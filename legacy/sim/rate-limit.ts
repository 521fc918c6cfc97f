/** At most `limit` requests per client in any rolling window of `windowMs`. */
export class RollingRateLimit {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records the request and returns 0, or returns how many ms until one would be allowed. */
  take(client: string, now = Date.now()): number {
    const times = (this.recent.get(client) ?? []).filter((t) => t > now - this.windowMs);
    this.recent.set(client, times);
    if (times.length >= this.limit) return times[0] + this.windowMs - now;
    times.push(now);
    return 0;
  }
}
