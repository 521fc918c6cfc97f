// Prices a basket for a channel, a store and a customer: the one path from a request to the
// pricing engine, used by `quote`, `Product.offer` and (later) `placeOrder`, so that there is no
// second place that computes a price. Checks the request; the engine (pure) does the pricing.
import { storeIdFromInput } from '../../canonical/store';
import type { CatalogIndex } from '../../reference/catalog';
import type { Channel } from '../../types';
import { sumBy } from '../../quantities';
import { badInput, notFound, type LegacyUnavailableError } from '../../../platform/errors';
import { offersFor, quote } from '../engine';
import type { BasketLine, PricingContext, Quote, Tier } from '../model';
import type { Policy } from '../policy';
import type { StoreIndex } from '../../reference/store-directory';
import type { PromotionScope, PromotionSet } from './book';

export const MAX_LINES = 100;
export const MAX_QUANTITY = 99;
const MAX_CODES = 10;

export interface CustomerProfile {
  id: string;
  tier: Tier | null;
  crmContactIds: string[];
  /** the customer holds a card, but the loyalty platform could not say its tier */
  loyaltyUnavailable: LegacyUnavailableError | null;
}

export interface QuoteRequest {
  channel: Channel;
  storeId?: string | null;
  customerId?: string | null;
  lines: readonly { sku: string; quantity: number }[];
  promoCodes?: readonly string[] | null;
}

export interface PricingSources {
  catalog: () => Promise<CatalogIndex>;
  stores: () => Promise<StoreIndex>;
  /** the promotions in play in a sale (the book's, read for each sale: they hold its vouchers) */
  promotions: (scope: PromotionScope) => Promise<PromotionSet>;
  policy: Policy;
  /** the customer's tier and CRM contacts, null when the id is unknown */
  profile: (customerId: string) => Promise<CustomerProfile | null>;
}

export async function checkedStoreId(sources: PricingSources, storeId: string | null | undefined): Promise<string | null> {
  if (storeId == null) return null;
  if (!(await sources.stores()).byId.has(storeIdFromInput(storeId))) throw badInput(`Unknown store ${storeId}`);
  return storeId;
}

export async function checkedCustomer(sources: PricingSources, customerId: string | null | undefined): Promise<CustomerProfile | null> {
  if (customerId == null) return null;
  const profile = await sources.profile(customerId);
  if (!profile) throw notFound(`Unknown customer ${customerId}`);
  return profile;
}

function checkedLines(request: QuoteRequest, catalog: CatalogIndex): BasketLine[] {
  if (request.lines.length === 0) throw badInput('A basket needs at least one line');
  if (request.lines.length > MAX_LINES) throw badInput(`A basket has at most ${MAX_LINES} lines`);
  // a product is priced whole, however many lines it was given on: scanned twice, it is two units
  // to its promotions (a second unit at half price) and to its limit
  const perProduct = sumBy(request.lines.map((l) => [l.sku, l.quantity]));
  for (const [sku, quantity] of perProduct) if (quantity > MAX_QUANTITY) throw badInput(`At most ${MAX_QUANTITY} of ${sku} in one basket`);
  for (const { sku, quantity } of request.lines)
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
      throw badInput(`Quantity of ${sku} must be between 1 and ${MAX_QUANTITY}`);
  return [...perProduct].map(([sku, quantity]) => {
    const product = catalog.bySku.get(sku);
    if (!product) throw badInput(`Unknown product ${sku}`);
    return { sku, category: product.category, quantity, listPriceCents: product.priceCents };
  });
}

function checkedCodes(codes: readonly string[] | null | undefined): string[] {
  const given = codes ?? [];
  if (given.length > MAX_CODES) throw badInput(`At most ${MAX_CODES} promo codes`);
  for (const code of given) if (code.length > 40) throw badInput('A promo code has at most 40 characters');
  return [...given];
}

export interface PricedBasket {
  quote: Quote;
  context: PricingContext;
  /**
   * A silo that could not answer for part of the price: the quote stands without that part (with
   * loyalty down, the customer's tier offers), and the caller reports the outage beside it.
   */
  unavailable: LegacyUnavailableError | null;
}

/** The offers of one sale (channel, store, customer) for several products, one unit each, as a product page or list shows them. */
export interface OfferRequest {
  channel: Channel;
  storeId?: string | null;
  customerId?: string | null;
}

/** The sale a basket or offers are priced in, its store and customer checked. */
async function checkedSale(sources: PricingSources, request: OfferRequest) {
  const [catalog, storeId, customer] = await Promise.all([
    sources.catalog(),
    checkedStoreId(sources, request.storeId),
    checkedCustomer(sources, request.customerId),
  ]);
  if (request.channel === 'STORE' && !storeId) throw badInput('A STORE price needs the storeId of the store');
  return { catalog, storeId, customer };
}

/** The pricing context of a checked sale, and the promotions in play in it. */
async function inSale(
  sources: PricingSources,
  { storeId, customer }: { storeId: string | null; customer: CustomerProfile | null },
  channel: Channel,
  codes: readonly string[] | null | undefined,
  at: Date,
  vouchers = true,
) {
  const context: PricingContext = {
    channel,
    storeId,
    customer: customer && { id: customer.id, tier: customer.tier },
    at: at.toISOString(),
    promoCodes: checkedCodes(codes),
  };
  const { promotions, unavailable } = await sources.promotions({ storeId, customer, promoCodes: context.promoCodes, vouchers });
  return { context, promotions, unavailable };
}

/** A basket, as `quote` and `placeOrder` price it. */
export async function priceBasket(sources: PricingSources, request: QuoteRequest, at: Date = new Date()): Promise<PricedBasket> {
  const sale = await checkedSale(sources, request);
  const lines = checkedLines(request, sale.catalog);
  const { context, promotions, unavailable } = await inSale(sources, sale, request.channel, request.promoCodes, at);
  return { quote: quote(lines, promotions, context, sources.policy), context, unavailable };
}

/**
 * One unit of each product, as a product page shows it (no code, no voucher: those are the
 * basket's), the sale checked and its promotions judged once for all of them. An unknown product
 * is that product's error alone.
 */
export async function priceOffers(
  sources: PricingSources,
  request: OfferRequest,
  skus: readonly string[],
  at: Date = new Date(),
): Promise<(PricedBasket | Error)[]> {
  const sale = await checkedSale(sources, request);
  const lines = skus.map((sku) => {
    try {
      return checkedLines({ ...request, lines: [{ sku, quantity: 1 }] }, sale.catalog)[0];
    } catch (err) {
      return err as Error;
    }
  });
  const known = lines.filter((l): l is BasketLine => !(l instanceof Error));
  if (known.length === 0) return lines as Error[];
  // a voucher is the basket's, never shown on a product (offersFor leaves them out): none looked up
  const { context, promotions, unavailable } = await inSale(sources, sale, request.channel, [], at, false);
  const priced = offersFor(known, promotions, context, sources.policy);
  const offers = new Map(known.map((line, i) => [line, priced[i]]));
  return lines.map((l) => (l instanceof Error ? l : { quote: offers.get(l)!, context, unavailable }));
}
