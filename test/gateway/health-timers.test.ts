// /ready's probes of an in-process subgraph, the database and a legacy system: each gives up at its deadline, and
// leaves no timer running once answered (a fake clock counts them).
import { LegacyGuard } from '../../adapters/transport/resilience';
import { readiness } from '../../gateway/health';
import { createLogger } from '../../platform/logging';
import type { SubgraphResponse } from '../../subgraphs/kit/server';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** what /ready reports of an in-process subgraph and the database */
const ready = (execute: () => Promise<SubgraphResponse>, selectOne: () => Promise<unknown>) =>
  readiness([], selectOne, { identity: { execute } });

const never = () => new Promise<never>(() => undefined);

it('leaves no probe timer running once the in-process subgraph and the database answered', async () => {
  const answered = await ready(
    async () => ({ status: 200, body: { data: { __typename: 'Query' } } }),
    async () => 1,
  );
  expect(answered).toMatchObject({ status: 'ready', subgraphs: { identity: 'ok' }, database: 'ok' });
  expect(jest.getTimerCount()).toBe(0);
});

it('counts a subgraph silent for 2 s and a database silent for 1 s failed', async () => {
  const asked = ready(never, never);
  await jest.advanceTimersByTimeAsync(2000);
  expect(await asked).toMatchObject({ status: 'unavailable', subgraphs: { identity: 'failed' }, database: 'failed' });
  expect(jest.getTimerCount()).toBe(0);
});

it('gives the database its 1 s, and no more', async () => {
  let settled = false;
  const asked = ready(async () => ({ status: 200, body: { data: { __typename: 'Query' } } }), never).then((r) => ((settled = true), r));
  await jest.advanceTimersByTimeAsync(999);
  expect(settled).toBe(false);
  await jest.advanceTimersByTimeAsync(1);
  expect(await asked).toMatchObject({ status: 'unavailable', subgraphs: { identity: 'ok' }, database: 'failed' });
});

it('gives an in-process subgraph its 2 s, and no more', async () => {
  let settled = false;
  const asked = ready(never, async () => 1).then((r) => ((settled = true), r));
  await jest.advanceTimersByTimeAsync(1999);
  expect(settled).toBe(false);
  await jest.advanceTimersByTimeAsync(1);
  expect(await asked).toMatchObject({ status: 'unavailable', subgraphs: { identity: 'failed' }, database: 'ok' });
});

it('gives a legacy system 0.8 s to answer its probe, then reports it late: degraded, never a 503', async () => {
  const settings = { retries: 0, retryBaseMs: 1, maxInFlight: 10, breakerMinCalls: 3, breakerResetMs: 1000 };
  const guard = new LegacyGuard('loyalty', settings, never, createLogger('silent'));
  try {
    let settled = false;
    const asked = readiness([guard]).then((r) => ((settled = true), r));
    await jest.advanceTimersByTimeAsync(799);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await asked).toMatchObject({
      status: 'degraded',
      unavailable: ['loyalty'],
      systems: { loyalty: { usable: false, probe: 'late' } },
    });
  } finally {
    guard.close();
  }
});
