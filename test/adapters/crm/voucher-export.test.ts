import { voucherFromCrm } from '../../../adapters/crm/mapping';
import { parseVoucherExport } from '../../../adapters/crm/voucher-export';
import { ConfigError } from '../../../platform/config';

const RECORD = {
  voucher_code: 'GW-AVBFBZZH',
  contact_id: 'C-000174',
  amount_cents: 2000,
  reason: 'Geste commercial',
  expires_at: 1798943131,
};

describe('parseVoucherExport', () => {
  it('reads the vouchers of the export, and of a whole CRM dump alike', () => {
    expect(parseVoucherExport(JSON.stringify({ vouchers: [RECORD] }), 'f.json')).toEqual([RECORD]);
    expect(parseVoucherExport(JSON.stringify({ contacts: [], cases: [], vouchers: [RECORD] }), 'dump')).toEqual([RECORD]);
  });

  it('stops the start-up on an export that does not read, naming it and the record', () => {
    expect(() => parseVoucherExport('{', 'f.json')).toThrow(new ConfigError('Invalid CRM voucher export f.json: not JSON'));
    expect(() => parseVoucherExport(JSON.stringify({ vouchers: [{ ...RECORD, amount_cents: -5 }] }), 'f.json')).toThrow(
      /Invalid CRM voucher export f\.json: vouchers\.0\.amount_cents/,
    );
    expect(() => parseVoucherExport(JSON.stringify({}), 'f.json')).toThrow(ConfigError);
  });
});

describe('voucherFromCrm', () => {
  it("is its contact's, for its amount, until it expires, from when the project learned of it", () => {
    expect(voucherFromCrm(RECORD, '2026-12-01T00:00:00.000Z')).toEqual({
      code: 'GW-AVBFBZZH',
      customerId: null,
      contactId: 'C-000174',
      amountCents: 2000,
      reason: 'Geste commercial',
      grantedAt: '2026-12-01T00:00:00.000Z',
      expiresAt: '2027-01-03T02:25:31.000Z',
    });
  });
});
