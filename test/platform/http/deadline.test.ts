import { settledWithin, withDeadline } from '../../../platform/http/deadline';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const late = () => new Error('too late');

describe('withDeadline', () => {
  it('answers what the work answers in time, and leaves no timer behind', async () => {
    await expect(withDeadline(Promise.resolve('done'), 2000, late)).resolves.toBe('done');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('fails as the work fails in time, and leaves no timer behind', async () => {
    await expect(withDeadline(Promise.reject(new Error('refused')), 2000, late)).rejects.toThrow('refused');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('fails with the late error once the deadline passes, not a moment before', async () => {
    let settled = false;
    const result = withDeadline(new Promise(() => undefined), 2000, late).finally(() => (settled = true));
    result.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(1999);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(result).rejects.toThrow('too late');
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('settledWithin', () => {
  it('is true as soon as the work settles in time, answered or failed, and leaves no timer behind', async () => {
    await expect(settledWithin(Promise.resolve('done'), 2000)).resolves.toBe(true);
    await expect(settledWithin(Promise.reject(new Error('failed')), 2000)).resolves.toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('is false once the time passes, not a moment before', async () => {
    let answer: boolean | undefined;
    void settledWithin(new Promise(() => undefined), 2000).then((settled) => (answer = settled));
    await jest.advanceTimersByTimeAsync(1999);
    expect(answer).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });
});
