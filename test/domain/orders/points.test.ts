import type { LoyaltyClient } from '../../../adapters/loyalty/client';
import type { CommerceDeps } from '../../../domain/orders/deps';
import { pointsOf, pointsToTakeBack, reversePoints } from '../../../domain/orders/points';
import { LegacyRejectedError, NothingDoneError } from '../../../platform/errors';

/** A member's ledger as the platform keeps it: refused below zero, refused twice under one reference, `limit` entries newest first. */
function platform(balance: number, earnedBy: string[] = ['W-1', 'ST001-1', 'ST001-2'], newer = 0) {
  const refs = new Set<string>();
  const member = { points_balance: balance };
  const loyalty = {
    getMember: async () => member,
    listTransactions: async (_card: string, limit: number) =>
      [
        ...Array.from({ length: newer }, (_, i) => ({ type: 'BURN', points: -1, external_ref: `burn-${i}` })),
        ...earnedBy.map((ref) => ({ type: 'EARN', points: 1, external_ref: ref })),
      ].slice(0, limit),
    createTransaction: async (_card: string, txn: { points: number; external_ref: string }) => {
      if (refs.has(txn.external_ref)) throw new LegacyRejectedError('loyalty', 'duplicate_external_ref', 'used before');
      if (member.points_balance + txn.points < 0) throw new LegacyRejectedError('loyalty', 'insufficient_points', 'balance too low');
      refs.add(txn.external_ref);
      member.points_balance += txn.points;
      return txn;
    },
  };
  return { member, loyalty: loyalty as unknown as LoyaltyClient };
}

/** The platform, and the sagas: `placing` names the orders whose placing saga is still finishing. */
const withSagas = (loyalty: LoyaltyClient, placing: string[] = []) =>
  ({
    loyalty,
    sagas: { unfinished: async () => placing.map((orderId) => ({ kind: 'placeOrder', state: { orderId } })) },
  }) as unknown as CommerceDeps;

describe('reversePoints', () => {
  it('takes the points back once, however often it runs', async () => {
    const { member, loyalty } = platform(100);
    await reversePoints(withSagas(loyalty), '4000123456781234', 30, 'WEB', 'W-1', 'W-1:return:k');
    await reversePoints(withSagas(loyalty), '4000123456781234', 30, 'WEB', 'W-1', 'W-1:return:k');
    expect(member.points_balance).toBe(70);
  });

  it('takes back what is left when the customer spent some of them: the balance never goes below zero, and it is done', async () => {
    const { member, loyalty } = platform(12);
    await reversePoints(withSagas(loyalty), '4000123456781234', 30, 'STORE', 'ST001-1', 'ST001-1:return:k');
    expect(member.points_balance).toBe(0);
    const { member: broke, loyalty: none } = platform(0);
    await reversePoints(withSagas(none), '4000123456781234', 30, 'STORE', 'ST001-2', 'ST001-2:return:k');
    expect(broke.points_balance).toBe(0);
  });

  it('waits while the saga placing the order still earns its points: retried after them, as a system not ready, not a refusal', async () => {
    const { member, loyalty } = platform(12, []);
    await expect(reversePoints(withSagas(loyalty, ['W-9']), '4000123456781234', 30, 'WEB', 'W-9', 'W-9:cancel')).rejects.toBeInstanceOf(
      NothingDoneError,
    );
    expect(member.points_balance).toBe(12);
  });

  it("takes nothing before the order's own points landed, even from a balance other orders filled: each takes back its own", async () => {
    const { member, loyalty } = platform(500, ['W-1']);
    await expect(reversePoints(withSagas(loyalty, ['W-9']), '4000123456781234', 30, 'WEB', 'W-9', 'W-9:cancel')).rejects.toMatchObject({
      detail: expect.stringMatching(/not in the ledger yet/),
    });
    expect(member.points_balance).toBe(500);
  });

  it('refuses when no saga will earn them (it parked, or an operator settled it): a refusal, parked in the end for an operator', async () => {
    const { member, loyalty } = platform(500, ['W-1']);
    await expect(reversePoints(withSagas(loyalty), '4000123456781234', 30, 'WEB', 'W-9', 'W-9:cancel')).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(member.points_balance).toBe(500);
  });
});

describe("a ledger longer than the platform's first page", () => {
  it('still finds what an order earned, behind 1,500 newer entries', async () => {
    const { loyalty } = platform(100, ['W-1'], 1500);
    const deps = { loyalty, sagas: { unfinished: () => [] } } as unknown as CommerceDeps;
    expect(await pointsOf(deps, '4000123456781234', 'W-1')).toEqual({ earned: 1, held: 1 });
  });

  it('takes back what is left once the order earned, however long ago', async () => {
    const { member, loyalty } = platform(5, ['W-1'], 1500);
    await reversePoints(withSagas(loyalty), '4000123456781234', 30, 'WEB', 'W-1', 'W-1:cancel');
    expect(member.points_balance).toBe(0);
  });
});

describe('pointsToTakeBack', () => {
  const order = { earned: 101, held: 101, paidCents: 10101, refundedCents: 0, reversed: 0 };

  it('takes back, with the returns before, the points of all they refunded, rounded down', () => {
    expect(pointsToTakeBack(order, 3367)).toBe(33);
    expect(pointsToTakeBack({ ...order, held: 68, refundedCents: 3367, reversed: 33 }, 3367)).toBe(34);
  });

  it('takes back every point left once the order is refunded in full', () => {
    expect(pointsToTakeBack({ ...order, held: 34, refundedCents: 6734, reversed: 67 }, 3367)).toBe(34);
  });

  it('never more than the order still holds, nor less than nothing', () => {
    expect(pointsToTakeBack({ ...order, held: 10 }, 10101)).toBe(10);
    expect(pointsToTakeBack({ ...order, reversed: 50 }, 3367)).toBe(0);
  });
});
