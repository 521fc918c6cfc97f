// The one pricing engine every channel calls: basket lines at list price, the promotions of every
// source and the policy in, a fully explained quote out. The rules are in the README, "Pricing and promotions".
import type { Cents } from '../types';
import { codeKey, distinctCodes } from './codes';
import { basketShares, lineTotal, productDiscount } from './discounts';
import { ineligibility } from './eligibility';
import type { AppliedPromotion, BasketLine, PricingContext, Promotion, Quote, RejectionReason } from './model';
import type { Policy } from './policy';

/** Every line's share of one promotion's discount, in line order. */
interface Award {
  promotion: Promotion;
  shares: Cents[];
}

/** Why a promotion in play did not apply, by promotion id. */
type Verdicts = Map<string, RejectionReason>;

/** One stage's awards, taken from what earlier stages left of each line (`remaining`, not modified). */
type StageRun = (candidates: Promotion[], lines: BasketLine[], remaining: Cents[], verdicts: Verdicts) => Award[];

// The order the rules are checked in: a code is rejected with the reason of the promotion that
// got furthest, the most specific thing the customer can be told.
const REASONS_IN_CHECK_ORDER: RejectionReason[] = [
  'EXPIRED',
  'NOT_YET_VALID',
  'NOT_IN_THIS_CHANNEL',
  'NOT_IN_THIS_STORE',
  'NOT_FOR_THIS_CUSTOMER',
  'NOT_APPLICABLE',
  'MINIMUM_NOT_MET',
  'NOT_COMBINABLE',
];

export function quote(lines: BasketLine[], promotions: Promotion[], ctx: PricingContext, policy: Policy): Quote {
  return priced(lines, promotions, judged(promotions, ctx, policy));
}

/** Which promotions may apply to a sale (its codes, channel, store, customer, time), whatever its lines. */
interface Judgement {
  codes: string[];
  /** sorted by id */
  eligible: Promotion[];
  /** why each one that may not did not */
  verdicts: Verdicts;
}

function judged(promotions: Promotion[], ctx: PricingContext, policy: Policy): Judgement {
  const codes = distinctCodes(ctx.promoCodes);
  const given = new Set(codes.map(codeKey));
  const verdicts: Verdicts = new Map();
  const eligible = promotions
    .filter((p) => p.code === null || given.has(codeKey(p.code)))
    .filter((p) => {
      const reason = ineligibility(p, ctx, policy);
      if (reason !== null) verdicts.set(p.id, reason);
      return reason === null;
    })
    .sort(byId);
  return { codes, eligible, verdicts };
}

function priced(lines: BasketLine[], promotions: Promotion[], judgement: Judgement): Quote {
  const { codes, eligible } = judgement;
  // the stages add this basket's own verdicts to the sale's
  const verdicts: Verdicts = new Map(judgement.verdicts);
  const totals = lines.map(lineTotal);
  const remaining = [...totals];
  const awards = STAGES.flatMap(([stage, run]) => {
    const stageAwards = run(
      eligible.filter((p) => stageOf(p) === stage),
      lines,
      remaining,
      verdicts,
    );
    for (const { shares } of stageAwards) shares.forEach((share, i) => (remaining[i] -= share));
    return stageAwards;
  });

  const subtotalCents = sum(totals);
  const totalCents = sum(remaining);
  return {
    lines: lines.map((line, i) => ({ ...line, lineTotalCents: totals[i], discountCents: totals[i] - remaining[i] })),
    appliedPromotions: awards.map((award) => applied(award, lines)),
    rejectedPromoCodes: codes.flatMap((code) => {
      const reason = rejection(code, promotions, verdicts);
      return reason === null ? [] : [{ code, reason }];
    }),
    subtotalCents,
    discountCents: subtotalCents - totalCents,
    totalCents,
    loyaltyPointsEarned: Math.floor(totalCents / 100),
  };
}

/**
 * The offers a product page or list shows, one a product: the same engine on one-line baskets, with
 * the promotions a single product can earn (product-level ones, and basket-level ones without a
 * minimum), judged once for the sale. A code for a promotion left out here is the basket's to judge,
 * so it is not rejected.
 */
export function offersFor(lines: BasketLine[], promotions: Promotion[], ctx: PricingContext, policy: Policy): Quote[] {
  const shown = promotions.filter(isShownOnProductPage);
  const basketOnly = new Set(promotions.flatMap((p) => (p.code !== null && !isShownOnProductPage(p) ? [codeKey(p.code)] : [])));
  const judgement = judged(shown, ctx, policy);
  return lines.map((line) => {
    const offer = priced([line], shown, judgement);
    return { ...offer, rejectedPromoCodes: offer.rejectedPromoCodes.filter((r) => !basketOnly.has(codeKey(r.code))) };
  });
}

function isShownOnProductPage(promotion: Promotion): boolean {
  const stage = stageOf(promotion);
  return stage === 'PRODUCT' || (stage === 'BASKET' && promotion.minBasketCents === null);
}

type Stage = 'PRODUCT' | 'BASKET' | 'VOUCHER';

// CRM goodwill vouchers are owed to the customer: they stack on everything else.
function stageOf(promotion: Promotion): Stage {
  return promotion.source === 'crm' ? 'VOUCHER' : promotion.level;
}

/** Each line gets the one product-level promotion that takes the most off it. */
const productStage: StageRun = (candidates, lines, listPrices, verdicts) => {
  const open = candidates.filter((p) =>
    admit(
      p,
      lines.some((line) => productDiscount(p, line) > 0),
      sum(listPrices),
      verdicts,
    ),
  );
  const awards = new Map<string, Award>();
  lines.forEach((line, i) => {
    const best = bestOf(open.map((promotion) => ({ promotion, amount: productDiscount(promotion, line) })));
    if (best === null) return;
    const award = awards.get(best.promotion.id) ?? { promotion: best.promotion, shares: lines.map(() => 0) };
    award.shares[i] = best.amount;
    awards.set(best.promotion.id, award);
  });
  for (const p of open) if (!awards.has(p.id)) verdicts.set(p.id, 'NOT_COMBINABLE');
  return [...awards.values()].sort((a, b) => byId(a.promotion, b.promotion));
};

/** At most one basket-level promotion: the one that takes the most off what is left. */
const basketStage: StageRun = (candidates, lines, remaining, verdicts) => {
  const options = candidates
    .map((promotion) => ({ promotion, shares: basketShares(promotion, lines, remaining) }))
    .filter(({ promotion, shares }) => admit(promotion, sum(shares) > 0, sum(remaining), verdicts));
  const best = bestOf(options.map(({ promotion, shares }) => ({ promotion, amount: sum(shares) })));
  for (const { promotion } of options) if (promotion !== best?.promotion) verdicts.set(promotion.id, 'NOT_COMBINABLE');
  return options.filter(({ promotion }) => promotion === best?.promotion);
};

/** Every voucher, one after the other in id order, each on what the previous ones left. */
const voucherStage: StageRun = (candidates, lines, remaining, verdicts) => {
  const left = [...remaining];
  return candidates.flatMap((promotion) => {
    const shares = basketShares(promotion, lines, left);
    if (!admit(promotion, sum(shares) > 0, sum(remaining), verdicts)) return [];
    shares.forEach((share, i) => (left[i] -= share));
    return [{ promotion, shares }];
  });
};

const STAGES: [Stage, StageRun][] = [
  ['PRODUCT', productStage],
  ['BASKET', basketStage],
  ['VOUCHER', voucherStage],
];

/** The basket checks, scope before minimum; records why a promotion is turned away. */
function admit(promotion: Promotion, reachesALine: boolean, subtotal: Cents, verdicts: Verdicts): boolean {
  const reason: RejectionReason | null = !reachesALine
    ? 'NOT_APPLICABLE'
    : promotion.minBasketCents !== null && subtotal < promotion.minBasketCents
      ? 'MINIMUM_NOT_MET'
      : null;
  if (reason !== null) verdicts.set(promotion.id, reason);
  return reason === null;
}

/** The largest discount for the customer; on a tie, the smallest promotion id. */
function bestOf<T extends { promotion: Promotion; amount: Cents }>(options: T[]): T | null {
  // Candidates come sorted by id, so keeping the first of equals keeps the smallest id.
  return options.reduce<T | null>((best, o) => (o.amount > 0 && (best === null || o.amount > best.amount) ? o : best), null);
}

function applied({ promotion, shares }: Award, lines: BasketLine[]): AppliedPromotion {
  const skus = [...new Set(lines.filter((_, i) => shares[i] > 0).map((line) => line.sku))];
  return { promotion, amountCents: sum(shares), skus };
}

/** Null when the code applied; else the reason of its promotion that got furthest, or UNKNOWN. */
function rejection(code: string, promotions: Promotion[], verdicts: Verdicts): RejectionReason | null {
  const carriers = promotions.filter((p) => p.code !== null && codeKey(p.code) === codeKey(code));
  if (carriers.length === 0) return 'UNKNOWN';
  const reasons = carriers.flatMap((p) => verdicts.get(p.id) ?? []);
  if (reasons.length < carriers.length) return null; // one of them applied
  const rank = (r: RejectionReason) => REASONS_IN_CHECK_ORDER.indexOf(r);
  return reasons.reduce((furthest, r) => (rank(r) > rank(furthest) ? r : furthest));
}

function byId(a: Promotion, b: Promotion): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sum(values: Cents[]): Cents {
  return values.reduce((total, v) => total + v, 0);
}
