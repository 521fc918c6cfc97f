// What ropoReport must answer, counted the slow way over everything the simulators hold
// (/__sim/dump), exactly as the README ("ROPO and showrooming") defines it. Who is who follows the
// documented matching rules (domain/identity/match.ts cluster) over the records the report's
// identity store holds, not the seed's ground truth: two people of one household sharing a mailbox
// are one customer by those rules, and the report counts what the rules say. Its money and its
// calendar are its own (floats and luxon), not the code under test's.
import { DateTime } from 'luxon';
import { normalizeCard } from '../../domain/canonical/card';
import { cluster } from '../../domain/identity/match';
import { RESEARCH_EVENTS, UNKNOWN_CATEGORY, type RopoCounts, type RopoReport } from '../../domain/journey/ropo';
import type { PersonRecord } from '../../domain/types';
import { personFromCrmContact } from '../../adapters/crm/mapping';
import { personFromEshopAccount } from '../../adapters/eshop/mapping';
import { personFromLoyaltyMember } from '../../adapters/loyalty/mapping';
import type { World } from '../../legacy/model';
import { parisToUtc } from './seeded-orders';

export type RopoDumps = Pick<World, 'eshop' | 'pos' | 'loyalty'> & Partial<Pick<World, 'crm'>>;

const DAY_MS = 86_400_000;
const PARIS = 'Europe/Paris';

/** "19.99" -> 1999 */
const cents = (decimal: string) => Math.round(Number(decimal) * 100);

/** numerator / denominator to the nearest integer, a tie to the even one */
function halfToEven(numerator: number, denominator: number): number {
  const exact = numerator / denominator;
  const nearest = Math.round(exact);
  return Math.abs(exact % 1) === 0.5 && nearest % 2 !== 0 ? nearest - 1 : nearest;
}

function checked(time: DateTime, text: string): DateTime {
  if (!time.isValid) throw new RangeError(`Not a time: ${JSON.stringify(text)}`);
  return time;
}

/** An instant (ISO, with or without its offset: UTC then) as ms. */
const ms = (iso: string) => checked(DateTime.fromISO(iso, { zone: 'utc' }), iso).toMillis();
const utcIso = (iso: string) =>
  checked(DateTime.fromISO(iso, { zone: 'utc' }), iso)
    .toUTC()
    .toISO()!;

/** One purchase line of the period. */
interface Row {
  /** Monday 00:00 (Paris) of its week */
  week: number;
  category: string;
  kind: 'store' | 'web';
  /** a store line's store; a showrooming line's: the store of the latest visit before the order */
  store: string | null;
  ropo: boolean;
  showrooming: boolean;
  paid: number;
}

/**
 * What each line cost: its value less the discount shared out by value, half to even, the last
 * line taking what is left of the total (legacy-systems.md, the e-shop's refunds).
 */
function paidPerLine(lines: { qty: number; cents: number }[], discount: number, total: number): number[] {
  const subtotal = lines.reduce((sum, l) => sum + l.qty * l.cents, 0);
  const shares = lines.map((l) => l.qty * l.cents - (subtotal === 0 ? 0 : halfToEven(discount * l.qty * l.cents, subtotal)));
  if (shares.length > 0) shares[shares.length - 1] = total - shares.slice(0, -1).reduce((a, b) => a + b, 0);
  return shares;
}

/** Monday 00:00 in Paris of the week `at` falls in, read off the Paris calendar. */
function parisMonday(at: string): number {
  const day = DateTime.fromMillis(ms(at), { zone: PARIS }).toFormat('yyyy-MM-dd');
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const monday = new Date(Date.parse(`${day}T00:00:00Z`) - weekday * DAY_MS).toISOString().slice(0, 10);
  return ms(parisToUtc(`${monday} 00:00:00`));
}

/**
 * `crm`: the CRM's contacts join people too where the stack's identity index reads them. Loyalty
 * members count where the report's identity store holds them: those whose card is on a receipt or
 * an e-shop account.
 */
export function expectedRopo({ eshop, pos, loyalty, crm }: RopoDumps, from: Date, to: Date, lookbackDays: number): RopoReport {
  const { products } = eshop;
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const byEan = new Map(products.map((p) => [p.ean, p]));
  const cardsSeen = new Set([...pos.receipts.map((r) => r.card), ...eshop.accounts.map((a) => a.loyalty_card)].map(normalizeCard));
  const records: PersonRecord[] = [
    ...eshop.accounts.map(personFromEshopAccount),
    ...loyalty.members.filter((m) => cardsSeen.has(normalizeCard(m.card_number))).map(personFromLoyaltyMember),
    ...(crm?.contacts ?? []).map(personFromCrmContact),
  ];
  const people = cluster(records);
  const personOfAccount = (id: string) => people.findIndex((p) => p.some((r) => r.system === 'eshop' && r.externalId === id));
  const personOfCard = (printed: string | null) => {
    const card = normalizeCard(printed);
    return card === null ? -1 : people.findIndex((p) => p.some((r) => r.card === card));
  };
  const inPeriod = (at: string) => Date.parse(at) >= from.getTime() && Date.parse(at) < to.getTime();
  /** Whether something at `candidate` is in the lookback before `at`. */
  const lookback = (at: string) => {
    // as many Paris calendar days back
    const [start, end] = [DateTime.fromMillis(ms(at), { zone: PARIS }).minus({ days: lookbackDays }).toMillis(), ms(at)];
    return (candidate: string) => Date.parse(candidate) >= start && Date.parse(candidate) < end;
  };

  // a hand-over receipt (with the reservation's ref) is a web purchase, not a store one
  const receipts = pos.receipts.filter((r) => r.ref === null).map((r) => ({ ...r, at: parisToUtc(r.at), person: personOfCard(r.card) }));
  const events = eshop.events.map((e) => ({ ...e, at: utcIso(e.at), person: personOfAccount(e.account_id) }));
  const rows: Row[] = [];
  for (const receipt of receipts.filter((r) => inPeriod(r.at))) {
    const subtotal = receipt.lines.reduce((sum, l) => sum + l.qty * l.unit_cents, 0);
    const paid = paidPerLine(
      receipt.lines.map((l) => ({ qty: l.qty, cents: l.unit_cents })),
      Math.max(0, subtotal - receipt.total_cents),
      receipt.total_cents,
    );
    const before = lookback(receipt.at);
    const week = parisMonday(receipt.at);
    receipt.lines.forEach((line, i) => {
      const product = byEan.get(line.ean);
      const ropo =
        receipt.person >= 0 &&
        product !== undefined &&
        events.some((e) => e.person === receipt.person && e.sku === product.sku && RESEARCH_EVENTS.has(e.type) && before(e.at));
      const category = product?.category ?? UNKNOWN_CATEGORY;
      rows.push({ week, category, kind: 'store', store: receipt.store, ropo, showrooming: false, paid: paid[i] });
    });
  }
  for (const order of eshop.orders.filter((o) => o.origin === 'web' && inPeriod(utcIso(o.created_at)))) {
    const at = utcIso(order.created_at);
    const person = personOfAccount(order.account_id);
    const before = lookback(at);
    const week = parisMonday(at);
    // the latest visit (at one instant, the greatest store id)
    const [visit] = receipts
      .filter((r) => person >= 0 && r.person === person && before(r.at))
      .sort((a, b) => b.at.localeCompare(a.at) || b.store.localeCompare(a.store));
    const paid = paidPerLine(
      order.lines.map((l) => ({ qty: l.qty, cents: cents(l.unit_price) })),
      cents(order.discount),
      cents(order.total),
    );
    order.lines.forEach((line, i) => {
      const category = bySku.get(line.sku)?.category ?? UNKNOWN_CATEGORY;
      rows.push({ week, category, kind: 'web', store: visit?.store ?? null, ropo: false, showrooming: visit !== undefined, paid: paid[i] });
    });
  }

  const figures = (of: Row[]): RopoCounts => {
    const count = (keep: (r: Row) => boolean) => of.filter(keep).length;
    const paid = (keep: (r: Row) => boolean) => of.filter(keep).reduce((sum, r) => sum + r.paid, 0);
    const store = (r: Row) => r.kind === 'store';
    const ropo = (r: Row) => r.kind === 'store' && r.ropo;
    const web = (r: Row) => r.kind === 'web';
    const showrooming = (r: Row) => r.kind === 'web' && r.showrooming;
    return {
      storePurchases: count(store),
      ropoPurchases: count(ropo),
      ropoRate: count(store) ? count(ropo) / count(store) : 0,
      webPurchases: count(web),
      showroomingPurchases: count(showrooming),
      showroomingRate: count(web) ? count(showrooming) / count(web) : 0,
      storeRevenueCents: paid(store),
      ropoRevenueCents: paid(ropo),
      webRevenueCents: paid(web),
      showroomingRevenueCents: paid(showrooming),
    };
  };
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  const stores = [...new Set(rows.filter((r) => r.kind === 'store' || r.showrooming).map((r) => r.store!))].sort();
  const weeks: number[] = [];
  for (let week = parisMonday(from.toISOString()); week < to.getTime(); week = parisMonday(new Date(week + 8 * DAY_MS).toISOString())) {
    weeks.push(week);
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    lookbackDays,
    ...figures(rows),
    byCategory: categories.map((category) => ({ category, ...figures(rows.filter((r) => r.category === category)) })),
    byStore: stores.map((storeId) => {
      const { storePurchases, ropoPurchases, ropoRate, storeRevenueCents, ropoRevenueCents } = figures(
        rows.filter((r) => r.kind === 'store' && r.store === storeId),
      );
      const showroomingPurchases = rows.filter((r) => r.showrooming && r.store === storeId).length;
      return { storeId, storePurchases, ropoPurchases, ropoRate, showroomingPurchases, storeRevenueCents, ropoRevenueCents };
    }),
    byWeek: weeks.map((week) => ({ weekStart: new Date(week).toISOString(), ...figures(rows.filter((r) => r.week === week)) })),
  };
}
