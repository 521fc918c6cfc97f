// The loyalty ledger, derived from what members bought: an EARN per paid order or carded
// receipt (1 point per whole euro, external_ref = the order or receipt id), a clawback when an
// order came back, burns when members redeemed points, rare goodwill. Balances and tiers follow.
import type { EshopReturn } from '../../adapters/eshop/wire';
import type { LoyaltyMember, LoyaltyTxn } from '../../adapters/loyalty/wire';
import { DAY_MS, HOUR_MS, MINUTE_MS, SeedContext } from './context';
import { pointsFor } from './money';
import type { Persona } from './people';
import type { Visit } from './store-visits';
import type { OrderDraft } from './web-orders';

type Entry = Omit<LoyaltyTxn, 'id' | 'card_number' | 'at'> & { ms: number };

const PAID = new Set(['paid', 'shipped', 'ready_for_pickup', 'collected', 'returned']);
const TIER_THRESHOLDS: [number, LoyaltyMember['tier']][] = [
  [3000, 'GOLD'],
  [1000, 'SILVER'],
  [0, 'BASIC'],
];

export function buildLedger(
  ctx: SeedContext,
  people: Persona[],
  visits: Visit[],
  drafts: OrderDraft[],
  returns: EshopReturn[],
): LoyaltyTxn[] {
  const { faker, nowMs } = ctx;
  const entries = new Map<Persona, Entry[]>();
  const add = (person: Persona, entry: Entry): void => {
    if (entry.ms <= nowMs) (entries.get(person) ?? entries.set(person, []).get(person)!).push(entry);
  };

  for (const { receipt, ms, shopper } of visits) {
    if (shopper && receipt.card)
      add(shopper, { type: 'EARN', points: pointsFor(receipt.total_cents), channel: 'STORE', external_ref: receipt.id, ms });
  }
  const returnOf = new Map(returns.map((r) => [r.order_id, r.return_id]));
  for (const { order, ms, buyer } of drafts) {
    // Web points need the card on the account, and a card that existed when the order was paid.
    if (!buyer.member || !buyer.account?.loyalty_card || ms < buyer.memberSinceMs || !PAID.has(order.status)) continue;
    const points = pointsFor(Math.round(Number(order.total) * 100));
    const channel = order.origin === 'phone' ? 'PHONE' : 'WEB';
    add(buyer, { type: 'EARN', points, channel, external_ref: order.id, ms: ms + 2 * MINUTE_MS });
    const returned = returnOf.get(order.id);
    if (returned)
      add(buyer, {
        type: 'ADJUST',
        points: -points,
        channel,
        external_ref: returned,
        ms: ms + faker.number.int({ min: 5, max: 25 }) * DAY_MS,
      });
  }

  const txns: LoyaltyTxn[] = [];
  for (const person of people) {
    const member = person.member;
    if (!member) continue;
    const history = (entries.get(person) ?? []).sort((a, b) => a.ms - b.ms);
    if (faker.datatype.boolean(0.05)) {
      history.push({
        type: 'ADJUST',
        points: 50,
        channel: 'PHONE',
        external_ref: null,
        ms: nowMs - faker.number.int({ min: HOUR_MS, max: 300 * DAY_MS }),
      });
      history.sort((a, b) => a.ms - b.ms);
    }
    let balance = 0;
    let earned = 0;
    for (const entry of history) {
      // A clawback takes back no more than is left: the points may have been spent already.
      const points = entry.points < 0 ? -Math.min(-entry.points, balance) : entry.points;
      if (points === 0) continue;
      balance += points;
      if (entry.type === 'EARN') earned += points;
      txns.push({
        card_number: member.card_number,
        id: '',
        type: entry.type,
        points,
        channel: entry.channel,
        external_ref: entry.external_ref,
        at: new Date(entry.ms).toISOString(),
      });
      const burnMs = entry.ms + faker.number.int({ min: MINUTE_MS, max: 3 * DAY_MS });
      if (entry.type === 'EARN' && balance >= 300 && burnMs <= nowMs && faker.datatype.boolean(0.2)) {
        const burn = 100 * faker.number.int({ min: 1, max: Math.min(5, Math.floor(balance / 100)) });
        balance -= burn;
        txns.push({
          card_number: member.card_number,
          id: '',
          type: 'BURN',
          points: -burn,
          channel: entry.channel,
          external_ref: null,
          at: new Date(burnMs).toISOString(),
        });
      }
    }
    member.points_balance = balance;
    member.tier = TIER_THRESHOLDS.find(([min]) => earned >= min)![1];
  }

  txns.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).forEach((t, i) => (t.id = `TX-${String(i + 1).padStart(8, '0')}`));
  return txns;
}
