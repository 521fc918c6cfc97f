// Who is who, for every subgraph but identity's: the identity subgraph's API (its @inaccessible
// fields), never its store. Look-ups made in the same tick go out as one call, so a request
// resolving many customers, or a report resolving every card it read, makes one call. A directory
// made for one request also keeps what it was told for that request (the access rules, the pricing
// profile and the fields ask for the same customer); one that outlives requests keeps nothing, so
// that a customer merged a moment ago is never answered from a stale copy.
import DataLoader from 'dataloader';
import type { CustomerDirectory, RecordRef } from '../../domain/identity/directory';
import type { PersonRecord } from '../../domain/types';
import type { System } from '../../platform/errors';
import type { SubgraphClient } from './graph-client';
import type { LegacySystem } from './generated';
import { fromGraphSystem, toGraphSystem } from './legacy-system';

/** one call carries at most this many keys: a report may resolve thousands */
const MAX_BATCH = 500;

const OBSERVE_BATCH = 100;

const CUSTOMERS = `query CustomersByIds($ids: [ID!]!) { customersByIds(ids: $ids) { id identities { system externalId } } }`;
const OF_RECORDS = `query CustomerIdsOfRecords($records: [IdentityInput!]!) { customerIdsOfRecords(records: $records) }`;
const OF_CARDS = `query CustomerIdsOfCards($cards: [String!]!) { customerIdsOfCards(cards: $cards) }`;
const OBSERVE = `mutation ObserveRecords($records: [PersonRecordInput!]!) { observeRecords(records: $records) }`;

interface Customer {
  id: string;
  records: RecordRef[];
}

export class GraphCustomerDirectory implements CustomerDirectory {
  private readonly customers: DataLoader<string, Customer | null>;
  private readonly ofRecords: DataLoader<RecordRef, string | null, string>;
  private readonly ofCards: DataLoader<string, string | null>;

  constructor(
    private readonly graph: SubgraphClient,
    { forOneRequest = false } = {},
  ) {
    const batched = { cache: forOneRequest, maxBatchSize: MAX_BATCH };
    this.customers = new DataLoader(async (ids) => {
      const { customersByIds } = await graph.request<{
        customersByIds: ({ id: string; identities: { system: LegacySystem; externalId: string }[] } | null)[];
      }>('identity', CUSTOMERS, { ids });
      return customersByIds.map(
        (c) => c && { id: c.id, records: c.identities.map((r) => ({ system: fromGraphSystem(r.system), externalId: r.externalId })) },
      );
    }, batched);
    this.ofRecords = new DataLoader(
      async (refs) =>
        (
          await graph.request<{ customerIdsOfRecords: (string | null)[] }>('identity', OF_RECORDS, {
            records: refs.map((r) => ({ system: toGraphSystem(r.system), externalId: r.externalId })),
          })
        ).customerIdsOfRecords,
      batched,
    );
    this.ofCards = new DataLoader(
      async (cards) => (await graph.request<{ customerIdsOfCards: (string | null)[] }>('identity', OF_CARDS, { cards })).customerIdsOfCards,
      batched,
    );
  }

  async resolve(customerId: string): Promise<string | null> {
    return (await this.customers.load(customerId))?.id ?? null;
  }

  customerOf(system: System, externalId: string): Promise<string | null> {
    return this.ofRecords.load({ system, externalId });
  }

  async identitiesOf(customerIds: readonly string[]): Promise<Map<string, Customer>> {
    const found = await this.customers.loadMany(customerIds);
    const failed = found.find((c) => c instanceof Error);
    if (failed) throw failed;
    return new Map(customerIds.flatMap((id, i) => (found[i] ? [[id, found[i] as Customer]] : [])));
  }

  customerOfCard(card: string): Promise<string | null> {
    return this.ofCards.load(card);
  }

  /** in calls of OBSERVE_BATCH records, one after the other: each is one write transaction of the identity store, bounded in time */
  async observe(records: readonly PersonRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += OBSERVE_BATCH) {
      const batch = records.slice(i, i + OBSERVE_BATCH).map((r) => ({ ...r, system: toGraphSystem(r.system) }));
      await this.graph.request('identity', OBSERVE, { records: batch });
    }
    // the records observed may have linked or merged customers asked about before
    for (const loader of [this.customers, this.ofRecords, this.ofCards]) loader.clearAll();
  }
}
