// A card's whole ledger. The platform pages transactions with `limit` alone (newest first, no
// offset or cursor): a full answer may hide older entries, so the next read asks for twice as many.
import type { LoyaltyClient, LoyaltyTxnRecord } from './client';

const FIRST_PAGE = 1000;

/** Newest first, every entry. */
export async function wholeLedger(loyalty: LoyaltyClient, card: string): Promise<LoyaltyTxnRecord[]> {
  for (let limit = FIRST_PAGE; ; limit *= 2) {
    const entries = await loyalty.listTransactions(card, limit);
    if (entries.length < limit) return entries;
  }
}
