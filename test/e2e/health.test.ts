// The gateway's operational side: /health (alive), /ready (every legacy system usable, with each
// one's breaker and probe), /metrics (Prometheus text), and the request id that follows a request
// into every log line it causes, against the real stack.
import type { Stack } from '../../platform/tools/stack';
import { capturedLogger } from '../captured-logs';
import { gql, gqlResponse, setFaults, startTestStack, tokenFor } from './harness';

// Long enough that a loaded machine still finds the breaker open right after the failures.
const RESET_MS = 2500;
let stack: Stack;
const logs = capturedLogger();
beforeAll(async () => {
  stack = await startTestStack(
    { POS_TIMEOUT_MS: '400', LEGACY_BREAKER_MIN_CALLS: '3', LEGACY_BREAKER_RESET_MS: String(RESET_MS) },
    logs.logger,
  );
});
afterAll(() => stack.close());
afterEach(() => setFaults(stack, 'pos', {}));

const endpoint = (path: string, init?: RequestInit) => fetch(stack.gatewayUrl.replace(/\/graphql$/, path), init);
/** /metrics is for the service role (the scraper's token) */
const scrape = async () => endpoint('/metrics', { headers: { authorization: `Bearer ${await tokenFor('service')}` } });

async function ready() {
  const res = await endpoint('/ready');
  return { status: res.status, body: (await res.json()) as any };
}

/** /ready once every system is usable again, polled: the breaker half-opens after RESET_MS and the probe closes it. */
async function readyAgain(withinMs: number) {
  for (const deadline = Date.now() + withinMs; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const answer = await ready();
    if (answer.body.status === 'ready' || Date.now() > deadline) return answer;
  }
}

/** The sum of a metric's samples that carry these labels, in the Prometheus text. */
async function metric(name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await scrape()).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.slice(0, l.indexOf('}')).includes(w)))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

const STORES = '{ stores { id } }';
const STOCK = '{ products(first: 3) { edges { node { sku availability(storeId: "ST001") { available } } } } }';

it('/health answers while the process is alive', async () => {
  const res = await endpoint('/health');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
});

it('/ready stays 200 while a legacy system is down, which its body reports as degraded: the gateway still serves', async () => {
  const up = await ready();
  expect(up.status).toBe(200);
  expect(up.body).toMatchObject({ status: 'ready', unavailable: [] });
  for (const system of ['pos', 'eshop', 'crm', 'loyalty']) {
    expect(up.body.systems[system]).toMatchObject({ usable: true, breaker: 'closed', probe: 'ok' });
  }
  for (const subgraph of Object.keys(stack.subgraphs)) expect(up.body.subgraphs[subgraph]).toBe('ok');

  await setFaults(stack, 'pos', { down: true });
  const down = await ready();
  expect(down.status).toBe(200);
  expect(down.body).toMatchObject({ status: 'degraded', unavailable: ['pos'] });
  expect(down.body.systems.pos).toMatchObject({ usable: false, probe: 'failed' });
  expect(down.body.systems.eshop.usable).toBe(true);

  await setFaults(stack, 'pos', {});
  expect(await ready()).toMatchObject({ status: 200, body: { status: 'ready' } });
});

it('/metrics answers the service role only: what the process does is not for every client to read', async () => {
  expect((await endpoint('/metrics')).status).toBe(401);
  expect((await endpoint('/metrics', { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
  expect((await endpoint('/metrics', { headers: { authorization: `Bearer ${await tokenFor('agent')}` } })).status).toBe(403);
  expect((await scrape()).status).toBe(200);
});

it('/metrics counts GraphQL requests, their errors by code, and legacy calls by outcome', async () => {
  const res = await scrape();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);

  const requests = () => metric('omnigraph_graphql_requests_total', { operation: 'query' });
  const unavailableErrors = () => metric('omnigraph_graphql_errors_total', { code: 'SYSTEM_UNAVAILABLE' });
  const badInput = () => metric('omnigraph_graphql_errors_total', { code: 'BAD_USER_INPUT' });
  const ok = () => metric('omnigraph_legacy_calls_total', { system: 'eshop', outcome: 'ok' });
  const failed = () => metric('omnigraph_legacy_calls_total', { system: 'pos', outcome: 'unavailable' });
  const before = {
    requests: await requests(),
    unavailable: await unavailableErrors(),
    badInput: await badInput(),
    ok: await ok(),
    failed: await failed(),
  };

  await gql(stack, STOCK);
  await gql(stack, '{ store(id: "nowhere") { id } }');
  await setFaults(stack, 'pos', { down: true });
  await gql(stack, STOCK);

  expect(await requests()).toBe(before.requests + 3);
  expect(await badInput()).toBe(before.badInput + 1);
  expect(await unavailableErrors()).toBeGreaterThan(before.unavailable);
  expect(await ok()).toBeGreaterThan(before.ok);
  expect(await failed()).toBeGreaterThan(before.failed);
  expect(await (await scrape()).text()).toMatch(
    /omnigraph_legacy_call_duration_seconds_bucket\{le="0.1",system="eshop",outcome="ok"\} \d+/,
  );
});

it('opens the POS breaker after a burst of failures, fails fast, and closes once the POS is back', async () => {
  await gql(stack, STORES); // the store list is cached from here on
  await setFaults(stack, 'pos', { down: true });
  await Promise.all(Array.from({ length: 4 }, () => gql(stack, STOCK)));
  const open = await ready();
  expect(open.body.status).toBe('degraded');
  expect(open.body.systems.pos).toMatchObject({ breaker: 'open', probe: 'skipped' });

  const before = await metric('omnigraph_legacy_calls_total', { system: 'pos', outcome: 'short_circuited' });
  const { errors } = await gql(stack, STOCK);
  expect(errors?.[0].extensions).toMatchObject({ code: 'SYSTEM_UNAVAILABLE', system: 'pos' });
  expect(await metric('omnigraph_legacy_calls_total', { system: 'pos', outcome: 'short_circuited' })).toBeGreaterThan(before);
  expect(await metric('omnigraph_legacy_breaker_state', { system: 'pos' })).toBe(2);

  await setFaults(stack, 'pos', {});
  const back = await readyAgain(3 * RESET_MS);
  expect(back.body.status).toBe('ready');
  expect(back.body.systems.pos).toMatchObject({ breaker: 'closed', probe: 'ok' });
  expect(await metric('omnigraph_legacy_breaker_state', { system: 'pos' })).toBe(0);
});

describe('the request id', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const linesOf = (requestId: string) => logs.lines.filter((l) => l.requestId === requestId);

  it("is the caller's when it is a plain token, answered back, and on the gateway's line for the request", async () => {
    const res = await gqlResponse(stack, 'query Stores { stores { id } }', {}, { headers: { 'x-request-id': 'support-42' } });
    expect(res.headers.get('x-request-id')).toBe('support-42');
    expect(linesOf('support-42')).toContainEqual(
      expect.objectContaining({
        component: 'gateway',
        msg: 'graphql request',
        operation: 'Stores',
        type: 'query',
        role: 'service',
        errors: [],
      }),
    );
  });

  it('comes with every answer, also the operational endpoints and the requests refused before GraphQL, which are logged under it', async () => {
    for (const path of ['/health', '/ready', '/metrics']) expect((await endpoint(path)).headers.get('x-request-id')).toMatch(UUID);
    const post = (body: string, id: string) =>
      fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body });
    const notJson = await post('{oops', 'refused-1');
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('x-request-id')).toBe('refused-1');
    const tooBig = await post(JSON.stringify({ query: `{ stores { id } } # ${'x'.repeat(200_000)}` }), 'refused-2');
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('x-request-id')).toBe('refused-2');
    for (const [id, code] of [
      ['refused-1', 'BAD_USER_INPUT'],
      ['refused-2', 'OPERATION_TOO_COMPLEX'],
    ]) {
      expect(linesOf(id)).toContainEqual(expect.objectContaining({ component: 'gateway', msg: 'request refused', code }));
    }
  });

  it('is made afresh when the caller sends none, or one that is not a plain token', async () => {
    for (const headers of [{}, { 'x-request-id': 'two words' }, { 'x-request-id': 'x'.repeat(65) }] as Record<string, string>[]) {
      const res = await gqlResponse(stack, STORES, {}, { headers });
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('follows the request through the gateway and the subgraph to the failed legacy call', async () => {
    await setFaults(stack, 'pos', { down: true });
    const res = await gqlResponse(stack, STOCK, {}, { headers: { 'x-request-id': 'pos-down-1' } });
    const { errors } = (await res.json()) as { errors: { extensions: unknown }[] };
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.extensions).toEqual({ code: 'SYSTEM_UNAVAILABLE', system: 'pos' });
    const lines = linesOf('pos-down-1');
    expect(lines).toContainEqual(expect.objectContaining({ component: 'legacy', msg: 'legacy call failed', system: 'pos' }));
    expect(lines).toContainEqual(
      expect.objectContaining({ component: 'gateway', msg: 'graphql request', errors: expect.arrayContaining(['SYSTEM_UNAVAILABLE']) }),
    );
  });
});

// last: it stops a subgraph of this file's stack
it('/ready is 503 naming the subgraph when one does not answer: the gateway cannot serve its part', async () => {
  await stack.subgraphs.crm.close();
  const answer = await ready();
  expect(answer.status).toBe(503);
  expect(answer.body).toMatchObject({ status: 'unavailable', subgraphs: { crm: 'failed', pos: 'ok' } });
});
