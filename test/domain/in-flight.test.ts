import { InFlight } from '../../domain/in-flight';

const taken = () => new Error('taken');

it('shares the work under way with the same input, refuses another input, and forgets the key once the work settles', async () => {
  const running = new InFlight<string>(taken);
  let finish!: (answer: string) => void;
  const first = running.track('k', 'a', new Promise((resolve) => (finish = resolve)));
  expect(running.joining('k', 'a')).toBeDefined();
  expect(() => running.joining('k', 'b')).toThrow('taken');
  expect(running.joining('other', 'a')).toBeUndefined();
  finish('done');
  expect(await first).toBe('done');
  expect(running.joining('k', 'b')).toBeUndefined();
});

it('forgets a key whose work failed, so that it may be tried again', async () => {
  const running = new InFlight<string>(taken);
  const failed = running.track('k', 'a', Promise.reject(new Error('refused')));
  await expect(running.joining('k', 'a')).rejects.toThrow('refused');
  await expect(failed).rejects.toThrow('refused');
  expect(running.joining('k', 'b')).toBeUndefined();
});
