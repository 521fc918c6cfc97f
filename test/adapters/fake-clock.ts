import type { Clock } from '../../adapters/transport/clock';

/** Time that moves only when someone sleeps; every sleep is recorded. */
export class FakeClock implements Clock {
  time = 0;
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}
