// One operation on an order at a time, in this process. A return, a cancel or a hand-over checks
// the order's state (what is left to return, whether it is still held) before it changes it; two
// at once would both pass the check. Operations on other orders run freely.
export class PerKeySerial {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
