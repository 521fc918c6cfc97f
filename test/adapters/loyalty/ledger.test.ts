// The loyalty platform pages a ledger with `limit` alone: a card's whole ledger is read by asking
// for more until the answer is shorter than what was asked, never cut at the first 1,000.
import type { LoyaltyClient, LoyaltyTxnRecord } from '../../../adapters/loyalty/client';
import { wholeLedger } from '../../../adapters/loyalty/ledger';

const ledgerOf = (n: number): LoyaltyTxnRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `T-${i}`,
    type: 'EARN',
    points: 1,
    channel: 'WEB',
    external_ref: `W-${i}`,
    at: '2026-01-01T00:00:00Z',
  }));

function platform(entries: number) {
  const limits: number[] = [];
  const ledger = ledgerOf(entries);
  const loyalty = {
    listTransactions: async (_card: string, limit: number) => (limits.push(limit), ledger.slice(0, limit)),
  } as unknown as LoyaltyClient;
  return { loyalty, limits };
}

it.each([0, 999, 1000, 1001, 2500])('reads a ledger of %i entries whole', async (entries) => {
  const { loyalty, limits } = platform(entries);
  expect(await wholeLedger(loyalty, '4000123456781234')).toHaveLength(entries);
  // one call for a ledger shorter than the first page
  if (entries < 1000) expect(limits).toEqual([1000]);
});
