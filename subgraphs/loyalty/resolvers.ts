import { loyaltyTransactionFromLoyalty } from '../../adapters/loyalty/mapping';
import { externalIds } from '../kit/customerRef';
import { pageSize } from '../kit/relay';
import { orNullOncePerField, unwrap } from '../kit/server';
import { reversesPointsOf } from '../../domain/orders/points';
import type { LoyaltyAccount } from '../../domain/types';
import type { Resolvers } from './generated';

export const resolvers: Resolvers = {
  Customer: {
    // A person with several cards (rare: a card re-issued) shows the first one linked.
    loyalty: async (customer, _, ctx) => {
      const [card] = externalIds(customer, 'LOYALTY');
      return card ? ctx.accountByCard.load(card) : null;
    },
    // the cards' look-ups join one members:batchGet: they fail together, so the field is null with one error
    loyaltyCards: async (customer, _, ctx) => {
      const accounts = unwrap(await ctx.accountByCard.loadMany(externalIds(customer, 'LOYALTY')));
      return accounts.filter((a): a is LoyaltyAccount => a !== null);
    },
  },
  Order: {
    loyaltyPointsEarned: async (order, _, ctx, info) => {
      const [card] = order.customer ? externalIds(order.customer, 'LOYALTY') : [];
      if (!card) return null;
      const ledger = await orNullOncePerField(ctx, info, ctx.ledgerByCard.load(card));
      if (!ledger) return null;
      // what it earned and kept: a cancel or a return took its points back
      return ledger
        .filter(
          (t) => (t.type === 'EARN' && t.externalRef === order.id) || (t.type === 'ADJUST' && reversesPointsOf(order.id, t.externalRef)),
        )
        .reduce((sum, t) => sum + t.points, 0);
    },
  },
  LoyaltyAccount: {
    transactions: async (account, { first }, ctx) =>
      (await ctx.loyalty.listTransactions(account.cardNumber, pageSize(first, 10))).map(loyaltyTransactionFromLoyalty),
  },
};
