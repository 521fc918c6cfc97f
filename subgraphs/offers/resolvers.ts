import { assertCustomerAccess, assertStoreAccess, internalNoteFor, requireRole } from '../../platform/auth/rules';
import { shelfDiscrepancies } from '../../domain/pricing/shelf-drift';
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { LegacyUnavailableError } from '../../platform/errors';
import { goodwillInDoubt, grantGoodwill, settleGoodwillInDoubt } from '../../domain/pricing/promotions/goodwill';
import { ineligibility } from '../../domain/pricing/eligibility';
import { channelConflicts, channelsFor } from '../../domain/pricing/policy';
import { checkedCustomer, checkedStoreId, priceBasket } from '../../domain/pricing/promotions/quoting';
import { knownGrantDate, voucherStatus } from '../../domain/pricing/promotions/vouchers';
import { externalIdsIn } from '../../domain/identity/records';
import { eachKey } from '../kit/loaders/settle';
import { failUnlessSomeAnswered } from '../kit/server';
import { money } from '../kit/money';
import { decodeOffset, offsetConnection, pageSize } from '../kit/relay';
import type { OffersContext } from './context';
import type { Resolvers } from './generated';

/** Each store's shelf against the list prices; a store whose prices cannot be read is left out and reported on `info`'s field. */
async function discrepancies(ctx: OffersContext, storeIds: string[], info: GraphQLResolveInfo) {
  const [catalog, shelves] = await Promise.all([
    ctx.catalog.get(),
    eachKey(storeIds, async (storeId) => (await ctx.pos.getPrices(storeId)).map((p) => ({ storeId, ean: p.ean, cents: p.cents }))),
  ]);
  failUnlessSomeAnswered(
    ctx,
    info,
    shelves.filter((shelf) => shelf instanceof Error),
    storeIds.length,
  );
  return shelfDiscrepancies(
    shelves.flatMap((shelf) => (shelf instanceof Error ? [] : shelf)),
    (ean) => catalog.byEan.get(ean),
  );
}

/** A price made without a silo's part stands; the outage is told once per field, not once per line priced. */
function reportOncePerField(ctx: OffersContext, info: GraphQLResolveInfo, unavailable: LegacyUnavailableError | null): void {
  if (unavailable) ctx.partial.add(unavailable, responsePathAsArray(info.path), { oncePerField: true });
}

/** The customer a goodwill is for, NOT_FOUND when unknown. */
const customerOf = (ctx: OffersContext) => async (id: string) => (await checkedCustomer(ctx.pricing, id))!;

export const resolvers: Resolvers = {
  Query: {
    unusedVouchersOfContacts: (_, { contactIds }, ctx) => {
      requireRole(ctx);
      return ctx.vouchers.unusedForContacts(contactIds);
    },
    unusedVouchersByCodes: (_, { codes }, ctx) => {
      requireRole(ctx);
      return ctx.vouchers.unusedByCodes(codes);
    },
    goodwillInDoubt: async (_, { first }, ctx) => {
      requireRole(ctx);
      return (await goodwillInDoubt(ctx.vouchers, new Date().toISOString(), ctx.crmTimeoutMs)).slice(0, pageSize(first, 100));
    },
    quote: async (_, { input }, ctx, info) => {
      await assertCustomerAccess(ctx, input.customerId);
      const { quote, context, unavailable } = await priceBasket(ctx.pricing, input);
      reportOncePerField(ctx, info, unavailable);
      return { quote, channel: context.channel, storeId: context.storeId };
    },
    priceDiscrepancies: async (_, { storeId, first, after }, ctx, info) => {
      assertStoreAccess(ctx, storeId);
      const size = pageSize(first, 50);
      const start = decodeOffset(after);
      const one = await checkedStoreId(ctx.pricing, storeId);
      const all = await discrepancies(ctx, one ? [one] : (await ctx.stores.get()).stores.map((s) => s.id), info);
      return { ...offsetConnection(all.slice(start, start + size), start, start + size < all.length), totalCount: all.length };
    },
    promotionChannelConflicts: async (_, __, ctx) => {
      requireRole(ctx, 'agent');
      return channelConflicts(await ctx.book.loyaltyOffers(), ctx.policy);
    },
  },
  Mutation: {
    claimVouchers: async (_, { codes, orderRef }, ctx) => {
      requireRole(ctx);
      await ctx.vouchers.claim(codes, orderRef);
      return true;
    },
    releaseVouchers: async (_, { codes, orderRef }, ctx) => {
      requireRole(ctx);
      await ctx.vouchers.release(codes, orderRef);
      return true;
    },
    syncShelfPrices: async (_, { storeId, dryRun }, ctx, info) => {
      assertStoreAccess(ctx, storeId);
      const store = await checkedStoreId(ctx.pricing, storeId);
      const found = await discrepancies(ctx, [store!], info);
      if (dryRun === false && found.length > 0) {
        await ctx.pos.setPrices(
          store!,
          found.map((d) => ({ ean: d.ean, cents: d.listPriceCents })),
        );
      }
      return found;
    },
    grantGoodwill: async (_, { customerId, amount, reason, idempotencyKey }, ctx) => {
      requireRole(ctx, 'agent');
      const request = { customerId, amountCents: amount, reason, idempotencyKey };
      const voucher = await grantGoodwill({ ...ctx, customer: customerOf(ctx) }, request, new Date().toISOString());
      return { ...voucher, holderId: voucher.customerId };
    },
    settleGoodwillInDoubt: async (_, { idempotencyKey, voucher }, ctx) => {
      requireRole(ctx);
      const found = voucher ? { ...voucher, expiresAt: new Date(voucher.expiresAt).toISOString() } : null;
      const settled = await settleGoodwillInDoubt({ ...ctx, customer: customerOf(ctx) }, idempotencyKey, found, new Date().toISOString());
      return settled && { ...settled, holderId: settled.customerId };
    },
    refreshPricing: async (_, __, ctx) => {
      requireRole(ctx); // an operation on the service itself
      await ctx.refreshPricing();
      return true;
    },
  },
  Product: {
    __resolveReference: (ref) => ({ sku: ref.sku }),
    offer: async ({ sku }, { channel, storeId, customerId }, ctx, info) => {
      await assertCustomerAccess(ctx, customerId);
      const { quote, context, unavailable } = await ctx.offers.load({ channel, storeId, customerId, sku });
      reportOncePerField(ctx, info, unavailable);
      return { sku, quote, channel, storeId: context.storeId };
    },
  },
  Customer: {
    offers: async ({ id }, { channel, storeId }, ctx, info) => {
      const [customer, store] = await Promise.all([checkedCustomer(ctx.pricing, id), checkedStoreId(ctx.pricing, storeId)]);
      const { promotions, unavailable } = await ctx.book.promotionsFor({ storeId: store, customer });
      reportOncePerField(ctx, info, unavailable);
      const base = {
        channel,
        storeId: store,
        customer: customer && { id: customer.id, tier: customer.tier },
        at: new Date().toISOString(),
      };
      // Entitled: everything that would apply if its code (when it needs one) were given.
      return promotions.filter((p) => ineligibility(p, { ...base, promoCodes: p.code ? [p.code] : [] }, ctx.policy) === null);
    },
    vouchers: async ({ id }, _, ctx) => {
      await assertCustomerAccess(ctx, id);
      const holder = (await ctx.identity.identitiesOf([id])).get(id);
      if (!holder) return [];
      return (await ctx.vouchers.ofContacts(externalIdsIn(holder.records, 'crm'))).map((v) => ({ ...v, holderId: holder.id }));
    },
  },
  Offer: {
    product: (o) => ({ sku: o.sku }),
    store: (o) => (o.storeId ? { id: o.storeId } : null),
    listPrice: (o) => money(o.quote.subtotalCents),
    price: (o) => money(o.quote.totalCents),
    appliedPromotions: (o) => o.quote.appliedPromotions,
    validUntil: (o) => o.quote.appliedPromotions.map((a) => a.promotion.validTo).sort()[0] ?? null,
  },
  Quote: {
    store: (q) => (q.storeId ? { id: q.storeId } : null),
    lines: (q) => q.quote.lines,
    appliedPromotions: (q) => q.quote.appliedPromotions,
    rejectedPromoCodes: (q) => q.quote.rejectedPromoCodes,
    subtotal: (q) => money(q.quote.subtotalCents),
    discount: (q) => money(q.quote.discountCents),
    total: (q) => money(q.quote.totalCents),
    loyaltyPointsEarned: (q) => q.quote.loyaltyPointsEarned,
  },
  QuoteLine: {
    product: (l) => ({ sku: l.sku }),
    listPrice: (l) => money(l.listPriceCents),
    unitPrice: (l) => money(l.listPriceCents),
    lineTotal: (l) => money(l.lineTotalCents),
    discount: (l) => money(l.discountCents),
  },
  AppliedPromotion: {
    amount: (a) => money(a.amountCents),
  },
  Promotion: {
    channels: (p, _, ctx) => channelsFor(p, ctx.policy),
    stores: (p) => p.storeIds?.map((id) => ({ id })) ?? null,
    minBasket: (p) => (p.minBasketCents === null ? null : money(p.minBasketCents)),
  },
  PriceDiscrepancy: {
    product: (d) => ({ sku: d.sku }),
    system: () => 'POS',
    store: (d) => ({ id: d.storeId }),
    systemPrice: (d) => money(d.systemPriceCents),
    listPrice: (d) => money(d.listPriceCents),
  },
  GoodwillInDoubt: {
    idempotencyKey: (r) => r.key,
    customer: (r) => ({ id: r.gesture.customerId }),
    amount: (r) => money(r.gesture.amountCents),
    reason: (r) => r.gesture.reason,
  },
  Voucher: {
    amount: (v) => money(v.amountCents),
    customer: (v) => ({ id: v.holderId }),
    status: (v) => voucherStatus(v, new Date().toISOString()),
    grantedAt: knownGrantDate,
    reason: (v, _, ctx) => internalNoteFor(ctx, v.reason),
  },
};
