// The three legacy systems ingestion reads, in memory, recording every call made to them.
import { catalogIndex } from '../../../../domain/reference/catalog';
import type { Product, Store } from '../../../../domain/types';
import type { EshopAccount, EshopEvent, EshopOrder } from '../../../../adapters/eshop/wire';
import type { LoyaltyMember } from '../../../../adapters/loyalty/wire';
import type { PosReceipt } from '../../../../adapters/pos/wire';
import type { RopoSources } from '../../../../domain/journey/ropo';

export class FakeLegacy {
  readonly receipts = new Map<string, PosReceipt>();
  readonly accounts = new Map<string, EshopAccount>();
  readonly orders = new Map<string, EshopOrder>();
  readonly events: EshopEvent[] = [];
  readonly members: LoyaltyMember[] = [];
  /** 'pos ST001-20260308-0001', 'order W-2026-000001', 'account A-10001', 'events A-10001 since', 'members C1,C2' */
  readonly calls: string[] = [];
  /** receipt ids whose next read fails */
  readonly failing = new Set<string>();

  sources(): Omit<RopoSources, 'identity'> {
    return {
      pos: {
        getReceipt: async (id) => {
          this.calls.push(`pos ${id}`);
          if (this.failing.delete(id)) throw new Error('POS down');
          return this.receipts.get(id) ?? null;
        },
      },
      eshop: {
        getAccount: async (id) => {
          this.calls.push(`account ${id}`);
          return this.accounts.get(id) ?? null;
        },
        getOrder: async (id) => {
          this.calls.push(`order ${id}`);
          return this.orders.get(id) ?? null;
        },
        listEvents: async (account, since) => {
          this.calls.push(`events ${account} ${since}`);
          return this.events.filter((e) => e.account_id === account && e.at >= since).map(({ account_id: _, ...e }) => e);
        },
      },
      loyalty: {
        batchGetMembers: async (cards) => {
          this.calls.push(`members ${cards.join(',')}`);
          return this.members.filter((m) => cards.includes(m.card_number));
        },
      },
      stores: {
        get: async () => {
          const stores = [{ id: 'ST001' } as Store];
          return { stores, byId: new Map(stores.map((s) => [s.id, s])) };
        },
      },
    };
  }

  callsOf(kind: string): string[] {
    return this.calls.filter((c) => c.startsWith(`${kind} `)).map((c) => c.slice(kind.length + 1));
  }

  receipt(day: string, seq: number, time: string, card: string | null, eans: string[]): void {
    const id = `ST001-${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;
    const lines = eans.map((ean) => ({ ean, qty: 1, unit_cents: 1000 }));
    this.receipts.set(id, {
      id,
      store: 'ST001',
      at: `${day} ${time}`,
      card,
      total_cents: 1000 * eans.length,
      deliver: null,
      ref: null,
      lines,
    });
  }

  account(number: number, email: string, card: string | null): void {
    const id = `A-${number}`;
    this.accounts.set(id, {
      id,
      email,
      first_name: 'Anne',
      last_name: `Person${number}`,
      phone: '',
      loyalty_card: card,
      created_at: '2025-01-01T00:00:00Z',
    });
  }

  order(id: string, account: string, at: string, origin: EshopOrder['origin'], skus: string[]): void {
    const lines = skus.map((sku) => ({ sku, qty: 1, unit_price: '10.00' }));
    const shipping = { method: 'home' as const, store_code: null, address: null };
    this.orders.set(id, {
      id,
      account_id: account,
      status: 'paid',
      created_at: at,
      lines,
      promo_codes: [],
      discount: '0.00',
      total: '10.00',
      shipping,
      origin,
    });
  }
}

/** Products SKU-n with EAN En, in category 'cat-n'. */
export function fakeCatalog(n: number) {
  const products = Array.from(
    { length: n },
    (_, i) => ({ sku: `SKU-${i + 1}`, ean: `E${i + 1}`, name: `Product ${i + 1}`, category: `cat-${i + 1}` }) as Product,
  );
  const index = catalogIndex(products);
  return { get: async () => index, invalidate: () => undefined };
}
