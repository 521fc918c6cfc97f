import { knownGrantDate, voucherStatus } from '../../../../domain/pricing/promotions/vouchers';
import { VoucherStore } from '../../../../domain/pricing/promotions/voucher-store';
import { voucherFromCrm } from '../../../../adapters/crm/mapping';
import { freshDb } from '../../../databases';

/** A voucher of the CRM's export, as the start-up imports it. */
const fromCrm = (code: string) =>
  voucherFromCrm(
    { voucher_code: code, contact_id: 'C-000174', amount_cents: 2000, reason: 'Geste commercial', expires_at: 1798943131 },
    '2026-12-01T00:00:00.000Z',
  );

describe('VoucherStore.importFromCrm', () => {
  it('adds the CRM export vouchers to their contact, and an import repeated changes nothing, a used voucher stays used', async () => {
    const store = await VoucherStore.open(await freshDb());
    expect(await store.importFromCrm([fromCrm('GW-AVBFBZZH'), fromCrm('GW-8ULLK78Y')])).toBe(2);
    expect((await store.unusedForContacts(['C-000174'])).map((v) => v.code)).toEqual(['GW-8ULLK78Y', 'GW-AVBFBZZH']);
    await store.claim(['GW-AVBFBZZH'], 'OG-1');
    expect(await store.importFromCrm([fromCrm('GW-AVBFBZZH'), fromCrm('GW-8ULLK78Y')])).toBe(0);
    expect((await store.unusedForContacts(['C-000174'])).map((v) => v.code)).toEqual(['GW-8ULLK78Y']);
    expect(await store.unusedByCodes([' gw-8ullk78y '])).toEqual([{ ...fromCrm('GW-8ULLK78Y'), usedByOrder: null }]);
  });
});

describe('VoucherStore.claim', () => {
  it('lets one order of two claiming a voucher at once have it, and gives it back when that order does not happen', async () => {
    const store = await VoucherStore.open(await freshDb());
    await store.importFromCrm([fromCrm('GW-AVBFBZZH')]);
    const claims = await Promise.allSettled([store.claim(['GW-AVBFBZZH'], 'OG-1'), store.claim(['GW-AVBFBZZH'], 'OG-2')]);
    const won = claims.flatMap((c, i) => (c.status === 'fulfilled' ? [`OG-${i + 1}`] : []));
    expect(won).toHaveLength(1);
    expect(claims.find((c) => c.status === 'rejected')).toMatchObject({ reason: { extensions: { code: 'CONFLICT' } } });
    await store.release(['GW-AVBFBZZH'], won[0]);
    expect(await store.unusedByCodes(['GW-AVBFBZZH'])).toHaveLength(1);
  });
});

describe('VoucherStore.ofContacts', () => {
  it("lists a contact's vouchers, used ones included, latest expiry first, and nobody else's", async () => {
    const store = await VoucherStore.open(await freshDb());
    const later = { ...fromCrm('GW-LATER'), expiresAt: '2027-06-01T00:00:00.000Z' };
    await store.importFromCrm([fromCrm('GW-AVBFBZZH'), later, { ...fromCrm('GW-OTHER'), contactId: 'C-000175' }]);
    await store.record({ ...fromCrm('GW-GRANTED'), customerId: 'cus_1', expiresAt: '2027-03-01T00:00:00.000Z' });
    await store.claim(['GW-AVBFBZZH'], 'OG-1');
    const listed = await store.ofContacts(['C-000174']);
    expect(listed.map((v) => [v.code, v.usedByOrder])).toEqual([
      ['GW-LATER', null],
      ['GW-GRANTED', null],
      ['GW-AVBFBZZH', 'OG-1'],
    ]);
    expect(await store.ofContacts([])).toEqual([]);
  });
});

describe('voucherStatus', () => {
  const at = '2026-12-01T10:00:00.000Z';
  it('is USED once an order took it, even expired since; EXPIRED from its expiry on; AVAILABLE before', () => {
    expect(voucherStatus({ usedByOrder: 'OG-1', expiresAt: '2026-11-01T00:00:00.000Z' }, at)).toBe('USED');
    expect(voucherStatus({ usedByOrder: null, expiresAt: at }, at)).toBe('EXPIRED');
    expect(voucherStatus({ usedByOrder: null, expiresAt: '2026-12-01T10:00:01.000Z' }, at)).toBe('AVAILABLE');
  });
});

describe('knownGrantDate', () => {
  it('is the grant of a voucher granted through the graph, and unknown for one of the CRM export', () => {
    expect(knownGrantDate(fromCrm('GW-AVBFBZZH'))).toBeNull();
    expect(knownGrantDate({ customerId: 'cus_1', grantedAt: '2026-12-01T09:00:00.000Z' })).toBe('2026-12-01T09:00:00.000Z');
  });
});
