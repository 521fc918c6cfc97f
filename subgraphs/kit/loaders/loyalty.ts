// Loyalty loaders: ledgers per request, members through one batcher for the process.
import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import { eachKey } from './settle';
import type { LoyaltyClient } from '../../../adapters/loyalty/client';
import { wholeLedger } from '../../../adapters/loyalty/ledger';
import type { LoyaltyTransaction } from '../../../domain/types';
import type { LoyaltyMember } from '../../../adapters/loyalty/wire';
import { loyaltyTransactionFromLoyalty } from '../../../adapters/loyalty/mapping';

/** No batch call for ledgers: one per card (each card's whole ledger), each card asked once per request. */
export function ledgerByCard(loyalty: LoyaltyClient): DataLoader<string, LoyaltyTransaction[]> {
  return new DataLoader((cards) => eachKey(cards, async (card) => (await wholeLedger(loyalty, card)).map(loyaltyTransactionFromLoyalty)));
}

export interface MemberBatcher {
  /** The member of this card, null when the platform knows none. */
  load(card: string): Promise<LoyaltyMember | null>;
}

const MAX_HOLD_MS = 1000;
/** members kept for reuse: a bound on memory, above the 2,000 cards the platform's rate lets one read in a second */
const MAX_REUSABLE = 10_000;

/**
 * One for the process: the card look-ups of every request arriving within `windowMs` of the last
 * call go in one members:batchGet, sent when that window ends; a look-up with no call in the
 * window before it goes at once (with those of its tick): waiting for company it would not get, it
 * was a customer page's last legacy call to answer. The platform allows 20 requests a second per
 * client; one call per customer query would cap the whole graph's customer pages at that rate. So
 * while the platform's rate would hold a call back, the look-ups wait here, gathering into one call
 * sent when there is room, instead of queueing one call each; or, if this card's member was read at
 * most `reuseMs` before (counted from when its call was sent), that read is served at once: under
 * that load a points balance (and a tier, which prices) may be that old.
 */
export function memberBatcher(loyalty: LoyaltyClient, { windowMs = 5, reuseMs = 0 } = {}): MemberBatcher {
  let lastSent = -Infinity;
  const send = (run: () => void) => {
    lastSent = Date.now();
    run();
  };
  // reusable for reuseMs from when their call was sent (Date: the clock the batcher's timers keep),
  // then dropped by a timer of their own: people's details kept no longer than they serve
  const reads =
    reuseMs > 0
      ? new LRUCache<string, { member: LoyaltyMember | null }>({
          max: MAX_REUSABLE,
          ttl: reuseMs,
          ttlResolution: 0,
          ttlAutopurge: true,
          perf: Date,
        })
      : null;
  const loader = new DataLoader<string, LoyaltyMember | null>(
    async (cards) => {
      const sentAt = Date.now();
      const members = new Map((await loyalty.batchGetMembers([...cards])).map((m) => [m.card_number, m]));
      return cards.map((card) => {
        const member = members.get(card) ?? null;
        reads?.set(card, { member }, { start: sentAt });
        return member;
      });
    },
    {
      cache: false,
      maxBatchSize: 100,
      batchScheduleFn: (run) => {
        const since = Date.now();
        const sendWhenDue = () => {
          // held a second at most: other loyalty calls may keep the platform's window full, and the
          // batch then takes its turn in the client's queue rather than wait for a gap that never comes
          const paced = Date.now() - since < MAX_HOLD_MS ? loyalty.delayMs() : 0;
          const wait = Math.max(lastSent + windowMs - Date.now(), paced);
          // when DataLoader would send without a schedule of its own: after the look-ups of the current tick
          if (wait <= 0) void Promise.resolve().then(() => process.nextTick(() => send(run)));
          else setTimeout(sendWhenDue, wait);
        };
        sendWhenDue();
      },
    },
  );
  return {
    load: (card) => {
      const read = reads?.get(card);
      if (read && loyalty.delayMs() > 0) return Promise.resolve(read.member);
      return loader.load(card);
    },
  };
}

/** The members of these cards (unknown cards left out), through the shared batcher. */
export async function membersOf(batcher: MemberBatcher, cards: readonly string[]): Promise<LoyaltyMember[]> {
  const found = await Promise.all(cards.map((card) => batcher.load(card)));
  return found.filter((m): m is LoyaltyMember => m !== null);
}
