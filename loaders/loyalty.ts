// Per-request loyalty loaders.
import DataLoader from 'dataloader';
import type { LoyaltyClient } from '../clients/loyalty';
import type { LoyaltyTransaction } from '../domain/types';
import { loyaltyTransactionFromLoyalty } from '../mapping/loyalty';

/** The platform's largest page: a card's whole ledger, as far as orders and journeys look. */
const LEDGER_DEPTH = 1000;

/** No batch call for ledgers: one per card, each card asked once per request. */
export function ledgerByCard(loyalty: LoyaltyClient): DataLoader<string, LoyaltyTransaction[]> {
  return new DataLoader((cards) =>
    Promise.all(cards.map(async (card) => (await loyalty.listTransactions(card, LEDGER_DEPTH)).map(loyaltyTransactionFromLoyalty))),
  );
}
