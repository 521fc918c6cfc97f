import {
  goodwillInDoubt,
  grantGoodwill,
  goodwillUnderWay,
  settleGoodwillInDoubt,
  type GoodwillDeps,
} from '../../../../domain/pricing/promotions/goodwill';
import { VoucherStore } from '../../../../domain/pricing/promotions/voucher-store';
import type { GraphQLError } from 'graphql';
import { DatabaseUnavailableError, LegacyRejectedError, LegacyUnavailableError, NothingDoneError } from '../../../../platform/errors';
import { freshDb } from '../../../databases';
import { capturedLogger } from '../../../captured-logs';

const AT = '2026-12-02T10:00:00.000Z';
const KEY = 'web-3f9a1c0d5e7b';

/** The real voucher store; a CRM double whose grants answer, in turn, what `answers` says (then a voucher each). */
async function world(contacts: string[] = ['C-000123'], answers: (Error | null)[] = []) {
  const asked: string[] = [];
  let granted = 0;
  const store = await VoucherStore.open(await freshDb());
  const { logger, lines } = capturedLogger();
  const deps: GoodwillDeps = {
    customer: async (id) => (asked.push(`customer ${id}`), { id, crmContactIds: contacts }),
    crm: {
      grantGoodwill: async (grant) => {
        asked.push(`grant ${grant.contact_id} ${grant.amount_cents} ${grant.reason}`);
        const answer = answers.shift();
        if (answer) throw answer;
        granted += 1;
        return { voucher_code: `GW-${granted}`, amount_cents: grant.amount_cents, expires_at: 1_800_000_000 };
      },
    },
    vouchers: store,
    crmTimeoutMs: 3000,
    logger,
    goodwillUnderWay: goodwillUnderWay(),
  };
  const grants = () => asked.filter((a) => a.startsWith('grant')).length;
  return { deps, asked, store, grants, lines };
}

const gesture = (idempotencyKey?: string, amountCents = 1500) => ({
  customerId: 'cus_1',
  amountCents,
  reason: ' Colis abîmé ',
  idempotencyKey,
});

it("grants the voucher to the customer's contact, and records it as theirs", async () => {
  const { deps, asked, store } = await world();
  const voucher = await grantGoodwill(deps, gesture(), AT);
  expect(asked).toEqual(['customer cus_1', 'grant C-000123 1500 Colis abîmé']);
  expect(voucher).toEqual({
    code: 'GW-1',
    customerId: 'cus_1',
    contactId: 'C-000123',
    amountCents: 1500,
    reason: 'Colis abîmé',
    grantedAt: AT,
    expiresAt: '2027-01-15T08:00:00.000Z',
    usedByOrder: null,
  });
  expect(await store.ofContacts(['C-000123'])).toEqual([voucher]);
});

it('refuses bad input before anything is asked, and a customer without a contact before the CRM is', async () => {
  const bad = await world();
  await expect(grantGoodwill(bad.deps, { ...gesture(), amountCents: 0 }, AT)).rejects.toThrow(/amount/);
  await expect(grantGoodwill(bad.deps, gesture(' short '), AT)).rejects.toThrow(/idempotencyKey must have 8 to 200/);
  expect(bad.asked).toEqual([]);
  const noContact = await world([]);
  await expect(grantGoodwill(noContact.deps, gesture(KEY), AT)).rejects.toThrow(/no call center contact/);
  expect(noContact.asked).toEqual(['customer cus_1']);
  expect(await noContact.store.ofContacts(['C-000123'])).toEqual([]);
});

describe('under an idempotency key', () => {
  it('grants once: the same key again answers the first voucher, as it is now', async () => {
    const { deps, store, grants } = await world();
    const first = await grantGoodwill(deps, gesture(KEY), AT);
    await store.claim([first.code], 'OG-1');
    expect(await grantGoodwill(deps, gesture(` ${KEY} `), '2026-12-02T10:05:00.000Z')).toEqual({ ...first, usedByOrder: 'OG-1' });
    expect(grants()).toBe(1);
    // without a key, or with another, a voucher each time
    await grantGoodwill(deps, gesture(), AT);
    await grantGoodwill(deps, gesture(`${KEY}-2`), AT);
    expect(grants()).toBe(3);
  });

  it('refuses the key for another gesture (another amount), granting nothing', async () => {
    const { deps, grants } = await world();
    await grantGoodwill(deps, gesture(KEY), AT);
    await expect(grantGoodwill(deps, gesture(KEY, 2000), AT)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: 'This idempotency key was already used for another goodwill gesture',
    });
    expect(grants()).toBe(1);
  });

  it('grants nothing more after a lost answer (a timeout): the request and its retry are told the CRM may have granted it', async () => {
    const lost = await world(undefined, [new LegacyUnavailableError('crm', 'timeout of 3000 ms')]);
    const told = (request: Promise<unknown>) => request.catch((e: GraphQLError) => ({ message: e.message, extensions: e.extensions }));
    const first = await told(grantGoodwill(lost.deps, gesture(KEY), AT));
    expect(first).toEqual({
      message: expect.stringMatching(/^The CRM's answer .* was lost: it may have granted/),
      extensions: { code: 'CONFLICT' },
    });
    expect(await told(grantGoodwill(lost.deps, gesture(KEY), AT))).toEqual(first);
    expect(lost.grants()).toBe(1);
  });

  it('tells a retry of a request whose process died during its CRM call to ask later, until that call and its record are over', async () => {
    const { deps, store, grants } = await world();
    await store.askGoodwill(KEY, { customerId: 'cus_1', amountCents: 1500, reason: 'Colis abîmé' }, AT); // then the process died
    const within = '2026-12-02T10:00:32.999Z'; // the CRM's deadline (3 s) and the 30 s its request has to record the voucher
    await expect(grantGoodwill(deps, gesture(KEY), within)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', retryable: true } });
    await expect(grantGoodwill(deps, gesture(KEY), '2026-12-02T10:00:33.000Z')).rejects.toMatchObject({
      message: expect.stringMatching(/may have granted/),
    });
    expect(grants()).toBe(0);
  });

  it("shares the first request's voucher with the same key sent again while it runs, and tells another replica to ask later", async () => {
    const { deps, grants } = await world();
    // the first request's grant waits at the CRM until the test lets it answer
    let reached!: () => void;
    let answer!: () => void;
    const atCrm = new Promise<void>((ok) => (reached = ok));
    const slow: GoodwillDeps['crm'] = {
      grantGoodwill: (grant) => {
        reached();
        return new Promise<void>((ok) => (answer = ok)).then(() => deps.crm.grantGoodwill(grant));
      },
    };
    const here = { ...deps, crm: slow };
    const first = grantGoodwill(here, gesture(KEY), AT);
    await atCrm;
    const again = grantGoodwill(here, gesture(KEY), AT); // this process: shares the first's
    // another gesture under the key while the first runs: told to retry, the first may yet fail before writing it down
    await expect(grantGoodwill(here, gesture(KEY, 2000), AT)).rejects.toMatchObject({
      message: expect.stringMatching(/^Another request with this idempotency key is being granted/),
      extensions: { code: 'CONFLICT', retryable: true },
    });
    const replica = { ...deps, goodwillUnderWay: goodwillUnderWay() }; // another process on the database
    await expect(grantGoodwill(replica, gesture(KEY), AT)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', retryable: true } });
    answer();
    const voucher = await first;
    expect(await again).toEqual(voucher);
    expect(await grantGoodwill(replica, gesture(KEY), AT)).toEqual(voucher);
    expect(grants()).toBe(1);
  });

  it('lists for an operator the requests the CRM may have granted: answer lost, or older than a request can run; not one running nor one granted', async () => {
    const { deps, store } = await world(undefined, [new LegacyUnavailableError('crm', 'timeout of 3000 ms')]);
    await expect(grantGoodwill(deps, gesture('key-answer-lost'), AT)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await grantGoodwill(deps, gesture('key-granted'), AT);
    const asked = { customerId: 'cus_1', amountCents: 1500, reason: 'Colis abîmé' };
    await store.askGoodwill('key-process-died', asked, '2026-12-02T09:00:00.000Z');
    await store.askGoodwill('key-running', asked, AT);
    const listed = await goodwillInDoubt(store, '2026-12-02T10:00:01.000Z', 3000);
    expect(listed.map((r) => [r.key, r.answerLost, r.gesture])).toEqual([
      ['key-process-died', false, asked],
      ['key-answer-lost', true, asked],
    ]);
  });

  it('logs a voucher the CRM granted that could not be recorded: nothing else keeps its code', async () => {
    const { deps, lines, store } = await world();
    jest.spyOn(store, 'grantedGoodwill').mockRejectedValue(new DatabaseUnavailableError('gone'));
    await expect(grantGoodwill(deps, gesture(KEY), AT)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'goodwill voucher granted in the CRM but not recorded',
        idempotencyKey: KEY,
        voucher: expect.objectContaining({ code: 'GW-1' }),
      }),
    );
  });

  it.each([
    ['refused by the CRM', new LegacyRejectedError('crm', '-32004', 'contact not found')],
    ['never sent (no connection)', new NothingDoneError('crm', 'connect ECONNREFUSED')],
  ])('gives the key back when the grant was %s: the retry grants', async (_, refusal) => {
    const { deps, grants } = await world(undefined, [refusal]);
    await expect(grantGoodwill(deps, gesture(KEY), AT)).rejects.toBe(refusal);
    expect((await grantGoodwill(deps, gesture(KEY), AT)).code).toBe('GW-1');
    expect(grants()).toBe(2);
  });
});

describe('settled by an operator who checked the CRM', () => {
  const LATER = '2026-12-02T10:30:00.000Z';
  const FOUND = { code: ' gw-4711 ', expiresAt: '2027-01-15T08:00:00.000Z' };

  /** A request under KEY whose CRM answer was lost: the CRM may have granted it. */
  async function inDoubt() {
    const w = await world(undefined, [new LegacyUnavailableError('crm', 'timeout of 3000 ms')]);
    await expect(grantGoodwill(w.deps, gesture(KEY), AT)).rejects.toMatchObject({ message: expect.stringMatching(/may have granted/) });
    return w;
  }

  it("records the voucher found: the key answers it from then on, and it is the customer's to use", async () => {
    const { deps, store, grants } = await inDoubt();
    const voucher = await settleGoodwillInDoubt({ ...deps, vouchers: store }, ` ${KEY} `, FOUND, LATER);
    // what the key asked for, as the CRM granted it when it was asked
    const expected = {
      code: 'GW-4711',
      customerId: 'cus_1',
      contactId: 'C-000123',
      amountCents: 1500,
      reason: 'Colis abîmé',
      grantedAt: AT,
      expiresAt: FOUND.expiresAt,
      usedByOrder: null,
    };
    expect(voucher).toEqual(expected);
    expect(await grantGoodwill(deps, gesture(KEY), LATER)).toEqual(expected);
    expect(await store.unusedForContacts(['C-000123'])).toEqual([expected]);
    expect(await goodwillInDoubt(store, LATER, 3000)).toEqual([]);
    expect(grants()).toBe(1);
  });

  it('gives the key back when the CRM granted nothing: the request sent again grants', async () => {
    const { deps, store, grants } = await inDoubt();
    expect(await settleGoodwillInDoubt({ ...deps, vouchers: store }, KEY, null, LATER)).toBeNull();
    expect(await goodwillInDoubt(store, LATER, 3000)).toEqual([]);
    expect((await grantGoodwill(deps, gesture(KEY), LATER)).code).toBe('GW-1');
    expect(grants()).toBe(2);
  });

  it('refuses what is not in doubt: an unknown key, a request that may still be running, one that holds its voucher', async () => {
    const { deps, store } = await world();
    await expect(settleGoodwillInDoubt({ ...deps, vouchers: store }, KEY, null, LATER)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await store.askGoodwill(KEY, { customerId: 'cus_1', amountCents: 1500, reason: 'Colis abîmé' }, AT);
    await expect(settleGoodwillInDoubt({ ...deps, vouchers: store }, KEY, FOUND, '2026-12-02T10:00:05.000Z')).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', retryable: true },
    });
    await grantGoodwill(deps, gesture('key-granted'), AT);
    for (const found of [FOUND, null]) {
      await expect(settleGoodwillInDoubt({ ...deps, vouchers: store }, 'key-granted', found, LATER)).rejects.toMatchObject({
        message: expect.stringMatching(/holds its voucher/),
        extensions: { code: 'CONFLICT' },
      });
    }
    await expect(settleGoodwillInDoubt({ ...deps, vouchers: store }, KEY, { ...FOUND, code: ' ' }, LATER)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses a code the project holds already (another voucher), leaving the key in doubt', async () => {
    const { deps, store } = await inDoubt();
    const other = await grantGoodwill(deps, gesture(), AT);
    await expect(settleGoodwillInDoubt({ ...deps, vouchers: store }, KEY, { ...FOUND, code: other.code }, LATER)).rejects.toMatchObject({
      message: `Voucher ${other.code} is recorded already`,
      extensions: { code: 'CONFLICT' },
    });
    expect((await goodwillInDoubt(store, LATER, 3000)).map((r) => r.key)).toEqual([KEY]);
  });

  it('leaves alone a request made under the key since another operator gave it back: the settlement was of the one before', async () => {
    const { deps, store } = await inDoubt();
    const checked = await store.goodwillRequest(KEY); // read by a second operator, who settles it late
    expect(await settleGoodwillInDoubt({ ...deps, vouchers: store }, KEY, null, LATER)).toBeNull();
    await store.askGoodwill(KEY, { customerId: 'cus_1', amountCents: 1500, reason: 'Colis abîmé' }, LATER); // the agent asks again
    const late = { ...deps, vouchers: Object.assign(Object.create(store) as VoucherStore, { goodwillRequest: async () => checked }) };
    for (const found of [null, FOUND]) {
      await expect(settleGoodwillInDoubt(late, KEY, found, '2026-12-02T10:31:00.000Z')).rejects.toMatchObject({
        extensions: { code: 'CONFLICT' },
      });
    }
    expect(await store.goodwillRequest(KEY)).toMatchObject({ askedAt: LATER, voucher: null });
    expect(await store.unusedForContacts(['C-000123'])).toEqual([]);
  });

  it('keeps a grant whose process stalled past its deadline off the request asked under the key after an operator gave it back', async () => {
    const { deps, store, lines } = await world();
    let reached!: () => void;
    let answer!: () => void;
    const atCrm = new Promise<void>((ok) => (reached = ok));
    const stalled = {
      ...deps,
      crm: {
        grantGoodwill: (grant: Parameters<GoodwillDeps['crm']['grantGoodwill']>[0]) => {
          reached();
          return new Promise<void>((ok) => (answer = ok)).then(() => deps.crm.grantGoodwill(grant));
        },
      },
    };
    const first = grantGoodwill(stalled, gesture(KEY), AT);
    await atCrm;
    // half an hour on, the operator takes it for a process that died, finds nothing in the CRM, and gives the key back
    expect(await settleGoodwillInDoubt({ ...deps, vouchers: store }, KEY, null, LATER)).toBeNull();
    await store.askGoodwill(KEY, { customerId: 'cus_1', amountCents: 1500, reason: 'Colis abîmé' }, LATER); // the agent asks again
    answer();
    await expect(first).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'goodwill voucher granted in the CRM but not recorded' }));
    expect(await store.goodwillRequest(KEY)).toMatchObject({ askedAt: LATER, voucher: null });
  });

  it("records the voucher for the contact the CRM shows it under, when that is one of the customer's", async () => {
    const { deps, store } = await inDoubt();
    const two = { ...deps, vouchers: store, customer: async (id: string) => ({ id, crmContactIds: ['C-000123', 'C-000456'] }) };
    await expect(settleGoodwillInDoubt(two, KEY, { ...FOUND, contactId: 'C-999999' }, LATER)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await settleGoodwillInDoubt(two, KEY, { ...FOUND, contactId: 'C-000456' }, LATER)).toMatchObject({ contactId: 'C-000456' });
  });

  it('settles once when two operators settle at the same time', async () => {
    const { deps, store } = await inDoubt();
    const outcomes = await Promise.allSettled([
      settleGoodwillInDoubt({ ...deps, vouchers: store }, KEY, FOUND, LATER),
      settleGoodwillInDoubt({ ...deps, vouchers: store }, KEY, { ...FOUND, code: 'GW-4712' }, LATER),
      settleGoodwillInDoubt({ ...deps, vouchers: store }, KEY, null, LATER),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect((await store.unusedForContacts(['C-000123'])).length).toBeLessThanOrEqual(1);
  });
});
