// Reads every legacy system back after a run of order operations and checks it against what the
// graph told its clients. An accepted operation must have left exactly its records, once; a
// refused one nothing. Reservations are matched by content (store and lines), not by id: the
// POS keeps the saga's own reference on them, which the graph never shows, and a refused attempt
// may legitimately have made and released one. So, per status, the multiset of new reservations'
// contents must equal the accepted pickups' (held: neither cancelled nor collected; collected;
// released: at least the cancelled ones), and every store's stock must have moved by exactly what
// the accepted operations moved (reserved, and on hand).
import type { System } from '../../platform/errors';

export type Dump = Record<string, any[]>;
export type Dumps = Record<System, Dump>;

export interface Line {
  ean: string;
  qty: number;
}

export interface PlacedOrder {
  key: string;
  orderId: string;
  kind: 'web' | 'phone' | 'pickup' | 'storeSale';
  /** pickup store, or the store that sold */
  storeId: string | null;
  lines: Line[];
  totalCents: number;
  /** 16 digits: the card that earns the order's points */
  card: string | null;
}

export interface AcceptedReturn {
  key: string;
  orderId: string;
  returnId: string;
  storeId: string;
  lines: Line[];
  refundCents: number;
  pointsReversed: number;
}

/** What the clients were told: the operations answered with success. */
export interface Told {
  placed: PlacedOrder[];
  cancelled: string[];
  collected: string[];
  returned: AcceptedReturn[];
}

export interface Reconciliation {
  /** legacy records read back and checked, by kind */
  checked: Record<string, number>;
  violations: string[];
}

const signature = (store: string, lines: Line[]) =>
  `${store}|${lines
    .map((l) => `${l.ean}x${l.qty}`)
    .sort()
    .join(',')}`;

const cents = (decimal: string) => Math.round(Number(decimal) * 100);
const pointsFor = (totalCents: number) => Math.floor(totalCents / 100);

function added<T>(before: T[], after: T[], id: (r: T) => string): T[] {
  const known = new Set(before.map(id));
  return after.filter((r) => !known.has(id(r)));
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  return counts;
}

/** Keys whose counts differ, as "key: expected n, found m". */
function multisetDifference(expected: string[], found: string[]): string[] {
  const want = countBy(expected, (s) => s);
  const got = countBy(found, (s) => s);
  return [...new Set([...want.keys(), ...got.keys()])]
    .filter((k) => (want.get(k) ?? 0) !== (got.get(k) ?? 0))
    .map((k) => `${k}: expected ${want.get(k) ?? 0}, found ${got.get(k) ?? 0}`);
}

export function reconcile(before: Dumps, after: Dumps, told: Told): Reconciliation {
  const violations: string[] = [];
  const fail = (message: string) => violations.push(message);
  const cancelled = new Set(told.cancelled);
  const collected = new Set(told.collected);
  const returnsOf = (orderId: string) => told.returned.filter((r) => r.orderId === orderId);
  const accepted = new Map(told.placed.map((o) => [o.orderId, o]));
  if (accepted.size !== told.placed.length) fail('one order id was answered to two placeOrder requests');

  // e-shop: each accepted web, phone or pickup order once, as placed; no other new order; the returns told
  const webOrders = told.placed.filter((o) => o.kind !== 'storeSale');
  const newEshopOrders = added(before.eshop.orders, after.eshop.orders, (o) => o.id);
  for (const o of webOrders) {
    const found = after.eshop.orders.filter((w) => w.id === o.orderId);
    if (found.length !== 1) {
      fail(`e-shop order ${o.orderId} (${o.kind}) exists ${found.length} times`);
      continue;
    }
    const [w] = found;
    const status = cancelled.has(o.orderId) ? ['cancelled'] : returnsOf(o.orderId).length ? ['paid', 'returned'] : ['paid'];
    if (!status.includes(w.status)) fail(`e-shop order ${o.orderId} is ${w.status}, expected ${status.join(' or ')}`);
    if (cents(w.total) !== o.totalCents) fail(`e-shop order ${o.orderId} totals ${w.total}, the graph said ${o.totalCents} cents`);
    if (w.origin !== (o.kind === 'phone' ? 'phone' : 'web')) fail(`e-shop order ${o.orderId} has origin ${w.origin}`);
    if (w.shipping.method !== (o.kind === 'pickup' ? 'store_pickup' : 'home'))
      fail(`e-shop order ${o.orderId} is shipped ${w.shipping.method}`);
  }
  for (const w of newEshopOrders) if (!accepted.has(w.id)) fail(`e-shop order ${w.id} (${w.status}) belongs to no accepted operation`);
  const webReturns = told.returned.filter((r) => r.returnId.startsWith('R-'));
  const newEshopReturns = added(before.eshop.returns, after.eshop.returns, (r) => r.return_id);
  violations.push(
    ...multisetDifference(
      webReturns.map((r) => `e-shop return ${r.returnId} of ${r.orderId}`),
      newEshopReturns.map((r) => `e-shop return ${r.return_id} of ${r.order_id}`),
    ),
  );

  // POS: store sales once by id; collect receipts, reservations and returns by content and count
  const storeSales = told.placed.filter((o) => o.kind === 'storeSale');
  const newReceipts = added(before.pos.receipts, after.pos.receipts, (r) => r.id);
  for (const o of storeSales) {
    const found = after.pos.receipts.filter((r) => r.id === o.orderId);
    if (found.length !== 1) {
      fail(`POS sale ${o.orderId} exists ${found.length} times`);
      continue;
    }
    const [r] = found;
    if (r.deliver !== 'home' || r.store !== o.storeId || r.total_cents !== o.totalCents) {
      fail(
        `POS sale ${o.orderId} is ${JSON.stringify({ deliver: r.deliver, store: r.store, total: r.total_cents })}, the graph said ${o.storeId}, ${o.totalCents} cents`,
      );
    }
    if (o.card && r.card?.replace(/\s/g, '') !== o.card) fail(`POS sale ${o.orderId} carries card ${r.card}, not ${o.card}`);
  }
  const pickups = told.placed.filter((o) => o.kind === 'pickup');
  const pickupSignatures = (keep: (o: PlacedOrder) => boolean) => pickups.filter(keep).map((o) => signature(o.storeId!, o.lines));
  const isLive = (o: PlacedOrder) => !cancelled.has(o.orderId) && !collected.has(o.orderId);
  violations.push(
    ...multisetDifference(
      [
        ...storeSales.map((o) => `sale ${o.orderId}`),
        ...pickupSignatures((o) => collected.has(o.orderId)).map((s) => `collect receipt ${s}`),
      ],
      newReceipts.map((r) => (r.ref ? `collect receipt ${signature(r.store, r.lines)}` : `sale ${r.id}`)),
    ),
  );
  const newReservations = added(before.pos.reservations, after.pos.reservations, (r) => r.id);
  const reservations = (status: string) =>
    newReservations.filter((r) => r.status === status).map((r) => `${status} reservation ${signature(r.store, r.lines)}`);
  violations.push(
    ...multisetDifference(
      pickupSignatures(isLive).map((s) => `held reservation ${s}`),
      reservations('held'),
    ),
    ...multisetDifference(
      pickupSignatures((o) => collected.has(o.orderId)).map((s) => `collected reservation ${s}`),
      reservations('collected'),
    ),
  );
  // released ones also include what compensation undid for refused attempts
  const released = countBy(reservations('released'), (s) => s);
  for (const [s, n] of countBy(
    pickupSignatures((o) => cancelled.has(o.orderId)).map((x) => `released reservation ${x}`),
    (x) => x,
  )) {
    if ((released.get(s) ?? 0) < n) fail(`${s}: ${n} cancelled pickups, ${released.get(s) ?? 0} released`);
  }
  const newPosReturns = added(before.pos.returns, after.pos.returns, (r) => r.id);
  violations.push(
    ...multisetDifference(
      told.returned.map((r) => `POS return of ${r.orderId} in ${signature(r.storeId, r.lines)}`),
      newPosReturns.map((r) => `POS return of ${r.ref} in ${signature(r.store, r.lines)}`),
    ),
  );
  violations.push(...stockMoves(before.pos.stock, after.pos.stock, told, isLive));

  // loyalty: one EARN per accepted order with points, one ADJUST per accepted reversal, nothing else
  const newTxns = added(before.loyalty.transactions, after.loyalty.transactions, (t) => t.id);
  const expected: { ref: string; type: string; points: number; card: string }[] = [];
  for (const o of told.placed) {
    const earned = o.card ? pointsFor(o.totalCents) : 0;
    if (earned === 0) continue;
    expected.push({ ref: o.orderId, type: 'EARN', points: earned, card: o.card! });
    if (cancelled.has(o.orderId)) expected.push({ ref: `${o.orderId}:cancel`, type: 'ADJUST', points: -earned, card: o.card! });
    // the returns together take back the points of all they refunded, rounded down
    let refunded = 0;
    let reversed = 0;
    for (const r of returnsOf(o.orderId)) {
      refunded += r.refundCents;
      const due = (refunded >= o.totalCents ? earned : Math.floor((earned * refunded) / o.totalCents)) - reversed;
      reversed += due;
      if (r.pointsReversed !== due) fail(`return ${r.returnId} of ${o.orderId} reversed ${r.pointsReversed} points, ${due} were due`);
      if (due > 0) expected.push({ ref: `${o.orderId}:return:${r.key}`, type: 'ADJUST', points: -due, card: o.card! });
    }
  }
  violations.push(
    ...multisetDifference(
      expected.map((t) => `${t.type} ${t.points} on ${t.card} for ${t.ref}`),
      newTxns.map((t) => `${t.type} ${t.points} on ${t.card_number} for ${t.external_ref}`),
    ),
  );

  return {
    checked: {
      eshopOrders: newEshopOrders.length,
      eshopReturns: newEshopReturns.length,
      posReceipts: newReceipts.length,
      posReservations: newReservations.length,
      posReturns: newPosReturns.length,
      posStockRows: after.pos.stock.length,
      loyaltyTransactions: newTxns.length,
    },
    violations,
  };
}

/** Every (store, EAN): reserved moved by the live pickups, on hand by sales, collects and returns. */
function stockMoves(before: any[], after: any[], told: Told, isLive: (o: PlacedOrder) => boolean): string[] {
  const key = (store: string, ean: string) => `${store} ${ean}`;
  const moves = new Map<string, { reserved: number; qty: number }>();
  const move = (store: string, lines: Line[], what: 'reserved' | 'qty', sign: number) => {
    for (const l of lines) {
      const m = moves.get(key(store, l.ean)) ?? { reserved: 0, qty: 0 };
      m[what] += sign * l.qty;
      moves.set(key(store, l.ean), m);
    }
  };
  const collected = new Set(told.collected);
  for (const o of told.placed) {
    if (o.kind === 'pickup' && isLive(o)) move(o.storeId!, o.lines, 'reserved', 1);
    if (o.kind === 'pickup' && collected.has(o.orderId)) move(o.storeId!, o.lines, 'qty', -1);
    if (o.kind === 'storeSale') move(o.storeId!, o.lines, 'qty', -1);
  }
  for (const r of told.returned) move(r.storeId, r.lines, 'qty', 1);

  const was = new Map(before.map((s) => [key(s.store, s.ean), s]));
  const problems: string[] = [];
  for (const s of after) {
    const k = key(s.store, s.ean);
    const old = was.get(k) ?? { qty: 0, reserved: 0 };
    const want = moves.get(k) ?? { reserved: 0, qty: 0 };
    if (s.reserved - old.reserved !== want.reserved)
      problems.push(`stock ${k}: reserved moved ${s.reserved - old.reserved}, expected ${want.reserved}`);
    if (s.qty - old.qty !== want.qty) problems.push(`stock ${k}: on hand moved ${s.qty - old.qty}, expected ${want.qty}`);
  }
  return problems;
}
