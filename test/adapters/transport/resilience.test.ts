import http from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { CrmClient } from '../../../adapters/crm/client';
import { createHttpClient } from '../../../adapters/transport/http';
import { PosClient } from '../../../adapters/pos/client';
import { LegacyGuard, type GuardSettings } from '../../../adapters/transport/resilience';
import { LegacyRejectedError, LegacyUnavailableError, mayHaveHappened, NothingDoneError } from '../../../platform/errors';
import { createLogger } from '../../../platform/logging';
import { legacyCalls } from '../../../platform/metrics/legacy-calls';
import { capturedLogger } from '../../captured-logs';
import { useNock } from '../nock-lifecycle';
import { startServer } from '../servers';

useNock();

const BASE = 'http://legacy.test';
const SETTINGS: GuardSettings = { retries: 2, retryBaseMs: 1, maxInFlight: 10, breakerMinCalls: 3, breakerResetMs: 200 };

const guards: LegacyGuard[] = [];
afterEach(() => guards.splice(0).forEach((g) => g.close()));

function guard(
  settings: Partial<GuardSettings> = {},
  probe: () => Promise<unknown> = async () => undefined,
  logger = createLogger('silent'),
) {
  const g = new LegacyGuard('eshop', { ...SETTINGS, ...settings }, probe, logger);
  guards.push(g);
  return g;
}

// a deadline a loaded machine does not spend by accident (a whole-suite run once did: 1 s); the tests of deadlines give their own
function client(g: LegacyGuard, baseUrl = BASE, timeoutMs = 10_000) {
  return createHttpClient({ system: 'eshop', baseUrl, timeoutMs, guard: g });
}

const failure = (request: Promise<unknown>) =>
  request.then(
    () => new Error('expected a failure'),
    (err: Error) => err,
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const calls = async (outcome: string) =>
  (await legacyCalls.get()).values.find((v) => v.labels.system === 'eshop' && v.labels.outcome === outcome)?.value ?? 0;

describe('retries', () => {
  it('sends a read again after a 503 and a 502, and answers the success', async () => {
    const scope = nock(BASE).get('/things').reply(503).get('/things').reply(502).get('/things').reply(200, { ok: true });
    const { data } = await client(guard()).get('/things');
    expect(data).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after the configured retries', async () => {
    const scope = nock(BASE).get('/things').times(3).reply(500);
    const spare = nock(BASE).get('/things').reply(200, {});
    expect(await failure(client(guard()).get('/things'))).toBeInstanceOf(LegacyUnavailableError);
    expect(scope.isDone()).toBe(true);
    expect(spare.isDone()).toBe(false);
  });

  it('never sends a write twice by default', async () => {
    nock(BASE).post('/orders').reply(503);
    const second = nock(BASE).post('/orders').reply(201, { id: 'W-1' });
    expect(await failure(client(guard()).post('/orders', { lines: [] }))).toBeInstanceOf(LegacyUnavailableError);
    expect(second.isDone()).toBe(false);
  });

  it('sends a write again when it never reached the system (no connection), not when its connection broke', async () => {
    const refused = nock(BASE)
      .post('/orders')
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
      .post('/orders')
      .reply(201, { id: 'W-1' });
    expect((await client(guard()).post('/orders', { lines: [] })).data).toEqual({ id: 'W-1' });
    expect(refused.isDone()).toBe(true);
    nock(BASE)
      .post('/orders')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const second = nock(BASE).post('/orders').reply(201, { id: 'W-2' });
    expect(await failure(client(guard()).post('/orders', { lines: [] }))).toBeInstanceOf(LegacyUnavailableError);
    expect(second.isDone()).toBe(false);
  });

  it('sends a write again when its caller marks it safe to', async () => {
    const scope = nock(BASE).post('/orders').reply(503).post('/orders').reply(201, { id: 'W-1' });
    const { data } = await client(guard()).post('/orders', { lines: [] }, { retry: true });
    expect(data).toEqual({ id: 'W-1' });
    expect(scope.isDone()).toBe(true);
  });

  it('does not send a read again after a business answer', async () => {
    nock(BASE)
      .get('/things/1')
      .reply(404, { error: { code: 'not_found' } });
    const second = nock(BASE).get('/things/1').reply(200, {});
    expect(await failure(client(guard()).get('/things/1'))).toBeInstanceOf(LegacyRejectedError);
    expect(second.isDone()).toBe(false);
  });

  it('retries the POS internal_error it answers with a 200, not its business errors', async () => {
    const pos = new PosClient(BASE, 1000, guard());
    const scope = nock(BASE)
      .get('/pos/receipts/ST001-20260101-0001')
      .reply(200, '<error code="internal_error" message="boom"/>')
      .get('/pos/receipts/ST001-20260101-0001')
      .reply(200, '<error code="not_found" message="no such receipt"/>');
    const spare = nock(BASE).get('/pos/receipts/ST001-20260101-0001').reply(200, '<error code="not_found"/>');
    expect(await pos.getReceipt('ST001-20260101-0001')).toBeNull();
    expect(scope.isDone()).toBe(true);
    expect(spare.isDone()).toBe(false);
  });

  it('retries a CRM batch of reads failing with -32603, never one that writes', async () => {
    const crm = new CrmClient(BASE, 1000, guard());
    const serverError = (body: { id: number }[]) =>
      body.map(({ id }) => ({ jsonrpc: '2.0', id, error: { code: -32603, message: 'internal' } }));
    const cases = (body: { id: number }[]) => body.map(({ id }) => ({ jsonrpc: '2.0', id, result: [] }));
    const reads = nock(BASE)
      .post('/rpc')
      .reply(200, (_uri, body) => serverError(body as { id: number }[]))
      .post('/rpc')
      .reply(200, (_uri, body) => cases(body as { id: number }[]));
    expect(await crm.listCasesMany(['C-000001', 'C-000002'])).toEqual([[], []]);
    expect(reads.isDone()).toBe(true);

    nock(BASE)
      .post('/rpc')
      .reply(200, (_uri, body) => serverError(body as { id: number }[]));
    const second = nock(BASE)
      .post('/rpc')
      .reply(200, (_uri, body) => cases(body as { id: number }[]));
    const [outcome] = await crm.batch([
      { method: 'case.create', params: { contact_id: 'C-000001', subject: 's', body: 'b', channel: 'phone' } },
    ]);
    expect(outcome).toBeInstanceOf(LegacyUnavailableError);
    expect(second.isDone()).toBe(false);
  });

  it('does not retry once the deadline is spent: a hanging system is asked once', async () => {
    let requests = 0;
    const server = http.createServer(() => {
      requests += 1; // and never answer
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const err = await failure(client(guard(), url, 150).get('/things'));
      expect(err).toBeInstanceOf(LegacyUnavailableError);
      expect(requests).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the circuit breaker', () => {
  it('opens after a burst of failures, then fails fast without a request', async () => {
    const g = guard({ retries: 0 });
    nock(BASE).get('/things').times(3).reply(503);
    for (let i = 0; i < 3; i++) await failure(client(g).get('/things'));
    expect(g.state).toBe('open');

    const shortCircuitedBefore = await calls('short_circuited');
    const untouched = nock(BASE).get('/things').reply(200, {});
    const err = await failure(client(g).get('/things'));
    expect(err).toBeInstanceOf(LegacyUnavailableError);
    expect(err).toMatchObject({ system: 'eshop' });
    expect(untouched.isDone()).toBe(false);
    expect(await calls('short_circuited')).toBe(shortCircuitedBefore + 1);
  });

  it('half-opens after its reset timeout and closes when the system answers', async () => {
    const g = guard({ retries: 0 });
    nock(BASE).get('/things').times(3).reply(503);
    for (let i = 0; i < 3; i++) await failure(client(g).get('/things'));
    expect(g.state).toBe('open');
    await sleep(SETTINGS.breakerResetMs + 100);
    expect(g.state).toBe('half-open');
    nock(BASE).get('/things').reply(200, { ok: true });
    expect((await client(g).get('/things')).data).toEqual({ ok: true });
    expect(g.state).toBe('closed');
  });

  it('opens again when the half-open probe fails', async () => {
    const g = guard({ retries: 0 });
    nock(BASE).get('/things').times(4).reply(503);
    for (let i = 0; i < 3; i++) await failure(client(g).get('/things'));
    await sleep(SETTINGS.breakerResetMs + 100);
    await failure(client(g).get('/things'));
    expect(g.state).toBe('open');
  });

  it('logs a call that failed for good and the breaker opening and closing, not a business rejection or a short circuit', async () => {
    const rejected = capturedLogger();
    nock(BASE)
      .get('/things/1')
      .reply(404, { error: { code: 'not_found' } });
    await failure(client(guard({ retries: 0 }, async () => undefined, rejected.logger)).get('/things/1'));
    expect(rejected.lines).toEqual([]);

    const { logger, lines } = capturedLogger();
    const g = guard({ retries: 0 }, async () => undefined, logger);
    nock(BASE).get('/things').times(3).reply(503);
    for (let i = 0; i < 4; i++) await failure(client(g).get('/things'));
    expect(lines.map((l) => [l.level, l.msg, l.system])).toEqual([
      [40, 'legacy call failed', 'eshop'],
      [40, 'legacy call failed', 'eshop'],
      [40, 'circuit breaker open: calls fail fast until a probe gets through', 'eshop'],
      [40, 'legacy call failed', 'eshop'],
    ]);
    await sleep(SETTINGS.breakerResetMs + 100);
    await g.health(10_000);
    expect(lines.at(-1)).toMatchObject({ level: 30, msg: 'circuit breaker closed', system: 'eshop' });
  });

  it('does not count business rejections as failures', async () => {
    const g = guard({ retries: 0 });
    nock(BASE)
      .get('/things/1')
      .times(6)
      .reply(404, { error: { code: 'not_found' } });
    for (let i = 0; i < 6; i++) expect(await failure(client(g).get('/things/1'))).toBeInstanceOf(LegacyRejectedError);
    expect(g.state).toBe('closed');
  });

  it('reports a system usable when the probe answers, and closes a half-open breaker with it', async () => {
    let up = false;
    const g = guard({ retries: 0 }, async () => {
      if (!up) throw new Error('refused');
    });
    nock(BASE).get('/things').times(3).reply(503);
    for (let i = 0; i < 3; i++) await failure(client(g).get('/things'));
    expect(await g.health(10_000)).toMatchObject({
      usable: false,
      breaker: 'open',
      probe: 'skipped',
      lastCall: { outcome: 'unavailable' },
    });
    await sleep(SETTINGS.breakerResetMs + 100);
    expect(await g.health(10_000)).toMatchObject({ usable: false, breaker: 'open', probe: 'failed' });
    up = true;
    await sleep(SETTINGS.breakerResetMs + 100);
    expect(await g.health(10_000)).toMatchObject({ usable: true, breaker: 'closed', probe: 'ok' });
  });
});

describe('health within a deadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is reported late and not usable while the probe hangs, without waiting for it, and usable once it answers', async () => {
    let up = false;
    let answer = () => undefined as void;
    const g = guard({}, () => (up ? Promise.resolve() : new Promise<void>((resolve) => (answer = resolve))));
    let settled = false;
    const asked = g.health(800).then((h) => ((settled = true), h));
    await jest.advanceTimersByTimeAsync(799);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await asked).toMatchObject({ usable: false, breaker: 'closed', probe: 'late' });
    up = true;
    answer();
    expect(await g.health(800)).toMatchObject({ usable: true, breaker: 'closed', probe: 'ok' });
  });
});

describe('the cap on calls in flight', () => {
  it('never lets more requests than the cap reach the system; the others wait their turn', async () => {
    let inFlight = 0;
    let most = 0;
    const server = http.createServer((_req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
      }, 100); // long enough for the first three to overlap on a loaded machine
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const c = client(guard({ maxInFlight: 3 }), url, 5000);
      const answers = await Promise.all(Array.from({ length: 12 }, () => c.get('/things')));
      expect(answers.every((a) => (a.data as { ok: boolean }).ok)).toBe(true);
      expect(most).toBe(3);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('fails a call as unavailable when no slot frees up within its deadline, and as one never sent', async () => {
    const server = await startServer('hang');
    try {
      const g = guard({ maxInFlight: 1, retries: 0 });
      // the slot held well past the second call's deadline: with one deadline for both, a loaded
      // machine could fire the first's timeout before the second's wait ran out, and free the slot
      const first = failure(client(g, server.url, 60_000).get('/a'));
      const second = await failure(client(g, server.url, 150).get('/b'));
      expect(second).toBeInstanceOf(NothingDoneError); // it waited for a slot and never left
      expect(mayHaveHappened(second)).toBe(false);
      expect((second as LegacyUnavailableError).detail).toMatch(/no free slot/);
      await server.close(); // the first one's connection dropped with its request sent
      expect(await first).toBeInstanceOf(LegacyUnavailableError);
      expect(mayHaveHappened(await first)).toBe(true); // its answer was lost
    } finally {
      await server.close();
    }
  });
});
