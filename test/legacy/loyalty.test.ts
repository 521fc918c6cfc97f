import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator, type SimHandle } from '../../legacy';
import { CARD, fixtureWorld } from './fixture-world';
import { control, readJson } from './sim-client';

let loyalty: SimHandle;
let token: string;
beforeAll(async () => {
  loyalty = await startSimulator('loyalty', { world: fixtureWorld() });
  token = await tokenFrom(loyalty);
});
afterAll(() => loyalty.close());
beforeEach(() => control(loyalty, 'reset'));

function tokenRequest(sim: SimHandle, secret = 'sim-loyalty-secret') {
  return fetch(`${sim.url}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'omnigraph', client_secret: secret }),
  });
}

async function tokenFrom(sim: SimHandle): Promise<string> {
  return (await readJson(await tokenRequest(sim))).access_token;
}

function request(path: string, body?: unknown, bearer = token) {
  const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
  return fetch(loyalty.url + path, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Waits out the rate limit as a well-behaved client does, so the tests never depend on their own pace. */
async function call(path: string, body?: unknown) {
  for (;;) {
    const res = await request(path, body);
    if (res.status !== 429) return { status: res.status, body: await readJson(res) };
    await sleep(Number(res.headers.get('retry-after')) * 1000);
  }
}

/** Freezes the clock the simulator stamps transactions with, and nothing the HTTP stack waits on. */
function freezeDateAt(iso: string) {
  jest.useFakeTimers({
    now: Date.parse(iso),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

describe('loyalty simulator', () => {
  it('issues bearer tokens for the client credentials only', async () => {
    const res = await tokenRequest(loyalty);
    expect(await readJson(res)).toEqual({ access_token: expect.any(String), expires_in: 300, token_type: 'Bearer' });
    expect((await tokenRequest(loyalty, 'wrong')).status).toBe(401);
    expect((await request(`/v1/members/${CARD}`, undefined, 'forged')).status).toBe(401);
    expect((await fetch(`${loyalty.url}/v1/members/${CARD}`)).status).toBe(401);
  });

  it('refuses an expired token with 401', async () => {
    const shortLived = await startSimulator('loyalty', { world: fixtureWorld(), tokenTtlS: 1 });
    try {
      const expiring = await tokenFrom(shortLived);
      const get = () => fetch(`${shortLived.url}/v1/offers`, { headers: { authorization: `Bearer ${expiring}` } });
      expect((await get()).status).toBe(200);
      await sleep(1100);
      expect((await get()).status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });

  it('answers 429 with Retry-After over 20 requests a second', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => request('/v1/offers')));
    const limited = answers.filter((res) => res.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const res of limited) expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(Number(limited[0].headers.get('retry-after')))).toBe(true);
  });

  it('finds members by card, by email whatever its case and spaces, by E.164 phone, in batches', async () => {
    expect((await call(`/v1/members/${CARD}`)).body).toEqual(fixtureWorld().loyalty.members[0]);
    expect((await call('/v1/members/4000000000000000')).status).toBe(404);
    const byEmail = await call('/v1/members?email=%20marie.durand@EXAMPLE.fr');
    expect(byEmail.body.members.map((m: { card_number: string }) => m.card_number)).toEqual([CARD]);
    const byPhone = await call(`/v1/members?phone=${encodeURIComponent('+33612345678')}`);
    expect(byPhone.body.members).toHaveLength(2);
    const batch = await call('/v1/members:batchGet', { cards: ['4000123456780001', '4000999999999999', CARD] });
    expect(batch.body.members.map((m: { card_number: string }) => m.card_number)).toEqual(['4000123456780001', CARD]);
    expect((await call('/v1/members:batchGet', { cards: Array.from({ length: 101 }, () => CARD) })).status).toBe(400);
  });

  it('takes any limit, as the reference states none: a ledger longer than 1,000 entries can be read whole', async () => {
    const { status, body } = await call(`/v1/members/${CARD}/transactions?limit=5000`);
    expect(status).toBe(200);
    expect(body.transactions.length).toBeGreaterThan(0);
  });

  it('lists transactions newest first, limited, without the card number', async () => {
    const { body } = await call(`/v1/members/${CARD}/transactions?limit=1`);
    expect(body).toEqual({
      transactions: [
        { id: 'TX-00000002', type: 'EARN', points: 20, channel: 'STORE', external_ref: 'ST001-20261101-0001', at: '2026-11-01T13:32:10Z' },
      ],
    });
  });

  it('earns, burns and adjusts points, updating the balance', async () => {
    const earned = await call(`/v1/members/${CARD}/transactions`, {
      type: 'EARN',
      points: 30,
      channel: 'WEB',
      external_ref: 'W-2026-000010',
    });
    expect(earned).toEqual({
      status: 201,
      body: { id: 'TX-00000003', type: 'EARN', points: 30, channel: 'WEB', external_ref: 'W-2026-000010', at: expect.any(String) },
    });
    const burnt = await call(`/v1/members/${CARD}/transactions`, { type: 'BURN', points: 50, channel: 'STORE', external_ref: 'ST001-1' });
    expect(burnt.body.points).toBe(-50);
    await call(`/v1/members/${CARD}/transactions`, { type: 'ADJUST', points: -10, channel: 'PHONE', external_ref: null });
    expect((await call(`/v1/members/${CARD}`)).body.points_balance).toBe(120 + 30 - 50 - 10);
    expect((await call(`/v1/members/${CARD}/transactions?limit=1`)).body.transactions[0].type).toBe('ADJUST');
  });

  it('lists transactions booked in the same millisecond in the order they were booked', async () => {
    freezeDateAt('2026-11-20T10:00:00.000Z');
    try {
      await call(`/v1/members/${CARD}/transactions`, { type: 'EARN', points: 5, channel: 'WEB', external_ref: 'W-2026-000020' });
      await call(`/v1/members/${CARD}/transactions`, { type: 'ADJUST', points: -1, channel: 'PHONE', external_ref: null });
    } finally {
      jest.useRealTimers();
    }
    const { body } = await call(`/v1/members/${CARD}/transactions?limit=2`);
    expect(body.transactions.map((t: { type: string }) => t.type)).toEqual(['ADJUST', 'EARN']);
  });

  it('refuses a reused external_ref with 409 and an overdraft with 422, changing nothing', async () => {
    const reused = await call(`/v1/members/${CARD}/transactions`, {
      type: 'EARN',
      points: 5,
      channel: 'WEB',
      external_ref: 'W-2026-000001',
    });
    expect(reused).toEqual({ status: 409, body: { error: { code: 'duplicate_external_ref', message: expect.any(String) } } });
    const overdraft = await call(`/v1/members/${CARD}/transactions`, {
      type: 'BURN',
      points: 121,
      channel: 'WEB',
      external_ref: 'W-2026-000011',
    });
    expect(overdraft.status).toBe(422);
    expect(overdraft.body.error.code).toBe('insufficient_points');
    expect((await call(`/v1/members/${CARD}`)).body.points_balance).toBe(120);
    expect((await call(`/v1/members/${CARD}/transactions`)).body.transactions).toHaveLength(2);
  });

  it('lists the offers of a tier', async () => {
    const { body } = await call('/v1/offers?tier=GOLD');
    expect(body.offers.map((o: { offer_id: string }) => o.offer_id)).toEqual(['OF-101']);
    expect((await call('/v1/offers?tier=PLATINUM')).status).toBe(400);
  });
});
