// The requests of this process working on one idempotency key: a second request with the key and
// the same input (a double click, a client's retry while the first runs) shares the first one's
// answer rather than be told to come back; with another input, the key is taken.

export class InFlight<T = unknown> {
  private readonly running = new Map<string, { input: string; work: Promise<T> }>();

  /** `taken`: the error for the key sent with another input */
  constructor(private readonly taken: () => Error) {}

  /** The answer of a request already working on the key, when it was asked the same thing. */
  joining(key: string, input: string): Promise<T> | undefined {
    const running = this.running.get(key);
    if (running && running.input !== input) throw this.taken();
    return running?.work;
  }

  /** `work`, shared with the requests that join it under `key` until it settles. */
  track(key: string, input: string, work: Promise<T>): Promise<T> {
    const entry = { input, work };
    this.running.set(key, entry);
    return work.finally(() => {
      if (this.running.get(key) === entry) this.running.delete(key);
    });
  }
}
