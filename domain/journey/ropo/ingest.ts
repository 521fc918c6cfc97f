// Copies what the ROPO report needs out of silos that cannot be listed, reading only what is new
// since the last run (README, "Ingestion"):
// - POS receipts, by id: STxxx-YYYYMMDD-NNNN is numbered from 0001 per store and Paris day, so a
//   store-day is read until its first missing number, and later resumed after its last one;
// - e-shop orders (W-YYYY-NNNNNN, per UTC year) and accounts (A-NNNNN), by id until a run of
//   missing numbers;
// - loyalty members of the cards seen (members:batchGet), and the accounts, handed to the identity
//   store so that a card on a receipt reaches its customer and that customer's e-shop accounts;
// - browsing events (per account, ?since=) of the accounts whose customer shops in store with a
//   card, and only when that customer has a receipt newer than the last poll: an event can only
//   count for a later receipt.
import { DateTime } from 'luxon';
import { normalizeCard } from '../../canonical/card';
import { parisDate, toInstant } from '../../canonical/time';
import { chunk } from '../../../adapters/transport/chunks';
import type { EshopClient } from '../../../adapters/eshop/client';
import type { LoyaltyClient } from '../../../adapters/loyalty/client';
import type { PosClient } from '../../../adapters/pos/client';
import type { Instant } from '../../types';
import type { CustomerDirectory } from '../../identity/directory';
import type { EshopOrder } from '../../../adapters/eshop/wire';
import type { PosReceipt } from '../../../adapters/pos/wire';
import { orderFromEshop, personFromEshopAccount } from '../../../adapters/eshop/mapping';
import { orderFromPosReceipt } from '../../../adapters/pos/mapping';
import { paidByLine } from '../../orders/refunds';
import { personFromLoyaltyMember } from '../../../adapters/loyalty/mapping';
import type { StoreDirectory } from '../../reference/store-directory';
import type { AccountCursor, OrderLineRow, ReceiptLineRow, RopoLedger } from './ledger';
import { Bulkhead } from '../../../adapters/transport/bulkhead';
import { isStorePurchase } from './compute';
import { probeUntilGap } from '../../../adapters/transport/sequence';
import { FIRST_ACCOUNT_NUMBER, readAccounts } from '../../identity/listing';

export interface RopoSources {
  pos: Pick<PosClient, 'getReceipt'>;
  eshop: Pick<EshopClient, 'getAccount' | 'getOrder' | 'listEvents'>;
  loyalty: Pick<LoyaltyClient, 'batchGetMembers'>;
  stores: Pick<StoreDirectory, 'get'>;
  /** who is who: the identity subgraph's (accounts and members read here go to it) */
  identity: CustomerDirectory;
}

export interface IngestionOptions {
  /** POS and e-shop calls in flight at once */
  concurrency: number;
  now: () => Date;
}

export interface IngestionStats {
  /** the ledger holds everything from this instant on */
  horizon: Instant;
  startedAt: Instant;
  finishedAt: Instant;
  /** records read from the legacy systems in this run */
  read: { receipts: number; orders: number; accounts: number; members: number; events: number };
  /** legacy calls made in this run */
  calls: { pos: number; eshop: number; loyalty: number };
}

type IngestedSystem = keyof IngestionStats['calls'];

/** Missing numbers in a row that end an id sequence. */
const MAX_ID_GAP = 20;
const MEMBERS_PER_BATCH = 100;
/** The loyalty client paces itself to 20 requests a second: a few in flight keep it busy. */
const LOYALTY_IN_FLIGHT = 4;
/** A day or a year is taken as over this long after it ends (no receipt or order is written in it any more): clocks differ. */
const CLOSING_GRACE_MS = 3_600_000;

export class Ingestion {
  constructor(
    private readonly sources: RopoSources,
    private readonly ledger: RopoLedger,
    private readonly options: IngestionOptions,
  ) {}

  /** Reads what is new, and everything from `from` on that the ledger does not hold yet. */
  async run(from: Date): Promise<IngestionStats> {
    const startedAt = this.options.now();
    const held = (await this.ledger.state())?.horizon;
    const horizon = held && held < from.toISOString() ? new Date(held) : from;
    const calls = { pos: 0, eshop: 0, loyalty: 0 };
    const read = { receipts: 0, orders: 0, accounts: 0, members: 0, events: 0 };
    // The clients' guards fail calls that wait past their deadline: thousands of probes handed to
    // them at once would fail by the hundred, so ingestion queues them here first, without one.
    const slots = {
      pos: new Bulkhead(this.options.concurrency),
      eshop: new Bulkhead(this.options.concurrency),
      loyalty: new Bulkhead(LOYALTY_IN_FLIGHT),
    };
    const call: CallOf = (system, task) => {
      calls[system] += 1;
      return slots[system].run(task);
    };
    const run: RunContext = { horizon, startedAt, call, read };

    await settleAll([this.receipts(run), this.orders(run), this.accounts(run)]);
    await this.members(run);
    await this.events(run);

    const finishedAt = this.options.now().toISOString();
    await this.ledger.saveState({ horizon: horizon.toISOString(), finishedAt });
    return { horizon: horizon.toISOString(), startedAt: startedAt.toISOString(), finishedAt, read, calls };
  }

  private async receipts({ horizon, startedAt, call, read }: RunContext): Promise<void> {
    const { stores } = await this.sources.stores.get();
    const days = parisDays(horizon, startedAt);
    const overBefore = parisDate(new Date(startedAt.getTime() - CLOSING_GRACE_MS).toISOString());
    const cursorsOf = await Promise.all(stores.map(({ id: store }) => this.ledger.storeDays(store)));
    const storeDays = stores.flatMap(({ id: store }, i) => {
      const cursors = cursorsOf[i];
      return days.filter((day) => !cursors.get(day)?.closed).map((day) => ({ store, day, after: cursors.get(day)?.lastSeq ?? 0 }));
    });
    await settleAll(
      storeDays.map(async ({ store, day, after }) => {
        const lines: ReceiptLineRow[] = [];
        let seq = after;
        for (;;) {
          const receipt = await call('pos', () => this.sources.pos.getReceipt(receiptId(store, day, seq + 1)));
          if (!receipt) break;
          seq += 1;
          read.receipts += 1;
          lines.push(...receiptLines(receipt));
        }
        await this.ledger.saveStoreDay(store, day, lines, { lastSeq: seq, closed: day < overBefore });
      }),
    );
  }

  private async orders({ horizon, startedAt, call, read }: RunContext): Promise<void> {
    const overBefore = new Date(startedAt.getTime() - CLOSING_GRACE_MS).getUTCFullYear();
    const years: number[] = [];
    for (let year = horizon.getUTCFullYear(); year <= startedAt.getUTCFullYear(); year++) years.push(year);
    await settleAll(
      years.map(async (year) => {
        const cursor = await this.ledger.orderYear(year);
        if (cursor?.closed) return;
        const probe = (n: number) => call('eshop', () => this.sources.eshop.getOrder(orderId(year, n)));
        const lastSeq = await probeUntilGap((cursor?.lastSeq ?? 0) + 1, MAX_ID_GAP, probe, async (found, last) => {
          read.orders += found.length;
          await this.ledger.saveOrders(year, found.flatMap(orderLines), { lastSeq: last, closed: false });
        });
        // Only once the whole year has been read: a failure half-way leaves it open.
        await this.ledger.saveOrders(year, [], { lastSeq, closed: year < overBefore });
      }),
    );
  }

  private async accounts({ call, read }: RunContext): Promise<void> {
    const first = ((await this.ledger.lastAccountNumber()) ?? FIRST_ACCOUNT_NUMBER - 1) + 1;
    const getAccount = (id: string) => call('eshop', () => this.sources.eshop.getAccount(id));
    await readAccounts(first, getAccount, async (found) => {
      read.accounts += found.length;
      await this.sources.identity.observe(found.map(({ record }) => personFromEshopAccount(record)));
      await this.ledger.saveAccounts(
        found.map(({ number, record }) => ({ id: record.id, number, card: normalizeCard(record.loyalty_card) })),
      );
    });
  }

  private async members({ call, read }: RunContext): Promise<void> {
    await settleAll(
      chunk(await this.ledger.cardsWithoutMember(), MEMBERS_PER_BATCH).map(async (cards) => {
        const members = await call('loyalty', () => this.sources.loyalty.batchGetMembers(cards));
        read.members += members.length;
        await this.sources.identity.observe(members.map(personFromLoyaltyMember));
        await this.ledger.markMembersFetched(cards);
      }),
    );
  }

  private async events({ horizon, startedAt, call, read }: RunContext): Promise<void> {
    const horizonIso = horizon.toISOString();
    const polledAt = startedAt.toISOString();
    await settleAll(
      (await this.accountsToPoll(horizonIso)).map(async (cursor) => {
        const since =
          cursor.eventsFrom === null || cursor.eventsFrom > horizonIso ? horizonIso : (cursor.eventsLastAt ?? cursor.eventsFrom);
        const events = await call('eshop', () => this.sources.eshop.listEvents(cursor.id, since));
        const instants = events.map((e) => toInstant(e.at));
        const rows = events.flatMap((e, i) =>
          e.sku === null ? [] : [{ accountId: cursor.id, at: instants[i], type: e.type, sku: e.sku }],
        );
        read.events += rows.length;
        const lastAt = [cursor.eventsLastAt ?? '', ...instants].reduce((a, b) => (a > b ? a : b));
        const from = cursor.eventsFrom !== null && cursor.eventsFrom < since ? cursor.eventsFrom : since;
        await this.ledger.saveEvents(rows, { id: cursor.id, from, lastAt: lastAt || null, polledAt });
      }),
    );
  }

  /**
   * The accounts of customers seen in store with a card whose events may have changed what counts:
   * never polled, held from after the horizon, or with a receipt of their customer since the last poll.
   */
  private async accountsToPoll(horizonIso: Instant): Promise<AccountCursor[]> {
    const { identity } = this.sources;
    const newestReceipt = new Map<string, Instant>();
    const cards = await this.ledger.receiptCards();
    // all at once: the directory asks for them in one call
    const holders = await Promise.all(cards.map(({ card }) => identity.customerOfCard(card)));
    cards.forEach(({ lastReceiptAt }, i) => {
      const customer = holders[i];
      if (customer && (newestReceipt.get(customer) ?? '') < lastReceiptAt) newestReceipt.set(customer, lastReceiptAt);
    });
    const due: AccountCursor[] = [];
    for (const [customer, { records }] of await identity.identitiesOf([...newestReceipt.keys()])) {
      for (const record of records) {
        const cursor = record.system === 'eshop' ? await this.ledger.accountCursor(record.externalId) : null;
        if (!cursor) continue;
        const graced = cursor.eventsPolledAt && new Date(Date.parse(cursor.eventsPolledAt) - CLOSING_GRACE_MS).toISOString();
        if (!graced || cursor.eventsFrom === null || cursor.eventsFrom > horizonIso || newestReceipt.get(customer)! >= graced)
          due.push(cursor);
      }
    }
    return due;
  }
}

type CallOf = <T>(system: IngestedSystem, task: () => Promise<T>) => Promise<T>;

interface RunContext {
  horizon: Date;
  startedAt: Date;
  call: CallOf;
  read: IngestionStats['read'];
}

/** Waits for every task, then fails with the first failure: no task is left running behind a failed run. */
async function settleAll(tasks: Promise<unknown>[]): Promise<void> {
  const failure = (await Promise.allSettled(tasks)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/** The Paris calendar days from the one `from` falls on to the one `to` falls on, both included. */
function parisDays(from: Date, to: Date): string[] {
  const last = parisDate(to.toISOString());
  const days: string[] = [];
  for (let day = DateTime.fromISO(parisDate(from.toISOString()), { zone: 'utc' }); day.toISODate()! <= last; day = day.plus({ days: 1 })) {
    days.push(day.toISODate()!);
  }
  return days;
}

const receiptId = (store: string, day: string, seq: number) => `${store}-${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;

const orderId = (year: number, seq: number) => `W-${year}-${String(seq).padStart(6, '0')}`;

function receiptLines(receipt: PosReceipt): ReceiptLineRow[] {
  if (!isStorePurchase(receipt)) return [];
  // mapped once: its time, its card and what each line paid
  const order = orderFromPosReceipt(receipt);
  const paid = paidByLine(order);
  return receipt.lines.map((line, i) => ({
    receiptId: receipt.id,
    line: i,
    store: receipt.store,
    at: order.placedAt,
    card: order.owner?.externalId ?? null,
    ean: line.ean,
    qty: line.qty,
    paidCents: paid[i],
  }));
}

function orderLines(order: EshopOrder): OrderLineRow[] {
  const mapped = orderFromEshop(order);
  const paid = paidByLine(mapped);
  return order.lines.map((line, i) => ({
    orderId: order.id,
    line: i,
    accountId: order.account_id,
    at: mapped.placedAt,
    origin: order.origin,
    sku: line.sku,
    qty: line.qty,
    paidCents: paid[i],
  }));
}
