// Pricing's sources for one request: its own identity directory (pieces.ts says why), which
// pricing's customer profiles and the request's other look-ups share.
import type { CustomerDirectory } from '../../domain/identity/directory';
import { pricingSources, type PricingDeps } from '../../domain/pricing/promotions/profiles';
import type { PricingSources } from '../../domain/pricing/promotions/quoting';

/** What pricing is built from, the identity directory made per request. */
export interface PricingPieces extends Omit<PricingDeps, 'identity'> {
  identityDirectory: () => CustomerDirectory;
}

export function perRequestPricing(deps: PricingPieces): { identity: CustomerDirectory; pricing: PricingSources } {
  const identity = deps.identityDirectory();
  return { identity, pricing: pricingSources({ ...deps, identity }) };
}
