// The vouchers the project keeps (./vouchers.ts says why), in PostgreSQL: recorded once, claimed by
// one order at most, given back when that order is undone.
import { migrate, type Db } from '../../../platform/db';
import { graphqlError } from '../../../platform/errors';
import type { Voucher, VoucherBook } from './voucher-book';
import { goodwillSettled, type GoodwillGesture, type GoodwillRequest, type KeyedGoodwillRequest } from './goodwill';
import type { Instant } from '../../types';
import type { GrantedVoucher } from './vouchers';

// Applied in order, each once (platform/db migrate): append, never edit.
const MIGRATIONS = [
  `CREATE TABLE vouchers (
     code TEXT PRIMARY KEY,
     customer_id TEXT, -- null for a voucher of the CRM's export: its contact's holder is its customer
     contact_id TEXT NOT NULL,
     amount_cents INTEGER NOT NULL,
     reason TEXT NOT NULL,
     granted_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_by_order TEXT
   );
   CREATE INDEX vouchers_contact ON vouchers(contact_id);`,
  // a goodwill gesture under its client's idempotency key: asked before the CRM is, so that the
  // same key sent again never grants a second voucher (the CRM's grant has no idempotency)
  `CREATE TABLE goodwill_requests (
     idempotency_key TEXT PRIMARY KEY,
     customer_id TEXT NOT NULL,
     amount_cents INTEGER NOT NULL,
     reason TEXT NOT NULL,
     asked_at TEXT NOT NULL,
     voucher_code TEXT REFERENCES vouchers(code) -- null until the CRM's voucher is recorded
   );`,
  // the request's CRM call failed after it may have granted: no need to wait out its time to say so
  `ALTER TABLE goodwill_requests ADD COLUMN answer_lost_at TEXT;`,
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

interface RequestRow {
  idempotency_key: string;
  customer_id: string;
  amount_cents: number;
  reason: string;
  asked_at: string;
  answer_lost_at: string | null;
  voucher_code: string | null;
}

const fromRequestRow = (r: RequestRow): Omit<GoodwillRequest, 'voucher'> => ({
  gesture: { customerId: r.customer_id, amountCents: r.amount_cents, reason: r.reason },
  askedAt: r.asked_at,
  answerLost: r.answer_lost_at !== null,
});

const INSERT = `INSERT INTO vouchers (code, customer_id, contact_id, amount_cents, reason, granted_at, expires_at)
  VALUES (@code, @customerId, @contactId, @amountCents, @reason, @grantedAt, @expiresAt)`;

const columns = (v: Omit<Voucher, 'usedByOrder'>) => ({
  code: v.code,
  customerId: v.customerId,
  contactId: v.contactId,
  amountCents: v.amountCents,
  reason: v.reason,
  grantedAt: v.grantedAt,
  expiresAt: v.expiresAt,
});

/** The vouchers table: the offers subgraph's. */
export class VoucherStore implements VoucherBook {
  private constructor(private readonly db: Db) {}

  static async open(db: Db): Promise<VoucherStore> {
    await migrate(db, 'vouchers', MIGRATIONS);
    return new VoucherStore(db);
  }

  async record(v: Omit<GrantedVoucher, 'usedByOrder'>): Promise<void> {
    await this.db.run(INSERT, columns(v));
  }

  /** Takes the key for this gesture (null), or answers the request made under it before. */
  async askGoodwill(key: string, gesture: GoodwillGesture, at: Instant): Promise<GoodwillRequest | null> {
    const taken = await this.db.run(
      `INSERT INTO goodwill_requests (idempotency_key, customer_id, amount_cents, reason, asked_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [key, gesture.customerId, gesture.amountCents, gesture.reason, at],
    );
    if (taken === 1) return null;
    // given back meanwhile (its first request was refused): this request may take it
    return (await this.goodwillRequest(key)) ?? this.askGoodwill(key, gesture, at);
  }

  /** The request made under this key, with its voucher once recorded. */
  async goodwillRequest(key: string): Promise<GoodwillRequest | null> {
    const asked = await this.db.row<RequestRow>('SELECT * FROM goodwill_requests WHERE idempotency_key = $1', [key]);
    if (!asked) return null;
    const voucher =
      asked.voucher_code === null ? undefined : await this.db.row<Row>('SELECT * FROM vouchers WHERE code = $1', [asked.voucher_code]);
    return { ...fromRequestRow(asked), voucher: voucher ? (fromRow(voucher) as GrantedVoucher) : null };
  }

  /** The requests under a key without a voucher recorded (running, or their CRM answer lost), oldest first. */
  async goodwillWithoutVoucher(): Promise<KeyedGoodwillRequest[]> {
    const rows = await this.db.rows<RequestRow>('SELECT * FROM goodwill_requests WHERE voucher_code IS NULL ORDER BY asked_at');
    return rows.map((r) => ({ ...fromRequestRow(r), key: r.idempotency_key, voucher: null }));
  }

  /**
   * Records the voucher the CRM granted for the gesture under this key; CONFLICT, recording nothing,
   * when its code is held already or the key no longer waits for a voucher (an operator settled it).
   */
  grantedGoodwill(key: string, v: Omit<GrantedVoucher, 'usedByOrder'>, askedAt: Instant): Promise<void> {
    return this.db.transaction(async (tx) => {
      if ((await tx.run(`${INSERT} ON CONFLICT (code) DO NOTHING`, columns(v))) === 0) {
        throw graphqlError('CONFLICT', `Voucher ${v.code} is recorded already`);
      }
      const waiting = await tx.run(
        'UPDATE goodwill_requests SET voucher_code = $1 WHERE idempotency_key = $2 AND voucher_code IS NULL AND asked_at = $3',
        [v.code, key, askedAt],
      );
      if (waiting === 0) throw goodwillSettled();
    });
  }

  /** The CRM's answer to the request under this key was lost: whether it granted is not known. */
  async goodwillAnswerLost(key: string, at: Instant, askedAt: Instant): Promise<void> {
    await this.db.run(
      'UPDATE goodwill_requests SET answer_lost_at = $2 WHERE idempotency_key = $1 AND voucher_code IS NULL AND asked_at = $3',
      [key, at, askedAt],
    );
  }

  /** Gives the key back: the CRM refused the gesture, or never received it. False when it holds a voucher, or was given back already. */
  async forgetGoodwill(key: string, askedAt: Instant): Promise<boolean> {
    const forgotten = await this.db.run(
      'DELETE FROM goodwill_requests WHERE idempotency_key = $1 AND voucher_code IS NULL AND asked_at = $2',
      [key, askedAt],
    );
    return forgotten === 1;
  }

  /**
   * The CRM's export of the vouchers it granted before go-live, read at every start: one already
   * known (or since used) is left as it is. Answers how many were new.
   */
  importFromCrm(vouchers: readonly Omit<Voucher, 'usedByOrder'>[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      let added = 0;
      for (const v of vouchers) added += await tx.run(`${INSERT} ON CONFLICT (code) DO NOTHING`, columns(v));
      return added;
    });
  }

  /**
   * The vouchers still unused of these CRM contacts: a voucher follows its contact, so it stays
   * with the person when customers merge or a record is moved by hand.
   */
  async unusedForContacts(contactIds: readonly string[]): Promise<Voucher[]> {
    if (contactIds.length === 0) return [];
    const rows = await this.db.rows<Row>('SELECT * FROM vouchers WHERE used_by_order IS NULL AND contact_id = ANY($1) ORDER BY code', [
      contactIds,
    ]);
    return rows.map(fromRow);
  }

  /**
   * Every voucher of these CRM contacts, used and expired ones included, newest first. By expiry:
   * the CRM's export has no grant date, and every voucher is valid for the same time from its grant.
   */
  async ofContacts(contactIds: readonly string[]): Promise<Voucher[]> {
    if (contactIds.length === 0) return [];
    const rows = await this.db.rows<Row>('SELECT * FROM vouchers WHERE contact_id = ANY($1) ORDER BY expires_at DESC, code', [contactIds]);
    return rows.map(fromRow);
  }

  /** Marks the vouchers used by an order; CONFLICT when one was used by another order. */
  claim(codes: readonly string[], orderRef: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      for (const code of codes) {
        const claimed = await tx.run(
          'UPDATE vouchers SET used_by_order = $1 WHERE code = $2 AND (used_by_order IS NULL OR used_by_order = $1)',
          [orderRef, code],
        );
        if (claimed === 0) throw graphqlError('CONFLICT', `Voucher ${code} was already used`);
      }
    });
  }

  /** Gives back the vouchers an order that did not happen had claimed. */
  async release(codes: readonly string[], orderRef: string): Promise<void> {
    await this.db.run('UPDATE vouchers SET used_by_order = NULL WHERE code = ANY($1) AND used_by_order = $2', [codes, orderRef]);
  }

  /** Unused vouchers by code, whoever holds them: a code given by someone else is refused for that reason. */
  async unusedByCodes(codes: readonly string[]): Promise<Voucher[]> {
    if (codes.length === 0) return [];
    const rows = await this.db.rows<Row>(
      `SELECT * FROM vouchers WHERE used_by_order IS NULL AND code IN (SELECT upper(trim(c)) FROM unnest($1::text[]) AS c) ORDER BY code`,
      [codes],
    );
    return rows.map(fromRow);
  }
}
