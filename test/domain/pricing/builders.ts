// Promotions, lines, contexts and policies for the pricing tests: defaults that apply to
// everything, overridden by what a test is about.
import type { BasketLine, PricingContext, Promotion } from '../../../domain/pricing/model';
import { parsePolicy, type Policy } from '../../../domain/pricing/policy';

export const AT = '2026-11-20T10:00:00.000Z';

export function promotion(id: string, overrides: Partial<Promotion> = {}): Promotion {
  return {
    id,
    source: 'eshop',
    name: id,
    code: null,
    kind: 'PERCENT',
    value: 10,
    level: 'BASKET',
    skus: null,
    categories: null,
    minBasketCents: null,
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2027-01-01T00:00:00.000Z',
    tiers: null,
    customerId: null,
    storeIds: null,
    legacyChannels: null,
    ...overrides,
  };
}

export function line(sku: string, quantity: number, listPriceCents: number, category = 'Maison'): BasketLine {
  return { sku, category, quantity, listPriceCents };
}

export function context(overrides: Partial<PricingContext> = {}): PricingContext {
  return { channel: 'WEB', storeId: null, customer: null, at: AT, promoCodes: [], ...overrides };
}

export function policy(exceptions: Policy['exceptions'] = []): Policy {
  return parsePolicy({
    version: 1,
    priceMaster: 'eshop',
    defaultChannels: ['WEB', 'STORE', 'CALL_CENTER'],
    legacyChannelFlags: 'report',
    exceptions,
  });
}
