import DataLoader from 'dataloader';
import type { LoyaltyClient } from '../../clients/loyalty';
import type { LoyaltyAccount, LoyaltyTransaction } from '../../domain/types';
import { loyaltyAccountFromMember, loyaltyTransactionFromLoyalty } from '../../mapping/loyalty';
import type { BaseContext } from '../server';

export interface LoyaltyDeps {
  loyalty: LoyaltyClient;
}

export interface LoyaltyContext extends BaseContext, LoyaltyDeps {
  accountByCard: DataLoader<string, LoyaltyAccount | null>;
  ledgerByCard: DataLoader<string, LoyaltyTransaction[]>;
}

/** The ledger a card's orders are looked up in: the platform's largest page. */
const LEDGER_DEPTH = 1000;

export function loyaltyContext(deps: LoyaltyDeps): Omit<LoyaltyContext, 'partial'> {
  return {
    ...deps,
    // `members:batchGet` takes up to 100 cards: one call for a page of customers.
    accountByCard: new DataLoader(async (cards) => {
      const members = new Map((await deps.loyalty.batchGetMembers([...cards])).map((m) => [m.card_number, loyaltyAccountFromMember(m)]));
      return cards.map((card) => members.get(card) ?? null);
    }, { maxBatchSize: 100 }),
    // No batch call for ledgers: one per card, each card asked once per request.
    ledgerByCard: new DataLoader((cards) =>
      Promise.all(cards.map(async (card) => (await deps.loyalty.listTransactions(card, LEDGER_DEPTH)).map(loyaltyTransactionFromLoyalty))),
    ),
  };
}
