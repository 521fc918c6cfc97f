import { migrate, openDatabase, type Db } from '../../../../platform/db';
import { VoucherStore } from '../../../../domain/pricing/promotions/vouchers';
import { voucherFromCrm } from '../../../../adapters/crm/mapping';

/** A voucher of the CRM's export, as the start-up imports it. */
const fromCrm = (code: string) =>
  voucherFromCrm(
    { voucher_code: code, contact_id: 'C-000174', amount_cents: 2000, reason: 'Geste commercial', expires_at: 1798943131 },
    '2026-12-01T00:00:00.000Z',
  );

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

describe('VoucherStore.importFromCrm', () => {
  it('adds the CRM export vouchers to their contact, and an import repeated changes nothing, a used voucher stays used', () => {
    const store = new VoucherStore(db);
    expect(store.importFromCrm([fromCrm('GW-AVBFBZZH'), fromCrm('GW-8ULLK78Y')])).toBe(2);
    expect(store.unusedForContacts(['C-000174']).map((v) => v.code)).toEqual(['GW-8ULLK78Y', 'GW-AVBFBZZH']);
    store.claim(['GW-AVBFBZZH'], 'OG-1');
    expect(store.importFromCrm([fromCrm('GW-AVBFBZZH'), fromCrm('GW-8ULLK78Y')])).toBe(0);
    expect(store.unusedForContacts(['C-000174']).map((v) => v.code)).toEqual(['GW-8ULLK78Y']);
    expect(store.unusedByCodes([' gw-8ullk78y '])).toEqual([{ ...fromCrm('GW-8ULLK78Y'), usedByOrder: null }]);
  });

  it('keeps the vouchers of a database made before the CRM export was read', () => {
    const first = `CREATE TABLE vouchers (code TEXT PRIMARY KEY, customer_id TEXT NOT NULL, contact_id TEXT NOT NULL,
      amount_cents INTEGER NOT NULL, reason TEXT NOT NULL, granted_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_by_order TEXT);
      CREATE INDEX vouchers_contact ON vouchers(contact_id);`;
    migrate(db, 'vouchers', [first]);
    db.prepare(
      `INSERT INTO vouchers VALUES ('GW-000001', 'cus_1', 'C-000001', 500, 'late', '2026-11-01T00:00:00Z', '2027-02-01T00:00:00Z', NULL)`,
    ).run();
    const store = new VoucherStore(db);
    expect(store.unusedForContacts(['C-000001'])).toMatchObject([{ code: 'GW-000001', customerId: 'cus_1', amountCents: 500 }]);
    expect(store.importFromCrm([fromCrm('GW-AVBFBZZH')])).toBe(1);
  });
});
