import DataLoader from 'dataloader';
import type { LoyaltyClient } from '../../clients/loyalty';
import type { LoyaltyAccount, LoyaltyTransaction } from '../../domain/types';
import { loyaltyAccountFromMember } from '../../mapping/loyalty';
import { ledgerByCard } from '../../loaders/loyalty';
import type { BaseContext } from '../server';

export interface LoyaltyDeps {
  loyalty: LoyaltyClient;
}

export interface LoyaltyContext extends BaseContext, LoyaltyDeps {
  accountByCard: DataLoader<string, LoyaltyAccount | null>;
  ledgerByCard: DataLoader<string, LoyaltyTransaction[]>;
}

export function loyaltyContext(deps: LoyaltyDeps): Omit<LoyaltyContext, keyof BaseContext> {
  return {
    ...deps,
    // `members:batchGet` takes up to 100 cards: one call for a page of customers.
    accountByCard: new DataLoader(async (cards) => {
      const members = new Map((await deps.loyalty.batchGetMembers([...cards])).map((m) => [m.card_number, loyaltyAccountFromMember(m)]));
      return cards.map((card) => members.get(card) ?? null);
    }, { maxBatchSize: 100 }),
    ledgerByCard: ledgerByCard(deps.loyalty),
  };
}
