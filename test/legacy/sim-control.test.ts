import { startSimulator, type SimHandle } from '../../legacy';
import type { System } from '../../platform/errors';
import { CARD, EAN_MUG, fixtureWorld } from './fixture-world';
import { control, readJson } from './sim-client';

const sims = {} as Record<System, SimHandle>;
beforeAll(async () => {
  for (const system of ['pos', 'eshop', 'crm', 'loyalty'] as const) sims[system] = await startSimulator(system, { world: fixtureWorld() });
});
afterAll(() => Promise.all(Object.values(sims).map((sim) => sim.close())));
beforeEach(() => Promise.all(Object.values(sims).map((sim) => control(sim, 'faults', {}).then(() => control(sim, 'reset')))));

/** Waits until the simulator has counted n requests: counted means past the routing, at the faults. */
async function untilServed(sim: SimHandle, n: number) {
  while ((await control(sim, 'stats')).total < n) await new Promise((resolve) => setImmediate(resolve));
}

const reserve = () =>
  fetch(`${sims.pos.url}/pos/reservations`, {
    method: 'POST',
    body: `<reservation store="ST001" ref="R1"><line ean="${EAN_MUG}" qty="1"/></reservation>`,
  });
const stores = (init: RequestInit = {}) => fetch(`${sims.pos.url}/pos/stores`, init);
const placeOrder = () =>
  fetch(`${sims.eshop.url}/api/v2/orders`, {
    method: 'POST',
    headers: { 'x-api-key': 'sim-eshop-key', 'content-type': 'application/json' },
    body: JSON.stringify({
      account_id: 'A-10001',
      lines: [{ sku: 'SKU-100001', qty: 1, unit_price: '1.00' }],
      total: '1.00',
      shipping: { method: 'home' },
    }),
  });
const openCase = (id: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'case.create',
  params: { contact_id: 'C-000001', subject: 's', body: 'b', channel: 'phone' },
});
const rpc = (body: unknown) =>
  fetch(`${sims.crm.url}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function earnPoints() {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'omnigraph', client_secret: 'sim-loyalty-secret' });
  const { access_token } = await readJson(await fetch(`${sims.loyalty.url}/oauth/token`, { method: 'POST', body: form }));
  return fetch(`${sims.loyalty.url}/v1/members/${CARD}/transactions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'EARN', points: 10, channel: 'WEB', external_ref: 'X-1' }),
  });
}

describe('simulator control API', () => {
  it('counts business requests by route template, never its own', async () => {
    await fetch(`${sims.pos.url}/pos/stores/ST001/stock?ean=${EAN_MUG}`);
    await fetch(`${sims.pos.url}/pos/stores/ST002/stock?ean=${EAN_MUG}`);
    await stores();
    await control(sims.pos, 'dump');
    expect(await control(sims.pos, 'stats')).toEqual({ total: 3, byRoute: { 'GET /pos/stores/:code/stock': 2, 'GET /pos/stores': 1 } });
    await control(sims.pos, 'reset');
    expect(await control(sims.pos, 'stats')).toEqual({ total: 0, byRoute: {} });
  });

  it('names the loyalty batch route without its escape', async () => {
    await fetch(`${sims.loyalty.url}/v1/members:batchGet`, { method: 'POST' });
    expect((await control(sims.loyalty, 'stats')).byRoute).toEqual({ 'POST /v1/members:batchGet': 1 });
  });

  it('puts every system’s data back to its seed on reset', async () => {
    expect((await reserve()).status).toBe(200);
    expect((await placeOrder()).status).toBe(201);
    expect((await control(sims.pos, 'dump')).reservations).toHaveLength(2);
    await Promise.all(Object.values(sims).map((sim) => control(sim, 'reset')));
    expect(await control(sims.pos, 'dump')).toEqual(fixtureWorld().pos);
    expect(await control(sims.eshop, 'dump')).toEqual(fixtureWorld().eshop);
    expect(await control(sims.crm, 'dump')).toEqual(fixtureWorld().crm);
    expect(await control(sims.loyalty, 'dump')).toEqual(fixtureWorld().loyalty);
  });

  it('refuses unknown fault settings', async () => {
    const res = await fetch(`${sims.pos.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"error_rate":2}',
    });
    expect(res.status).toBe(400);
  });

  it('faults with a path meet only the requests under it: one store failing alone', async () => {
    await control(sims.pos, 'faults', { error_rate: 1, path: '/pos/stores/ST002/stock' });
    const failing = await (await fetch(`${sims.pos.url}/pos/stores/ST002/stock?ean=${EAN_MUG}`)).text();
    const healthy = await (await fetch(`${sims.pos.url}/pos/stores/ST001/stock?ean=${EAN_MUG}`)).text();
    await control(sims.pos, 'faults', {});
    expect(failing).toMatch(/^<error code="internal_error"/);
    expect(healthy).toMatch(/^<stock store="ST001">/);
  });

  describe('error_rate 1 fails every call the way its system fails, with no effect', () => {
    beforeEach(() => Promise.all(Object.values(sims).map((sim) => control(sim, 'faults', { error_rate: 1 }))));

    it('POS: HTTP 200 with an internal_error <error/>', async () => {
      const res = await reserve();
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^<error code="internal_error" message="[^"]*"\/>$/);
      expect((await control(sims.pos, 'dump')).reservations).toHaveLength(1);
    });

    it('e-shop: HTTP 500 with a JSON error', async () => {
      const res = await placeOrder();
      expect(res.status).toBe(500);
      expect((await readJson(res)).error.code).toBe('internal_error');
      expect((await control(sims.eshop, 'dump')).orders).toHaveLength(2);
    });

    it('CRM: one -32603 error per call of a batch', async () => {
      const res = await rpc([openCase(1), openCase(2)]);
      expect(res.status).toBe(200);
      expect(await readJson(res)).toEqual(
        [1, 2].map((id) => ({ jsonrpc: '2.0', id, error: { code: -32603, message: expect.any(String) } })),
      );
      expect((await control(sims.crm, 'dump')).cases).toHaveLength(2);
    });

    it('loyalty: HTTP 500 with a JSON error', async () => {
      const res = await earnPoints();
      expect(res.status).toBe(500);
      expect((await control(sims.loyalty, 'dump')).members[0].points_balance).toBe(120);
    });

    it('still counts the failed calls', async () => {
      await stores();
      expect(await control(sims.pos, 'stats')).toEqual({ total: 1, byRoute: { 'GET /pos/stores': 1 } });
    });
  });

  it('down cuts the open business connections and refuses new ones, until cleared', async () => {
    await control(sims.pos, 'faults', { hang: true });
    const open = stores();
    await untilServed(sims.pos, 1);
    await control(sims.pos, 'faults', { down: true });
    await expect(open).rejects.toThrow();
    await expect(reserve()).rejects.toThrow();
    expect((await control(sims.pos, 'dump')).reservations).toHaveLength(1);
    await control(sims.pos, 'faults', {});
    expect((await stores()).status).toBe(200);
  });

  it('hang never answers and has no effect', async () => {
    await control(sims.crm, 'faults', { hang: true });
    const call = fetch(`${sims.crm.url}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(openCase(1)),
      signal: AbortSignal.timeout(300),
    });
    await expect(call).rejects.toThrow(/aborted/);
    expect((await control(sims.crm, 'dump')).cases).toHaveLength(2);
  });

  it('lets the requests hang held go on when the faults change', async () => {
    await control(sims.pos, 'faults', { hang: true });
    const held = stores();
    await untilServed(sims.pos, 1);
    expect(await control(sims.pos, 'faults')).toEqual({ hang: true });
    await control(sims.pos, 'faults', {});
    expect((await held).status).toBe(200);
  });

  it('latency delays the answer by at least latency_ms', async () => {
    await control(sims.eshop, 'faults', { latency_ms: 150, jitter_ms: 50 });
    const started = performance.now();
    const res = await fetch(`${sims.eshop.url}/api/v2/promotions`, { headers: { 'x-api-key': 'sim-eshop-key' } });
    expect(res.status).toBe(200);
    // Timers may fire up to a millisecond early; noise only ever makes the call slower.
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
  });
});
