// Keeps a client under a vendor's request rate instead of finding the limit through 429s.
// A sliding-window log: at most `limit` grants in any `windowMs`, so a burst may use the whole
// allowance at once (bottleneck would do it too, but is not installed and this is all we need).
import { systemClock, type Clock } from '../transport/clock';

export class RateLimiter {
  private readonly granted: number[] = []; // times of the last `limit` grants, oldest first
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Resolves when one more request fits in the window; callers are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForRoom());
    this.queue = turn;
    return turn;
  }

  private async waitForRoom(): Promise<void> {
    if (this.granted.length >= this.limit) {
      const oldest = this.granted.shift() as number;
      const wait = oldest + this.windowMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
    }
    this.granted.push(this.clock.now());
  }
}
