// A cap on the requests one legacy system has in flight from this process. Calls beyond the cap
// wait their turn rather than fail: one GraphQL query fans out to many parallel calls, and
// failing the excess would report a healthy system as unavailable. A caller waits at most what
// is left of its own deadline.

export class Bulkhead {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  /** Resolves true once a slot is held, false when none freed up within `waitMs` (Infinity: wait for one). */
  acquire(waitMs: number): Promise<boolean> {
    if (this.active < this.max) {
      this.active += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const turn = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = Number.isFinite(waitMs)
        ? setTimeout(() => {
            this.waiting.splice(this.waiting.indexOf(turn), 1);
            resolve(false);
          }, waitMs)
        : undefined;
      this.waiting.push(turn);
    });
  }

  /** Runs the task in a slot, however long it waits for one (bulk work with no deadline of its own). */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire(Infinity);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** A freed slot goes straight to the longest waiter. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
