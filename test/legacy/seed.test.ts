import { DateTime } from 'luxon';
import type { World } from '../../legacy/model';
import { Person, generateWorld } from '../../legacy/seed';
import { isValidEan } from '../../domain/canonical/ean';

const NOW = new Date('2026-11-15T12:00:00Z');
const { world, truth } = generateWorld({ seed: 42, scale: 1, now: NOW });

const cents = (decimal: string): number => Math.round(Number(decimal) * 100);
const digits = (s: string): string => s.replace(/\D/g, '');
const DAY_MS = 86_400_000;
const parisMs = (local: string): number => DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm:ss', { zone: 'Europe/Paris' }).toMillis();

/** Carded store lines whose buyer viewed or checked the same product online in the 20 days before. */
function ropo(w: World, people: Person[]): { lines: number; researched: number } {
  const accountOfCard = new Map(people.filter((p) => p.loyaltyCard && p.eshopAccountId).map((p) => [p.loyaltyCard!, p.eshopAccountId!]));
  const skuOfEan = new Map(w.eshop.products.map((p) => [p.ean, p.sku]));
  const research = new Map<string, number[]>();
  for (const e of w.eshop.events) {
    if (e.type !== 'product_view' && e.type !== 'availability_check') continue;
    const key = `${e.account_id} ${e.sku}`;
    research.set(key, [...(research.get(key) ?? []), Date.parse(e.at)]);
  }
  let lines = 0;
  let researched = 0;
  for (const r of w.pos.receipts) {
    if (!r.card) continue;
    const account = accountOfCard.get(digits(r.card));
    const at = parisMs(r.at);
    for (const line of r.lines) {
      lines++;
      const seen = account ? (research.get(`${account} ${skuOfEan.get(line.ean)}`) ?? []) : [];
      if (seen.some((t) => t < at && t >= at - 20 * DAY_MS)) researched++;
    }
  }
  return { lines, researched };
}

describe('generateWorld', () => {
  it('gives the same world for the same seed, scale and now, and another for another seed', () => {
    const again = generateWorld({ seed: 42, scale: 1, now: NOW });
    expect(again.truth).toEqual(truth);
    expect(again.world).toEqual(world);
    const other = generateWorld({ seed: 43, scale: 1, now: NOW });
    expect(other.world.eshop.accounts).not.toEqual(world.eshop.accounts);
  });

  it('builds the scale-1 reference data', () => {
    expect(world.pos.stores.length).toBeGreaterThanOrEqual(12);
    for (const s of world.pos.stores) expect(s.code).toMatch(/^ST\d{3}$/);
    expect(world.eshop.products).toHaveLength(500);
    expect(new Set(world.eshop.products.map((p) => p.category)).size).toBe(10);
    expect(truth).toHaveLength(300);
    for (const p of world.eshop.products) {
      expect(p.sku).toMatch(/^SKU-1\d{5}$/);
      expect(p.ean).toMatch(/^\d{13}$/);
      expect(isValidEan(p.ean)).toBe(true);
      expect(p.price).toMatch(/^\d+\.\d{2}$/);
      expect(['20.0', '5.5']).toContain(p.vat_rate);
    }
    expect(world.eshop.products.some((p) => p.vat_rate === '5.5')).toBe(true);
    expect(new Set(world.eshop.products.map((p) => p.ean)).size).toBe(500);
    expect(world.pos.prices).toHaveLength(world.pos.stores.length * 500);
  });

  it('has a store closed on Sunday and one open late', () => {
    expect(world.pos.stores.some((s) => !s.hours.some((h) => h.day === 'SUN'))).toBe(true);
    expect(world.pos.stores.some((s) => s.hours.some((h) => h.close >= '21:00'))).toBe(true);
  });

  it('puts every person in one to four systems, as the truth says', () => {
    const accounts = new Set(world.eshop.accounts.map((a) => a.id));
    const contacts = new Set(world.crm.contacts.map((c) => c.id));
    const cards = new Set(world.loyalty.members.map((m) => m.card_number));
    for (const p of truth) {
      expect([p.eshopAccountId, p.crmContactId, p.loyaltyCard].some((id) => id !== null)).toBe(true);
      if (p.eshopAccountId) expect(accounts.has(p.eshopAccountId)).toBe(true);
      if (p.crmContactId) expect(contacts.has(p.crmContactId)).toBe(true);
      if (p.loyaltyCard) expect(cards.has(p.loyaltyCard)).toBe(true);
    }
    expect(accounts.size + contacts.size + cards.size).toBe(
      truth.reduce((n, p) => n + [p.eshopAccountId, p.crmContactId, p.loyaltyCard].filter(Boolean).length, 0),
    );
    for (const a of world.eshop.accounts) expect(a.id).toMatch(/^A-\d{5}$/);
    for (const c of world.crm.contacts) expect(c.id).toMatch(/^C-\d{6}$/);
    for (const k of world.crm.cases) expect(k.id).toMatch(/^K-\d+$/);
    for (const m of world.loyalty.members) expect(m.card_number).toMatch(/^4000\d{12}$/);
  });

  it('spells identifiers the way each system does', () => {
    const { accounts } = world.eshop;
    for (const a of accounts) expect(a.email).toBe(a.email.toLowerCase());
    for (const m of world.loyalty.members) expect(m.phone_e164).toMatch(/^\+33[67]\d{8}$/);
    for (const c of world.crm.contacts) expect(c.phone).toMatch(/^0[67]( \d{2}){4}$/);
    expect(world.crm.contacts.some((c) => c.email === null)).toBe(true);
    expect(world.loyalty.members.some((m) => m.email !== m.email.trim())).toBe(true);

    const phoneFormats = [/^\+33 \d( \d{2}){4}$/, /^0\d{9}$/, /^0\d(\.\d{2}){4}$/];
    for (const format of phoneFormats) expect(accounts.some((a) => format.test(a.phone))).toBe(true);
    const typed = accounts.flatMap((a) => (a.loyalty_card ? [a.loyalty_card] : []));
    for (const format of [/^4000\d{12}$/, /^4000( \d{4}){3}$/, /^4000(-\d{4}){3}$/]) expect(typed.some((c) => format.test(c))).toBe(true);

    // The same address, cased differently in loyalty than in the e-shop.
    const memberOf = new Map(world.loyalty.members.map((m) => [m.card_number, m]));
    const accountOf = new Map(accounts.map((a) => [a.id, a]));
    const caseDifferent = truth.filter((p) => {
      if (!p.loyaltyCard || !p.eshopAccountId) return false;
      const typedEmail = memberOf.get(p.loyaltyCard)!.email;
      const email = accountOf.get(p.eshopAccountId)!.email;
      return typedEmail.trim() !== email && typedEmail.trim().toLowerCase() === email;
    });
    expect(caseDifferent.length).toBeGreaterThan(0);
  });

  it('makes households of different people sharing a phone, some with one last name', () => {
    const households = new Map<number, Person[]>();
    for (const p of truth) if (p.householdId !== null) households.set(p.householdId, [...(households.get(p.householdId) ?? []), p]);
    expect(households.size).toBeGreaterThan(5);
    const phoneAndNames = (p: Person): { phone: string; first: string; last: string } => {
      const m = world.loyalty.members.find((x) => x.card_number === p.loyaltyCard);
      if (m) return { phone: m.phone_e164.slice(3), first: m.first_name, last: m.last_name };
      const c = world.crm.contacts.find((x) => x.id === p.crmContactId);
      if (c) return { phone: digits(c.phone).slice(1), first: c.first_name, last: c.last_name };
      const a = world.eshop.accounts.find((x) => x.id === p.eshopAccountId)!;
      return { phone: digits(a.phone).slice(-9), first: a.first_name, last: a.last_name };
    };
    let sameLastName = 0;
    for (const members of households.values()) {
      expect(members).toHaveLength(2);
      const [a, b] = members.map(phoneAndNames);
      expect(a.phone).toBe(b.phone);
      expect(a.first === b.first && a.last === b.last).toBe(false);
      if (a.last === b.last) sameLastName++;
    }
    expect(sameLastName).toBeGreaterThan(0);
  });

  it('keeps every web and phone order total equal to its lines minus its discount', () => {
    const skus = new Map(world.eshop.products.map((p) => [p.sku, p]));
    const codes = new Set(world.pos.stores.map((s) => s.code.slice(2)));
    expect(world.eshop.orders.some((o) => o.origin === 'phone')).toBe(true);
    expect(world.eshop.orders.some((o) => o.promo_codes.length > 0)).toBe(true);
    for (const o of world.eshop.orders) {
      expect(o.id).toMatch(new RegExp(`^W-${o.created_at.slice(0, 4)}-\\d{6}$`));
      const sum = o.lines.reduce((n, l) => n + l.qty * cents(l.unit_price), 0);
      expect(cents(o.total)).toBe(sum - cents(o.discount));
      expect(o.total).toMatch(/^\d+\.\d{2}$/);
      for (const l of o.lines) expect(skus.has(l.sku)).toBe(true);
      if (o.shipping.method === 'store_pickup') {
        expect(codes.has(o.shipping.store_code!)).toBe(true);
        expect(o.shipping.address).toBeNull();
      } else expect(o.shipping.address).not.toBeNull();
      expect(Date.parse(o.created_at)).toBeLessThanOrEqual(NOW.getTime());
    }
    const old = world.eshop.orders.filter((o) => Date.parse(o.created_at) < NOW.getTime() - 30 * DAY_MS);
    for (const o of old) expect(['shipped', 'collected', 'cancelled', 'returned']).toContain(o.status);
  });

  it('refunds each returned order once, what was paid: the e-shop its total, the store that took the goods back nothing', () => {
    const returned = world.eshop.orders.filter((o) => o.status === 'returned');
    expect(returned.some((o) => cents(o.discount) > 0)).toBe(true);
    for (const o of returned) {
      const refunds = world.eshop.returns.filter((r) => r.order_id === o.id);
      expect(refunds.reduce((n, r) => n + cents(r.refund), 0)).toBe(cents(o.total));
    }
    const inStore = world.pos.returns.filter((r) => r.ref.startsWith('W-'));
    expect(inStore.length).toBeGreaterThan(0);
    for (const r of inStore) expect(r.refund_cents).toBe(0);
  });

  it('writes receipts that add up, inside opening hours, with the card in groups of four', () => {
    const eans = new Set(world.eshop.products.map((p) => p.ean));
    const stores = new Map(world.pos.stores.map((s) => [s.code, s]));
    const days = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
    for (const r of world.pos.receipts) {
      expect(r.total_cents).toBe(r.lines.reduce((n, l) => n + l.qty * l.unit_cents, 0));
      expect(r.id).toMatch(new RegExp(`^${r.store}-${r.at.slice(0, 10).replace(/-/g, '')}-\\d{4}$`));
      if (r.card !== null) expect(r.card).toMatch(/^4000( \d{4}){3}$/);
      for (const l of r.lines) expect(eans.has(l.ean)).toBe(true);
      const weekday = days[DateTime.fromISO(r.at.slice(0, 10)).weekday - 1];
      const hours = stores.get(r.store)!.hours.find((h) => h.day === weekday);
      expect(hours).toBeDefined();
      expect(r.at.slice(11) >= `${hours!.open}:00` && r.at.slice(11) < `${hours!.close}:00`).toBe(true);
      expect(parisMs(r.at)).toBeLessThanOrEqual(NOW.getTime());
    }
    expect(new Set(world.pos.receipts.map((r) => r.id)).size).toBe(world.pos.receipts.length);
    expect(world.pos.receipts.some((r) => r.card === null)).toBe(true);
    expect(world.pos.receipts.some((r) => r.card !== null)).toBe(true);
  });

  it('balances every loyalty member on their transactions, earning a point per whole euro', () => {
    const balances = new Map<string, number>();
    for (const t of world.loyalty.transactions) balances.set(t.card_number, (balances.get(t.card_number) ?? 0) + t.points);
    for (const m of world.loyalty.members) expect(m.points_balance).toBe(balances.get(m.card_number) ?? 0);

    const paid = new Map<string, number>([
      ...world.pos.receipts.map((r): [string, number] => [r.id, r.total_cents]),
      ...world.eshop.orders.map((o): [string, number] => [o.id, cents(o.total)]),
    ]);
    const earns = world.loyalty.transactions.filter((t) => t.type === 'EARN');
    expect(earns.length).toBeGreaterThan(0);
    for (const t of earns) expect(t.points).toBe(Math.floor(paid.get(t.external_ref!)! / 100));
    // A store earn is stamped with the sale's instant: the receipt's Paris time, DST-correct.
    const receipts = new Map(world.pos.receipts.map((r) => [r.id, r]));
    for (const t of earns.filter((e) => e.channel === 'STORE')) expect(Date.parse(t.at)).toBe(parisMs(receipts.get(t.external_ref!)!.at));
    const refs = world.loyalty.transactions.flatMap((t) => (t.external_ref ? [t.external_ref] : []));
    expect(new Set(refs).size).toBe(refs.length);
    expect(world.loyalty.transactions.some((t) => t.type === 'BURN' && t.points < 0)).toBe(true);
    expect(world.loyalty.transactions.some((t) => t.type === 'ADJUST')).toBe(true);
    for (const tier of ['BASIC', 'SILVER', 'GOLD']) expect(world.loyalty.offers.some((o) => o.tier === tier)).toBe(true);
  });

  it('reserves in store exactly what held reservations hold', () => {
    const held = new Map<string, number>();
    for (const r of world.pos.reservations.filter((x) => x.status === 'held')) {
      for (const l of r.lines) held.set(`${r.store} ${l.ean}`, (held.get(`${r.store} ${l.ean}`) ?? 0) + l.qty);
    }
    expect(held.size).toBeGreaterThan(0);
    for (const s of world.pos.stock) {
      expect(s.reserved).toBeLessThanOrEqual(s.qty);
      expect(s.reserved).toBe(held.get(`${s.store} ${s.ean}`) ?? 0);
    }
    const orders = new Map(world.eshop.orders.map((o) => [o.id, o]));
    for (const r of world.pos.reservations.filter((x) => x.status === 'held')) expect(orders.get(r.ref)!.status).toBe('ready_for_pickup');
  });

  it('shows research online before a plausible share of carded store purchases', () => {
    const { lines, researched } = ropo(world, truth);
    expect(researched / lines).toBeGreaterThan(0.2);
    expect(researched / lines).toBeLessThan(0.45);
  });

  it('has web orders placed days after a store visit of the same person', () => {
    const accountOfCard = new Map(truth.filter((p) => p.loyaltyCard && p.eshopAccountId).map((p) => [p.loyaltyCard!, p.eshopAccountId!]));
    const visits = new Map<string, number[]>();
    for (const r of world.pos.receipts) {
      const account = r.card && accountOfCard.get(digits(r.card));
      if (account) visits.set(account, [...(visits.get(account) ?? []), parisMs(r.at)]);
    }
    const afterVisit = world.eshop.orders.filter((o) => {
      const at = Date.parse(o.created_at);
      return (visits.get(o.account_id) ?? []).some((v) => v < at && v > at - 10 * DAY_MS);
    });
    expect(afterVisit.length).toBeGreaterThan(10);
  });

  it('lets shelf prices drift from the list price for a few products only', () => {
    const list = new Map(world.eshop.products.map((p) => [p.ean, cents(p.price)]));
    const drifted = world.pos.prices.filter((p) => p.cents !== list.get(p.ean)).length;
    expect(drifted).toBeGreaterThan(0);
    expect(drifted / world.pos.prices.length).toBeLessThan(0.05);
  });

  it('runs promotions in every system, current ones lasting into next year, some expired', () => {
    const now = NOW.toISOString();
    const nextYear = new Date(NOW.getTime() + 60 * DAY_MS).toISOString();
    const { promotions } = world.eshop;
    expect(promotions.some((p) => p.code === 'WELCOME10' && p.starts_at <= now && p.ends_at > nextYear)).toBe(true);
    expect(promotions.some((p) => p.ends_at < now)).toBe(true);
    expect(
      promotions.some((p) => p.min_basket !== null) &&
        promotions.some((p) => p.category !== null) &&
        promotions.some((p) => p.skus !== null),
    ).toBe(true);

    const nowLocal = DateTime.fromJSDate(NOW, { zone: 'Europe/Paris' }).toFormat('yyyy-MM-dd HH:mm:ss');
    expect(world.pos.promotions.some((p) => p.from <= nowLocal && p.to > nowLocal)).toBe(true);
    expect(world.pos.promotions.some((p) => p.to < nowLocal)).toBe(true);
    for (const kind of ['percent', 'amount', 'second_half_price']) expect(world.pos.promotions.some((p) => p.kind === kind)).toBe(true);

    const flags = new Set(world.loyalty.offers.map((o) => [...o.channels].sort().join('+')));
    expect(flags.size).toBeGreaterThan(1);
    expect(world.loyalty.offers.some((o) => o.valid_from <= now && o.valid_to > nextYear)).toBe(true);
  });

  it('logs browsing events of every kind on existing products and stores', () => {
    const skus = new Set(world.eshop.products.map((p) => p.sku));
    const accounts = new Set(world.eshop.accounts.map((a) => a.id));
    for (const type of ['product_view', 'add_to_cart', 'availability_check', 'store_locator_view']) {
      expect(world.eshop.events.some((e) => e.type === type)).toBe(true);
    }
    for (const e of world.eshop.events) {
      expect(accounts.has(e.account_id)).toBe(true);
      if (e.sku !== null) expect(skus.has(e.sku)).toBe(true);
      if (e.type === 'availability_check') expect(e.store_code).toMatch(/^\d{3}$/);
    }
  });
});
