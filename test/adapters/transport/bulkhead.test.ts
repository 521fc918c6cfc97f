import { Bulkhead } from '../../../adapters/transport/bulkhead';

describe('Bulkhead.run', () => {
  it('never runs more tasks at once than its slots, and runs every one however long it waits', async () => {
    const slots = new Bulkhead(2);
    let running = 0;
    let most = 0;
    const task = (i: number) =>
      slots.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
        return i;
      });
    expect(await Promise.all([0, 1, 2, 3, 4, 5, 6].map(task))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
  });

  it('frees its slot when a task fails', async () => {
    const slots = new Bulkhead(1);
    await expect(slots.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.run(async () => 'next')).toBe('next');
  });
});
