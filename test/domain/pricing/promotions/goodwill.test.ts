import { grantGoodwill, type GoodwillDeps } from '../../../../domain/pricing/promotions/goodwill';

const AT = '2026-12-02T10:00:00.000Z';

function world(contacts: string[] = ['C-000123']) {
  const asked: string[] = [];
  const recorded: unknown[] = [];
  const deps: GoodwillDeps = {
    customer: async (id) => (asked.push(`customer ${id}`), { id, crmContactIds: contacts }),
    crm: {
      grantGoodwill: async (grant) => (
        asked.push(`grant ${grant.contact_id} ${grant.amount_cents} ${grant.reason}`),
        { voucher_code: 'GW-1', amount_cents: grant.amount_cents, expires_at: 1_800_000_000 }
      ),
    },
    vouchers: { record: async (voucher) => void recorded.push(voucher) },
  };
  return { deps, asked, recorded };
}

it("grants the voucher to the customer's contact, and records it as theirs", async () => {
  const { deps, asked, recorded } = world();
  const voucher = await grantGoodwill(deps, { customerId: 'cus_1', amountCents: 1500, reason: ' Colis abîmé ' }, AT);
  expect(asked).toEqual(['customer cus_1', 'grant C-000123 1500 Colis abîmé']);
  expect(voucher).toEqual({
    code: 'GW-1',
    customerId: 'cus_1',
    contactId: 'C-000123',
    amountCents: 1500,
    reason: 'Colis abîmé',
    grantedAt: AT,
    expiresAt: '2027-01-15T08:00:00.000Z',
  });
  expect(recorded).toEqual([voucher]);
});

it('refuses bad input before anything is asked, and a customer without a contact before the CRM is', async () => {
  const bad = world();
  await expect(grantGoodwill(bad.deps, { customerId: 'cus_1', amountCents: 0, reason: 'x' }, AT)).rejects.toThrow(/amount/);
  expect(bad.asked).toEqual([]);
  const noContact = world([]);
  await expect(grantGoodwill(noContact.deps, { customerId: 'cus_1', amountCents: 100, reason: 'x' }, AT)).rejects.toThrow(
    /no call center contact/,
  );
  expect(noContact.asked).toEqual(['customer cus_1']);
  expect(noContact.recorded).toEqual([]);
});
