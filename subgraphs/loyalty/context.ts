import DataLoader from 'dataloader';
import type { LoyaltyClient } from '../../adapters/loyalty/client';
import type { LoyaltyAccount, LoyaltyTransaction } from '../../domain/types';
import { loyaltyAccountFromMember } from '../../adapters/loyalty/mapping';
import { ledgerByCard, membersOf, type MemberBatcher } from '../kit/loaders/loyalty';
import type { BaseContext } from '../kit/server';

export interface LoyaltyDeps {
  loyalty: LoyaltyClient;
  members: MemberBatcher;
}

export interface LoyaltyContext extends BaseContext, LoyaltyDeps {
  accountByCard: DataLoader<string, LoyaltyAccount | null>;
  ledgerByCard: DataLoader<string, LoyaltyTransaction[]>;
}

export function loyaltyContext(deps: LoyaltyDeps): Omit<LoyaltyContext, keyof BaseContext> {
  return {
    ...deps,
    accountByCard: new DataLoader(async (cards) => {
      const members = new Map((await membersOf(deps.members, cards)).map((m) => [m.card_number, loyaltyAccountFromMember(m)]));
      return cards.map((card) => members.get(card) ?? null);
    }),
    ledgerByCard: ledgerByCard(deps.loyalty),
  };
}
