// Goodwill vouchers the CRM granted before go-live (the CRM cannot list them; its export is read at
// start-up): honoured in every channel by the amount the CRM holds, once, and for their holder only.
import type { Person } from '../../legacy/seed';
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, inEverySilo, seeded, startTestStack } from './harness';

const { world, truth } = seeded();
const CHANNELS = ['WEB', 'STORE', 'CALL_CENTER'] as const;
const storeId = world.pos.stores[0].code;
const QUOTE = `query($input: QuoteInput!) { quote(input: $input) {
  appliedPromotions { promotion { id source } amount { centAmount } } rejectedPromoCodes { code reason } total { centAmount } } }`;
const ADDRESS = { street: '5 quai Voltaire', zip: '75007', city: 'Paris' };
/** Dear enough that no voucher of the CRM's (20.00 at most) is capped by what the promotions leave. */
const lines = world.eshop.products
  .filter((p) => Number(p.price) >= 30)
  .slice(0, 3)
  .map((p) => ({ sku: p.sku, quantity: 2 }));

interface CrmVoucher {
  voucher_code: string;
  contact_id: string;
  amount_cents: number;
  expires_at: number;
}

let stack: Stack;
let vouchers: CrmVoucher[];

const holderOf = (v: CrmVoucher) => truth.find((p) => p.crmContactId === v.contact_id)!;
/** Vouchers of people in every silo (they can order on the web), valid for another day or over. */
const ofHolders = (valid: boolean) =>
  vouchers.filter((v) => inEverySilo(holderOf(v)) && v.expires_at > Date.now() / 1000 + 86_400 === valid);

async function customerId(p: Person): Promise<string> {
  const { data } = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: p.loyaltyCard });
  return data.findCustomers[0].id;
}

async function quoted(channel: string, customer: string, promoCodes: string[] = [], store: string | null = storeId) {
  const { data, errors } = await gql(stack, QUOTE, { input: { channel, storeId: store, customerId: customer, lines, promoCodes } });
  expect(errors).toBeUndefined();
  return data.quote;
}

beforeAll(async () => {
  stack = await startTestStack();
  vouchers = (await dump(stack, 'crm')).vouchers;
});
afterAll(() => stack.close());

it('honours a voucher granted before go-live in every channel, by the amount the CRM holds', async () => {
  const [voucher] = ofHolders(true);
  const id = await customerId(holderOf(voucher));
  for (const channel of CHANNELS) {
    const without = await quoted(channel, id);
    const withIt = await quoted(channel, id, [voucher.voucher_code]);
    expect(withIt.rejectedPromoCodes).toEqual([]);
    expect(withIt.appliedPromotions).toContainEqual({
      promotion: { id: `crm:${voucher.voucher_code}`, source: 'crm' },
      amount: { centAmount: voucher.amount_cents },
    });
    expect(withIt.total.centAmount).toBe(without.total.centAmount - voucher.amount_cents);
  }
  const offers = await gql(stack, 'query($id: ID!) { customer(id: $id) { offers(channel: STORE) { id } } }', { id });
  expect(offers.data.customer.offers).toContainEqual({ id: `crm:${voucher.voucher_code}` });
});

it('takes it off the order it pays, once', async () => {
  const voucher = ofHolders(true)[1];
  const id = await customerId(holderOf(voucher));
  const without = await quoted('CALL_CENTER', id, [], null);
  const { data, errors } = await gql(stack, 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', {
    input: {
      channel: 'CALL_CENTER',
      customerId: id,
      lines,
      promoCodes: [voucher.voucher_code],
      fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS },
      idempotencyKey: `crm-voucher-${voucher.voucher_code}`,
    },
  });
  expect(errors).toBeUndefined();
  const placed = (await dump(stack, 'eshop')).orders.find((o: any) => o.id === data.placeOrder.id);
  expect(placed).toMatchObject({
    account_id: holderOf(voucher).eshopAccountId,
    total: ((without.total.centAmount - voucher.amount_cents) / 100).toFixed(2),
  });
  const again = await quoted('WEB', id, [voucher.voucher_code]);
  expect(again.appliedPromotions.some((a: any) => a.promotion.source === 'crm')).toBe(false);
  expect(again.rejectedPromoCodes.map((r: any) => r.code)).toEqual([voucher.voucher_code]);
});

it('refuses it to anyone else, and an expired one as EXPIRED', async () => {
  const [voucher, theirs] = ofHolders(true);
  const [expired] = ofHolders(false).filter((v) => v.expires_at < Date.now() / 1000);
  const other = await quoted('WEB', await customerId(holderOf(theirs)), [voucher.voucher_code]);
  expect(other.rejectedPromoCodes).toEqual([{ code: voucher.voucher_code, reason: 'NOT_FOR_THIS_CUSTOMER' }]);
  const late = await quoted('WEB', await customerId(holderOf(expired)), [expired.voucher_code]);
  expect(late.rejectedPromoCodes).toEqual([{ code: expired.voucher_code, reason: 'EXPIRED' }]);
});
