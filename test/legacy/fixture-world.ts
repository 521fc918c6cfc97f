// A small hand-made world for the simulator tests: a few records per kind, each quirk present once.
import type { World } from '../../legacy/model';

export const CARD = '4000123456781234';
export const EAN_MUG = '3760000000017';
export const EAN_TEA = '3760000000024';
export const EAN_PEN = '3760000000031';

export function fixtureWorld(): World {
  return {
    eshop: {
      products: [
        { sku: 'SKU-100001', ean: EAN_MUG, title: 'Mug', category: 'kitchen', price: '12.50', vat_rate: '20.0', stock: 10, updated_at: '2026-10-01T08:00:00Z' },
        { sku: 'SKU-100002', ean: EAN_TEA, title: 'Tea', category: 'grocery', price: '4.99', vat_rate: '5.5', stock: 0, updated_at: '2026-10-01T08:00:00Z' },
        { sku: 'SKU-100003', ean: EAN_PEN, title: 'Pen', category: 'office', price: '1.20', vat_rate: '20.0', stock: 300, updated_at: '2026-10-01T08:00:00Z' },
      ],
      accounts: [
        { id: 'A-10001', email: 'marie.durand@example.fr', first_name: 'Marie', last_name: 'Durand', phone: '+33 6 12 34 56 78', loyalty_card: '4000-1234-5678-1234', created_at: '2025-01-10T10:00:00Z' },
        { id: 'A-10002', email: 'paul.martin@example.fr', first_name: 'Paul', last_name: 'Martin', phone: '0698765432', loyalty_card: null, created_at: '2025-02-10T10:00:00Z' },
      ],
      orders: [
        {
          id: 'W-2026-000001',
          account_id: 'A-10001',
          status: 'shipped',
          created_at: '2026-09-01T10:00:00Z',
          lines: [{ sku: 'SKU-100001', qty: 2, unit_price: '12.50' }],
          promo_codes: [],
          discount: '0.00',
          total: '25.00',
          shipping: { method: 'home', store_code: null, address: { street: '1 rue de la Paix', zip: '75002', city: 'Paris' } },
          origin: 'web',
        },
        {
          id: 'W-2026-000002',
          account_id: 'A-10001',
          status: 'paid',
          created_at: '2026-10-05T10:00:00Z',
          lines: [
            { sku: 'SKU-100001', qty: 1, unit_price: '12.50' },
            { sku: 'SKU-100003', qty: 3, unit_price: '1.20' },
          ],
          promo_codes: ['WELCOME10'],
          discount: '1.61',
          total: '14.49',
          shipping: { method: 'store_pickup', store_code: '001', address: null },
          origin: 'phone',
        },
      ],
      promotions: [
        { code: 'WELCOME10', kind: 'percent', value: '10', min_basket: '10.00', starts_at: '2026-01-01T00:00:00Z', ends_at: '2026-12-31T23:00:00Z', skus: null, category: null },
      ],
      events: [
        { account_id: 'A-10001', type: 'add_to_cart', sku: 'SKU-100001', store_code: null, at: '2026-08-31T09:00:00Z' },
        { account_id: 'A-10001', type: 'product_view', sku: 'SKU-100001', store_code: null, at: '2026-08-30T09:00:00Z' },
        { account_id: 'A-10001', type: 'store_locator_view', sku: null, store_code: '002', at: '2026-10-01T09:00:00Z' },
        { account_id: 'A-10002', type: 'product_view', sku: 'SKU-100002', store_code: null, at: '2026-10-01T09:00:00Z' },
      ],
      returns: [],
    },
    pos: {
      stores: [
        {
          code: 'ST001',
          name: 'Paris Opéra',
          street: '1 place de l’Opéra',
          zip: '75009',
          city: 'Paris',
          phone: '01 40 00 00 01',
          hours: [
            { day: 'MON', open: '09:00', close: '19:30' },
            { day: 'SAT', open: '10:00', close: '20:00' },
          ],
        },
        { code: 'ST002', name: 'Lyon Part-Dieu', street: '17 rue du Docteur Bouchut', zip: '69003', city: 'Lyon', phone: '04 72 00 00 02', hours: [] },
      ],
      stock: [
        { store: 'ST001', ean: EAN_MUG, qty: 5, reserved: 1 },
        { store: 'ST001', ean: EAN_TEA, qty: 2, reserved: 0 },
        { store: 'ST002', ean: EAN_MUG, qty: 1, reserved: 0 },
      ],
      prices: [
        { store: 'ST001', ean: EAN_MUG, cents: 1290 },
        { store: 'ST001', ean: EAN_TEA, cents: 499 },
        { store: 'ST002', ean: EAN_MUG, cents: 1250 },
      ],
      promotions: [
        { store: 'ST001', id: 'P-1', kind: 'percent', value: '15', ean: EAN_MUG, category: null, from: '2026-11-01 00:00:00', to: '2026-11-30 23:59:59' },
        { store: 'ST002', id: 'P-2', kind: 'second_half_price', value: '50', ean: null, category: 'kitchen', from: '2026-11-01 00:00:00', to: '2026-11-30 23:59:59' },
      ],
      receipts: [
        {
          id: 'ST001-20261101-0001',
          store: 'ST001',
          at: '2026-11-01 14:32:10',
          card: '4000 1234 5678 1234',
          total_cents: 2580,
          deliver: null,
          ref: null,
          lines: [{ ean: EAN_MUG, qty: 2, unit_cents: 1290 }],
        },
        { id: 'ST001-20260301-0001', store: 'ST001', at: '2026-03-01 10:00:00', card: '4000 1234 5678 1234', total_cents: 499, deliver: null, ref: null, lines: [{ ean: EAN_TEA, qty: 1, unit_cents: 499 }] },
      ],
      reservations: [{ id: 'RSV-000001', store: 'ST001', ref: 'W-2026-000002', status: 'held', created_at: '2026-10-05 12:00:00', lines: [{ ean: EAN_MUG, qty: 1 }] }],
      returns: [],
    },
    crm: {
      contacts: [
        { id: 'C-000001', first_name: 'Marie', last_name: 'Durand', phone: '06 12 34 56 78', email: ' Marie.Durand@Example.fr', created_at: 1736503200 },
        { id: 'C-000002', first_name: 'Jean', last_name: 'Durand', phone: '06 12 34 56 78', email: null, created_at: 1736503300 },
        { id: 'C-000003', first_name: 'Paul', last_name: 'Martin', phone: '06 98 76 54 32', email: 'paul@example.fr', created_at: 1736503400 },
      ],
      cases: [
        { id: 'K-5001', contact_id: 'C-000001', subject: 'Late parcel', body: 'Where is it?', status: 'closed', channel: 'phone', opened_at: 1760000000, closed_at: 1760100000 },
        { id: 'K-5002', contact_id: 'C-000001', subject: 'Broken mug', body: 'Arrived broken', status: 'open', channel: 'email', opened_at: 1762000000, closed_at: null },
      ],
      calls: [
        { id: 'CL-1', contact_id: 'C-000001', at: 1760000000, duration_s: 300, agent: 'Sophie', reason: 'delivery' },
        { id: 'CL-2', contact_id: 'C-000001', at: 1762000000, duration_s: 120, agent: 'Luc', reason: 'damaged' },
      ],
      vouchers: [],
    },
    loyalty: {
      members: [
        { card_number: CARD, email: 'Marie.Durand@example.fr ', phone_e164: '+33612345678', first_name: 'Marie', last_name: 'Durand', tier: 'GOLD', points_balance: 120, enrolled_at: '2024-05-01T10:00:00Z' },
        { card_number: '4000123456780001', email: 'jean@example.fr', phone_e164: '+33612345678', first_name: 'Jean', last_name: 'Durand', tier: 'BASIC', points_balance: 0, enrolled_at: '2025-05-01T10:00:00Z' },
      ],
      transactions: [
        { card_number: CARD, id: 'TX-00000001', type: 'EARN', points: 100, channel: 'WEB', external_ref: 'W-2026-000001', at: '2026-09-01T10:00:00Z' },
        { card_number: CARD, id: 'TX-00000002', type: 'EARN', points: 20, channel: 'STORE', external_ref: 'ST001-20261101-0001', at: '2026-11-01T13:32:10Z' },
      ],
      offers: [
        { offer_id: 'OF-101', name: 'Gold mugs', tier: 'GOLD', discount_type: 'PERCENT', value: '20', skus: ['SKU-100001'], category: null, channels: ['ONLINE'], valid_from: '2026-01-01T00:00:00Z', valid_to: '2026-12-31T23:00:00Z' },
        { offer_id: 'OF-102', name: 'Basic tea', tier: 'BASIC', discount_type: 'AMOUNT', value: '1.00', skus: null, category: 'grocery', channels: ['ONLINE', 'INSTORE'], valid_from: '2026-01-01T00:00:00Z', valid_to: '2026-12-31T23:00:00Z' },
      ],
    },
  };
}
