// CRM goodwill vouchers. The CRM can grant a voucher but cannot list them, so the project keeps
// the ones it grants, and those of the CRM's export of the vouchers granted before go-live: a
// voucher is a single-use promotion tied to one CRM contact, and so to the customer holding it.
import { migrate, type Db } from '../../../platform/db';
import { graphqlError } from '../../../platform/errors';
import type { Cents, Instant } from '../../types';
import type { Promotion } from '../model';

export interface Voucher {
  code: string;
  /** whom it was granted to through the graph; null for one the CRM granted before go-live */
  customerId: string | null;
  contactId: string;
  amountCents: Cents;
  reason: string;
  grantedAt: Instant;
  expiresAt: Instant;
  usedByOrder: string | null;
}

/** One granted through the graph: its customer is known. */
export type GrantedVoucher = Voucher & { customerId: string };

const MIGRATIONS = [
  `CREATE TABLE vouchers (
     code TEXT PRIMARY KEY,
     customer_id TEXT NOT NULL,
     contact_id TEXT NOT NULL,
     amount_cents INTEGER NOT NULL,
     reason TEXT NOT NULL,
     granted_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_by_order TEXT
   );
   CREATE INDEX vouchers_contact ON vouchers(contact_id);`,
  // the vouchers of the CRM's export have no customer yet (their contact's holder is theirs):
  // customer_id becomes nullable, which SQLite only allows by making the column again
  `ALTER TABLE vouchers ADD COLUMN granted_to TEXT;
   UPDATE vouchers SET granted_to = customer_id;
   ALTER TABLE vouchers DROP COLUMN customer_id;
   ALTER TABLE vouchers RENAME COLUMN granted_to TO customer_id;`,
];

interface Row {
  code: string;
  customer_id: string | null;
  contact_id: string;
  amount_cents: number;
  reason: string;
  granted_at: string;
  expires_at: string;
  used_by_order: string | null;
}

const fromRow = (r: Row): Voucher => ({
  code: r.code,
  customerId: r.customer_id,
  contactId: r.contact_id,
  amountCents: r.amount_cents,
  reason: r.reason,
  grantedAt: r.granted_at,
  expiresAt: r.expires_at,
  usedByOrder: r.used_by_order,
});

export class VoucherStore {
  constructor(private readonly db: Db) {
    migrate(db, 'vouchers', MIGRATIONS);
  }

  record(v: Omit<GrantedVoucher, 'usedByOrder'>): void {
    this.insert('INSERT').run(v);
  }

  /**
   * The CRM's export of the vouchers it granted before go-live, read at every start: one already
   * known (or since used) is left as it is. Answers how many were new.
   */
  importFromCrm(vouchers: readonly Omit<Voucher, 'usedByOrder'>[]): number {
    const insert = this.insert('INSERT OR IGNORE');
    return this.db.transaction(() => vouchers.reduce((added, v) => added + insert.run(v).changes, 0))();
  }

  private insert(verb: 'INSERT' | 'INSERT OR IGNORE') {
    return this.db.prepare(
      `${verb} INTO vouchers (code, customer_id, contact_id, amount_cents, reason, granted_at, expires_at)
       VALUES (@code, @customerId, @contactId, @amountCents, @reason, @grantedAt, @expiresAt)`,
    );
  }

  /**
   * The vouchers still unused of these CRM contacts: a voucher follows its contact, so it stays
   * with the person when customers merge or a record is moved by hand.
   */
  unusedForContacts(contactIds: readonly string[]): Voucher[] {
    if (contactIds.length === 0) return [];
    return (
      this.db
        .prepare(`SELECT * FROM vouchers WHERE used_by_order IS NULL AND contact_id IN (SELECT value FROM json_each(?)) ORDER BY code`)
        .all(JSON.stringify(contactIds)) as Row[]
    ).map(fromRow);
  }

  /** Marks the vouchers used by an order; CONFLICT when one was used by another order. */
  claim(codes: readonly string[], orderRef: string): void {
    const claim = this.db.prepare('UPDATE vouchers SET used_by_order = ? WHERE code = ? AND (used_by_order IS NULL OR used_by_order = ?)');
    this.db.transaction(() => {
      for (const code of codes) {
        if (claim.run(orderRef, code, orderRef).changes === 0) throw graphqlError('CONFLICT', `Voucher ${code} was already used`);
      }
    })();
  }

  /** Gives back the vouchers an order that did not happen had claimed. */
  release(codes: readonly string[], orderRef: string): void {
    const release = this.db.prepare('UPDATE vouchers SET used_by_order = NULL WHERE code = ? AND used_by_order = ?');
    this.db.transaction(() => codes.forEach((code) => release.run(code, orderRef)))();
  }

  /** Unused vouchers by code, whoever holds them: a code given by someone else is refused for that reason. */
  unusedByCodes(codes: readonly string[]): Voucher[] {
    if (codes.length === 0) return [];
    return (
      this.db
        .prepare(
          `SELECT * FROM vouchers WHERE used_by_order IS NULL AND code IN (SELECT upper(trim(value)) FROM json_each(?)) ORDER BY code`,
        )
        .all(JSON.stringify(codes)) as Row[]
    ).map(fromRow);
  }
}

/** `customerId`: the only customer who may use it (its contact's holder). */
export function promotionFromVoucher(v: Voucher, customerId: string): Promotion {
  return {
    id: `crm:${v.code}`,
    source: 'crm',
    name: `Goodwill voucher: ${v.reason}`,
    code: v.code,
    kind: 'AMOUNT',
    value: v.amountCents,
    level: 'BASKET',
    skus: null,
    categories: null,
    minBasketCents: null,
    validFrom: v.grantedAt,
    validTo: v.expiresAt,
    tiers: null,
    customerId,
    storeIds: null,
    legacyChannels: null,
  };
}
