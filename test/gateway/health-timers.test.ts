// /ready's probes of an in-process subgraph and the database: each gives up at its deadline, and
// leaves no timer running once answered (a fake clock counts them).
import type express from 'express';
import { healthRoutes } from '../../gateway/health';
import type { SubgraphResponse } from '../../subgraphs/kit/server';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** /ready's handler, called as express would, answering its status and body */
function ready(execute: () => Promise<SubgraphResponse>, selectOne: () => Promise<unknown>) {
  const routes: Record<string, (req: unknown, res: unknown) => Promise<void>> = {};
  const app = { get: (path: string, handler: (req: unknown, res: unknown) => Promise<void>) => (routes[path] = handler) };
  healthRoutes(
    [],
    { endpoints: { identity: { execute } }, headers: async () => ({}) },
    async () => null,
    selectOne,
  )(app as unknown as express.Express);
  return new Promise<{ status: number; body: any }>((resolve) => {
    let status = 200;
    const res = {
      status: (s: number) => ((status = s), res),
      json: (body: unknown) => resolve({ status, body }),
    };
    void routes['/ready']({}, res);
  });
}

const never = () => new Promise<never>(() => undefined);

it('leaves no probe timer running once the in-process subgraph and the database answered', async () => {
  const answered = await ready(
    async () => ({ status: 200, body: { data: { __typename: 'Query' } } }),
    async () => 1,
  );
  expect(answered).toMatchObject({ status: 200, body: { subgraphs: { identity: 'ok' }, database: 'ok' } });
  expect(jest.getTimerCount()).toBe(0);
});

it('counts a subgraph silent for 2 s and a database silent for 1 s failed', async () => {
  const asked = ready(never, never);
  await jest.advanceTimersByTimeAsync(2000);
  expect(await asked).toMatchObject({ status: 503, body: { subgraphs: { identity: 'failed' }, database: 'failed' } });
  expect(jest.getTimerCount()).toBe(0);
});
