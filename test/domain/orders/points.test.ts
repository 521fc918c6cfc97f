import type { LoyaltyClient } from '../../../adapters/loyalty/client';
import { reversePoints } from '../../../domain/orders/points';
import { LegacyRejectedError } from '../../../platform/errors';

/** A member's ledger as the platform keeps it: refused below zero, refused twice under one reference. */
function platform(balance: number, earnedBy: string[] = ['W-1', 'ST001-1', 'ST001-2']) {
  const refs = new Set<string>();
  const member = { points_balance: balance };
  const loyalty = {
    getMember: async () => member,
    listTransactions: async () => earnedBy.map((ref) => ({ type: 'EARN', points: 1, external_ref: ref })),
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

describe('reversePoints', () => {
  it('takes the points back once, however often it runs', async () => {
    const { member, loyalty } = platform(100);
    await reversePoints(loyalty, '4000123456781234', 30, 'WEB', 'W-1', 'W-1:return:k');
    await reversePoints(loyalty, '4000123456781234', 30, 'WEB', 'W-1', 'W-1:return:k');
    expect(member.points_balance).toBe(70);
  });

  it('takes back what is left when the customer spent some of them: the balance never goes below zero, and it is done', async () => {
    const { member, loyalty } = platform(12);
    await reversePoints(loyalty, '4000123456781234', 30, 'STORE', 'ST001-1', 'ST001-1:return:k');
    expect(member.points_balance).toBe(0);
    const { member: broke, loyalty: none } = platform(0);
    await reversePoints(none, '4000123456781234', 30, 'STORE', 'ST001-2', 'ST001-2:return:k');
    expect(broke.points_balance).toBe(0);
  });

  it("lets the refusal stand while the order's own points have not landed yet: it is retried after them", async () => {
    const { member, loyalty } = platform(12, []);
    await expect(reversePoints(loyalty, '4000123456781234', 30, 'WEB', 'W-9', 'W-9:cancel')).rejects.toMatchObject({
      legacyCode: 'insufficient_points',
    });
    expect(member.points_balance).toBe(12);
  });
});
