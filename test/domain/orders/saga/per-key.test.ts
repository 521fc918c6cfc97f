import { PerKeySerial } from '../../../../domain/orders/saga/per-key';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('PerKeySerial', () => {
  it("runs one key's tasks one after another, other keys' at once, and goes on after a failure", async () => {
    const serial = new PerKeySerial();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([serial.run('A', task('a1', true)), serial.run('A', task('a2')), serial.run('B', task('b1'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });
});
