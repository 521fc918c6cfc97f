import { XMLParser } from 'fast-xml-parser';
import { startSimulator, type SimHandle } from '../../legacy';
import { EAN_MUG, EAN_PEN, EAN_TEA, fixtureWorld } from './fixture-world';
import { control } from './sim-client';

// Attribute values stay strings, as XML has them.
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['store', 'hours', 'item', 'price', 'promo', 'receipt', 'line'].includes(name),
});

let pos: SimHandle;
beforeAll(async () => {
  pos = await startSimulator('pos', { world: fixtureWorld() });
});
afterAll(() => pos.close());
beforeEach(() => control(pos, 'reset'));

async function call(path: string, body?: string) {
  const res = await fetch(
    pos.url + path,
    body === undefined ? {} : { method: 'POST', body, headers: { 'content-type': 'application/xml' } },
  );
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/xml/);
  const text = await res.text();
  return { text, doc: xml.parse(text) };
}

async function stock(store: string, ...eans: string[]) {
  const { doc } = await call(`/pos/stores/${store}/stock?ean=${eans.join(',')}`);
  return (doc.stock.item ?? []) as { ean: string; qty: string; reserved: string }[];
}

describe('POS simulator', () => {
  it('lists stores with their opening hours; a closed day has no hours element', async () => {
    const { doc, text } = await call('/pos/stores');
    expect(doc.stores.store.map((s: { code: string }) => s.code)).toEqual(['ST001', 'ST002']);
    expect(doc.stores.store[0]).toMatchObject({ name: 'Paris Opéra', zip: 75009, city: 'Paris' });
    expect(doc.stores.store[0].hours).toEqual([
      { day: 'MON', open: '09:00', close: '19:30' },
      { day: 'SAT', open: '10:00', close: '20:00' },
    ]);
    expect(doc.stores.store[1].hours).toBeUndefined();
    expect(text).toContain('<hours day="MON" open="09:00" close="19:30"/>');
  });

  it('gives stock for known EANs and leaves unknown ones out', async () => {
    const { text } = await call(`/pos/stores/ST001/stock?ean=${EAN_MUG},${EAN_PEN},${EAN_TEA}`);
    expect(text).toBe(
      `<stock store="ST001"><item ean="${EAN_MUG}" qty="5" reserved="1"/><item ean="${EAN_TEA}" qty="2" reserved="0"/></stock>`,
    );
  });

  it('answers errors with HTTP 200 and an <error/> body', async () => {
    expect((await call('/pos/stores/ST999/stock?ean=1')).doc.error.code).toBe('not_found');
    expect((await call('/pos/receipts/NOPE')).doc.error.code).toBe('not_found');
    const tooMany = Array.from({ length: 201 }, (_, i) => String(i)).join(',');
    expect((await call(`/pos/stores/ST001/stock?ean=${tooMany}`)).doc.error.code).toBe('bad_request');
    expect((await call('/pos/sales', 'not xml <')).doc.error.code).toBe('bad_request');
  });

  it('reads and writes shelf prices per store', async () => {
    expect((await call('/pos/prices?store=ST002')).text).toBe(`<prices store="ST002"><price ean="${EAN_MUG}" cents="1250"/></prices>`);
    const { text } = await call(
      '/pos/prices?store=ST002',
      `<prices><price ean="${EAN_MUG}" cents="1199"/><price ean="${EAN_TEA}" cents="450"/></prices>`,
    );
    expect(text).toBe('<ok updated="2"/>');
    const prices = (await call('/pos/prices?store=ST002')).doc.prices.price;
    expect(prices).toEqual([
      { ean: EAN_MUG, cents: '1199' },
      { ean: EAN_TEA, cents: '450' },
    ]);
  });

  it('lists a store’s promotions, by EAN or by category', async () => {
    expect((await call('/pos/promotions?store=ST002')).text).toBe(
      `<promotions><promo id="P-2" kind="second_half_price" value="50" category="kitchen" from="2026-11-01 00:00:00" to="2026-11-30 23:59:59"/></promotions>`,
    );
  });

  it('finds receipts by card digits whatever the spacing, from a date', async () => {
    const all = (await call('/pos/receipts?card=4000123456781234')).doc.receipts.receipt;
    expect(all.map((r: { id: string }) => r.id)).toEqual(['ST001-20260301-0001', 'ST001-20261101-0001']);
    const recent = (await call('/pos/receipts?card=4000%201234%205678%201234&from=2026-10-01')).doc.receipts.receipt;
    expect(recent).toEqual([
      {
        id: 'ST001-20261101-0001',
        store: 'ST001',
        at: '2026-11-01 14:32:10',
        card: '4000 1234 5678 1234',
        total_cents: '2580',
        line: [{ ean: EAN_MUG, qty: '2', unit_cents: '1290' }],
      },
    ]);
    expect((await call('/pos/receipts/ST001-20261101-0001')).doc.receipt[0].total_cents).toBe('2580');
  });

  it('holds stock for a reservation, and an insufficient one changes nothing', async () => {
    const held = await call(
      '/pos/reservations',
      `<reservation store="ST001" ref="W-2026-000099"><line ean="${EAN_MUG}" qty="3"/></reservation>`,
    );
    expect(held.doc.reservation).toMatchObject({ status: 'held' });
    expect(held.doc.reservation.id).toMatch(/^RSV-\d+$/);
    expect(await stock('ST001', EAN_MUG)).toEqual([{ ean: EAN_MUG, qty: '5', reserved: '4' }]);

    const refused = await call(
      '/pos/reservations',
      `<reservation store="ST001" ref="W-2026-000100"><line ean="${EAN_TEA}" qty="1"/><line ean="${EAN_MUG}" qty="2"/></reservation>`,
    );
    expect(refused.doc.error.code).toBe('insufficient_stock');
    expect(await stock('ST001', EAN_MUG, EAN_TEA)).toEqual([
      { ean: EAN_MUG, qty: '5', reserved: '4' },
      { ean: EAN_TEA, qty: '2', reserved: '0' },
    ]);
    const dump = await control(pos, 'dump');
    expect(dump.reservations).toHaveLength(2);
    expect(dump.reservations[1]).toMatchObject({ store: 'ST001', ref: 'W-2026-000099', status: 'held', lines: [{ ean: EAN_MUG, qty: 3 }] });
  });

  it('releases a held reservation once', async () => {
    expect((await call('/pos/reservations/RSV-000001/release', '')).text).toBe('<reservation id="RSV-000001" status="released"/>');
    expect(await stock('ST001', EAN_MUG)).toEqual([{ ean: EAN_MUG, qty: '5', reserved: '0' }]);
    expect((await call('/pos/reservations/RSV-000001/release', '')).doc.error.code).toBe('invalid_state');
    expect((await call('/pos/reservations/RSV-999999/release', '')).doc.error.code).toBe('not_found');
  });

  it('collects a reservation: stock leaves the shelf and a receipt at the shelf price is written', async () => {
    expect((await call('/pos/reservations/RSV-000001/collect', '')).text).toBe('<reservation id="RSV-000001" status="collected"/>');
    expect(await stock('ST001', EAN_MUG)).toEqual([{ ean: EAN_MUG, qty: '4', reserved: '0' }]);
    const { receipts } = await control(pos, 'dump');
    expect(receipts[2]).toMatchObject({
      store: 'ST001',
      card: null,
      ref: 'W-2026-000002',
      total_cents: 1290,
      lines: [{ ean: EAN_MUG, qty: 1, unit_cents: 1290 }],
    });
    expect(receipts[2].id).toMatch(/^ST001-\d{8}-0001$/);
    expect(receipts[2].at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await call('/pos/reservations/RSV-000001/collect', '')).doc.error.code).toBe('invalid_state');
  });

  it('sells in store for home delivery: a receipt with the card in groups of four, stock decremented', async () => {
    const { doc } = await call(
      '/pos/sales',
      `<sale store="ST001" card="4000123456781234" deliver="home"><line ean="${EAN_TEA}" qty="2" unit_cents="450"/></sale>`,
    );
    expect(doc.receipt[0]).toMatchObject({
      store: 'ST001',
      card: '4000 1234 5678 1234',
      total_cents: '900',
      deliver: 'home',
      line: [{ ean: EAN_TEA, qty: '2', unit_cents: '450' }],
    });
    expect(await stock('ST001', EAN_TEA)).toEqual([{ ean: EAN_TEA, qty: '0', reserved: '0' }]);
    expect((await call('/pos/sales', `<sale store="ST001"><line ean="${EAN_TEA}" qty="1" unit_cents="450"/></sale>`)).doc.error.code).toBe(
      'insufficient_stock',
    );
    const cardReceipts = (await call('/pos/receipts?card=4000-1234-5678-1234')).doc.receipts.receipt;
    expect(cardReceipts).toHaveLength(3);
  });

  it('takes goods back: the till pays the shelf price of that store, or nothing with refund="none"; stock goes up', async () => {
    const own = await call('/pos/returns', `<return store="ST001" ref="ST001-20261101-0001"><line ean="${EAN_MUG}" qty="1"/></return>`);
    expect(own.doc.return).toMatchObject({ refund_cents: '1290' });
    expect(own.doc.return.id).toMatch(/^RT-\d+$/);
    const elsewhere = await call(
      '/pos/returns',
      `<return store="ST002" ref="ST001-20261101-0001" refund="till"><line ean="${EAN_MUG}" qty="1"/></return>`,
    );
    expect(elsewhere.doc.return.refund_cents).toBe('1250');
    const web = await call(
      '/pos/returns',
      `<return store="ST002" ref="W-2026-000001" refund="none"><line ean="${EAN_MUG}" qty="2"/></return>`,
    );
    expect(web.doc.return.refund_cents).toBe('0');
    expect(await stock('ST002', EAN_MUG)).toEqual([{ ean: EAN_MUG, qty: '4', reserved: '0' }]);
    const { returns } = await control(pos, 'dump');
    expect(returns.map((r: { refund_cents: number }) => r.refund_cents)).toEqual([1290, 1250, 0]);
    const bad = await call(
      '/pos/returns',
      `<return store="ST002" ref="W-2026-000001" refund="cash"><line ean="${EAN_MUG}" qty="1"/></return>`,
    );
    expect(bad.doc.error).toBeDefined();
  });
});
