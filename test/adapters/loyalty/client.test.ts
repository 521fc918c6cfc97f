import nock from 'nock';
import { LoyaltyClient } from '../../../adapters/loyalty/client';
import { LegacyGuard } from '../../../adapters/transport/resilience';
import { LegacyRejectedError, LegacyUnavailableError } from '../../../platform/errors';
import { createLogger } from '../../../platform/logging';
import type { LoyaltyMember } from '../../../adapters/loyalty/wire';
import { fixture, jsonFixture } from '../../fixtures/legacy';
import { FakeClock } from '../fake-clock';
import { expectMalformed, useLoggedGuard } from '../malformed';
import { useNock } from '../nock-lifecycle';
import { refusedUrl, startServer } from '../servers';

useNock();

const BASE = 'http://loyalty.test';
const CARD = '4000123456781234';
const member = jsonFixture<LoyaltyMember>('loyalty-member.json');

function loyalty(clock = new FakeClock(), baseUrl = BASE, timeoutMs = 1000) {
  return new LoyaltyClient(baseUrl, 'omnigraph', 'sim-loyalty-secret', timeoutMs, clock);
}

/** The token endpoint, answering the given tokens in turn, checking the form it is sent. */
function tokenEndpoint(...tokens: string[]) {
  const scope = nock(BASE);
  for (const token of tokens) {
    scope
      .post('/oauth/token', { grant_type: 'client_credentials', client_id: 'omnigraph', client_secret: 'sim-loyalty-secret' })
      .matchHeader('Content-Type', /application\/x-www-form-urlencoded/)
      .reply(200, { access_token: token, expires_in: 300 });
  }
  return scope;
}

const withToken = (token: string) => nock(BASE, { reqheaders: { Authorization: `Bearer ${token}` } });

describe('LoyaltyClient authentication', () => {
  it('asks for one token for many calls, concurrent or not', async () => {
    const tokens = tokenEndpoint('tok-1');
    withToken('tok-1').get(`/v1/members/${CARD}`).times(6).reply(200, member);
    const client = loyalty();
    await Promise.all([client.getMember(CARD), client.getMember(CARD), client.getMember(CARD)]);
    await client.getMember(CARD);
    await client.getMember(CARD);
    expect(await client.getMember(CARD)).toEqual(member);
    expect(tokens.isDone()).toBe(true);
  });

  it('on a 401 renews the token and tries once more', async () => {
    const tokens = tokenEndpoint('tok-expired', 'tok-fresh');
    withToken('tok-expired').get(`/v1/members/${CARD}`).reply(401, { error: 'invalid_token' });
    withToken('tok-fresh').get(`/v1/members/${CARD}`).reply(200, member);
    expect(await loyalty().getMember(CARD)).toEqual(member);
    expect(tokens.isDone()).toBe(true);
  });

  it('gives up after the second 401', async () => {
    tokenEndpoint('tok-1', 'tok-2');
    const refused = nock(BASE).get(`/v1/members/${CARD}`).times(2).reply(401, { error: 'invalid_token' });
    const err = await loyalty()
      .getMember(CARD)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LegacyRejectedError);
    expect(err).toMatchObject({ system: 'loyalty', legacyCode: 'invalid_token' });
    expect(refused.isDone()).toBe(true);
  });

  it('keeps the client secret out of a failed token request error', async () => {
    nock(BASE).post('/oauth/token').reply(401, { error: 'invalid_client' });
    const err = (await loyalty()
      .getMember(CARD)
      .catch((e: unknown) => e)) as LegacyRejectedError;
    expect(err.legacyCode).toBe('invalid_client');
    expect(`${err.message} ${err.detail}`).not.toContain('sim-loyalty-secret');
  });
});

/** 429s are waited out by the guard every system's calls go through (adapters/transport/resilience.ts). */
function guarded(clock: FakeClock) {
  const settings = { retries: 2, retryBaseMs: 1, maxInFlight: 10, breakerMinCalls: 10, breakerResetMs: 1000 };
  const guard = new LegacyGuard('loyalty', settings, async () => undefined, createLogger('silent'), clock);
  return new LoyaltyClient(BASE, 'omnigraph', 'sim-loyalty-secret', 5000, clock, guard);
}

describe('LoyaltyClient rate limits', () => {
  it('waits Retry-After seconds after a 429 and retries', async () => {
    tokenEndpoint('tok-1');
    const limited = withToken('tok-1').get(`/v1/members/${CARD}`).reply(429, 'slow down', { 'Retry-After': '1' });
    const served = withToken('tok-1').get(`/v1/members/${CARD}`).reply(200, member);
    const clock = new FakeClock();
    expect(await guarded(clock).getMember(CARD)).toEqual(member);
    expect(limited.isDone() && served.isDone()).toBe(true);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('retries a 429 at most twice, then is unavailable', async () => {
    tokenEndpoint('tok-1');
    const limited = withToken('tok-1').get('/v1/offers').query({ tier: 'GOLD' }).times(3).reply(429, '', { 'Retry-After': '1' });
    const clock = new FakeClock();
    await expect(guarded(clock).listOffers('GOLD')).rejects.toBeInstanceOf(LegacyUnavailableError);
    expect(limited.isDone()).toBe(true);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('does not wait on a Retry-After longer than a caller can', async () => {
    tokenEndpoint('tok-1');
    withToken('tok-1').get('/v1/offers').query(true).reply(429, '', { 'Retry-After': '3600' });
    const clock = new FakeClock();
    await expect(guarded(clock).listOffers('GOLD')).rejects.toBeInstanceOf(LegacyUnavailableError);
    expect(clock.sleeps).toEqual([]);
  });

  it('holds itself to 20 requests a second', async () => {
    tokenEndpoint('tok-1');
    withToken('tok-1').get(`/v1/members/${CARD}`).times(25).reply(200, member);
    const clock = new FakeClock();
    const client = loyalty(clock);
    await Promise.all(Array.from({ length: 25 }, () => client.getMember(CARD)));
    // 26 requests with the token's: the 21st waits for the first second to pass
    expect(clock.sleeps).toEqual([1000]);
  });
});

describe('LoyaltyClient calls', () => {
  beforeEach(() => {
    tokenEndpoint('tok-1');
  });

  it('answers null for an unknown card', async () => {
    withToken('tok-1').get('/v1/members/4000000000000000').reply(404, { error: 'not_found' });
    expect(await loyalty().getMember('4000000000000000')).toBeNull();
  });

  it('finds members by email or by phone', async () => {
    withToken('tok-1')
      .get('/v1/members')
      .query({ email: 'Marie.Dupont@example.FR' })
      .reply(200, { members: [member] });
    withToken('tok-1').get('/v1/members').query({ phone: '+33612345678' }).reply(200, { members: [] });
    const client = loyalty();
    expect(await client.findMembers({ email: 'Marie.Dupont@example.FR' })).toEqual([member]);
    expect(await client.findMembers({ phone: '+33612345678' })).toEqual([]);
  });

  it('gets members 100 cards at a time', async () => {
    const cards = Array.from({ length: 230 }, (_, i) => String(4000000000000000 + i));
    const sizes: number[] = [];
    withToken('tok-1')
      .post('/v1/members:batchGet')
      .times(3)
      .reply(200, (_uri, body) => {
        const asked = (body as { cards: string[] }).cards;
        sizes.push(asked.length);
        return { members: [{ ...member, card_number: asked[0] }] };
      });
    const members = await loyalty().batchGetMembers(cards);
    expect(sizes.sort()).toEqual([100, 100, 30]);
    expect(members.map((m) => m.card_number)).toEqual([cards[0], cards[100], cards[200]]);
  });

  it('lists transactions', async () => {
    withToken('tok-1').get(`/v1/members/${CARD}/transactions`).query({ limit: '2' }).reply(200, fixture('loyalty-transactions.json'));
    const transactions = await loyalty().listTransactions(CARD, 2);
    expect(transactions.map((t) => t.id)).toEqual(['T-9001', 'T-9000']);
  });

  it('lists offers of a tier', async () => {
    withToken('tok-1').get('/v1/offers').query({ tier: 'SILVER' }).reply(200, fixture('loyalty-offers.json'));
    expect((await loyalty().listOffers('SILVER'))[0]).toMatchObject({ offer_id: 'O-12', channels: ['ONLINE', 'INSTORE'] });
  });

  it('creates a transaction', async () => {
    const txn = { type: 'EARN' as const, points: 45, channel: 'STORE' as const, external_ref: 'ST042-20261101-0042' };
    const created = { id: 'T-9002', ...txn, at: '2026-11-01T13:32:11Z' };
    withToken('tok-1').post(`/v1/members/${CARD}/transactions`, txn).reply(201, created);
    expect(await loyalty().createTransaction(CARD, txn)).toEqual(created);
  });

  it.each([
    [409, 'duplicate_external_ref'],
    [422, 'insufficient_points'],
  ])('rejects a transaction with %d %s', async (status, code) => {
    withToken('tok-1')
      .post(`/v1/members/${CARD}/transactions`)
      .reply(status, { error: { code, message: 'no' } });
    const err = await loyalty()
      .createTransaction(CARD, { type: 'BURN', points: -500, channel: 'WEB', external_ref: 'W-1' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LegacyRejectedError);
    expect(err).toMatchObject({ system: 'loyalty', legacyCode: code });
  });
});

describe('LoyaltyClient transport failures', () => {
  it('is unavailable when the vendor refuses connections', async () => {
    const url = await refusedUrl();
    await expect(loyalty(new FakeClock(), url).getMember(CARD)).rejects.toBeInstanceOf(LegacyUnavailableError);
  });

  it('is unavailable when the vendor never answers', async () => {
    const server = await startServer('hang');
    try {
      await expect(loyalty(new FakeClock(), server.url, 200).getMember(CARD)).rejects.toBeInstanceOf(LegacyUnavailableError);
    } finally {
      await server.close();
    }
  });
});

describe('LoyaltyClient, when an answer is not what the reference says', () => {
  const loggedGuard = useLoggedGuard('loyalty');
  const client = (guard: LegacyGuard) => new LoyaltyClient(BASE, 'omnigraph', 'sim-loyalty-secret', 1000, new FakeClock(), guard);

  it('is loyalty being unavailable, logged with its route without the card, for members, transactions and offers', async () => {
    const logged = loggedGuard();
    tokenEndpoint('tok-1');
    withToken('tok-1')
      .get(`/v1/members/${CARD}`)
      .reply(200, { ...member, points_balance: '120' });
    withToken('tok-1')
      .get('/v1/members')
      .query(true)
      .reply(200, { members: [{ ...member, tier: 'PLATINUM' }] });
    withToken('tok-1').post('/v1/members:batchGet').reply(200, { members: {} });
    withToken('tok-1').get(`/v1/members/${CARD}/transactions`).query(true).reply(200, { txns: [] });
    withToken('tok-1')
      .get('/v1/offers')
      .query(true)
      .reply(200, { offers: [{ offer_id: 'O-1', name: 'x', discount_type: 'PERCENT', value: '10' }] });
    withToken('tok-1')
      .post(`/v1/members/${CARD}/transactions`)
      .reply(201, { id: 7, type: 'EARN', points: 1, channel: 'WEB', external_ref: null, at: 'now' });

    const loyaltyClient = client(logged.guard);
    await expectMalformed(loyaltyClient.getMember(CARD), logged, 'GET /v1/members/{}');
    await expectMalformed(loyaltyClient.findMembers({ email: 'marie@example.fr' }), logged, 'GET /v1/members');
    await expectMalformed(loyaltyClient.batchGetMembers([CARD]), logged, 'POST /v1/members:batchGet');
    await expectMalformed(loyaltyClient.listTransactions(CARD, 5), logged, 'GET /v1/members/{}/transactions');
    await expectMalformed(loyaltyClient.listOffers('GOLD'), logged, 'GET /v1/offers');
    const txn = { type: 'EARN' as const, points: 1, channel: 'WEB' as const, external_ref: null };
    await expectMalformed(loyaltyClient.createTransaction(CARD, txn), logged, 'POST /v1/members/{}/transactions');
    expect(JSON.stringify(logged.lines)).not.toContain(CARD);
  });

  it('is loyalty being unavailable when the token answer has no token', async () => {
    const logged = loggedGuard();
    nock(BASE).post('/oauth/token').reply(200, { token: 'tok-1', expires_in: 300 });
    await expectMalformed(client(logged.guard).getMember(CARD), logged, 'POST /oauth/token');
  });

  it('tolerates fields the reference does not name, and an offer without the tier it was asked for', async () => {
    tokenEndpoint('tok-1');
    withToken('tok-1')
      .get(`/v1/members/${CARD}`)
      .reply(200, { ...member, nickname: 'Marie' });
    const offer = { offer_id: 'O-12', name: '-10%', discount_type: 'PERCENT', value: '10', skus: null, category: 'kitchen' };
    const dates = { channels: ['ONLINE'], valid_from: '2026-11-01T00:00:00Z', valid_to: '2026-12-01T00:00:00Z', priority: 3 };
    withToken('tok-1')
      .get('/v1/offers')
      .query(true)
      .reply(200, { offers: [{ ...offer, ...dates }] });
    const loyaltyClient = loyalty();
    expect(await loyaltyClient.getMember(CARD)).toEqual(member);
    expect((await loyaltyClient.listOffers('SILVER'))[0]).toMatchObject({ offer_id: 'O-12' });
  });
});
