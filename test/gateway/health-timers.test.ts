// /ready's probes of an in-process subgraph and the database: each gives up at its deadline, and
// leaves no timer running once answered (a fake clock counts them).
import { readiness } from '../../gateway/health';
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
