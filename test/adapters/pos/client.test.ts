import nock from 'nock';
import { parsePosXml } from '../../../adapters/pos/xml';
import { PosClient } from '../../../adapters/pos/client';
import { LegacyRejectedError, LegacyUnavailableError, MalformedAnswerError } from '../../../platform/errors';
import { fixture } from '../../fixtures/legacy';
import { expectMalformed, useLoggedGuard } from '../malformed';
import { useNock } from '../nock-lifecycle';

useNock();

const BASE = 'http://pos.test';
const pos = () => new PosClient(BASE, 1000);
const xml = (body: string) => [200, body, { 'Content-Type': 'application/xml' }] as const;
const INJECTION = `"/><line ean="666" qty="999"/><x a="</sale>&amp;'`;

describe('PosClient reading', () => {
  it('lists stores, each hours element in an array', async () => {
    nock(BASE)
      .get('/pos/stores')
      .reply(...xml(fixture('pos-stores.xml')));
    const stores = await pos().listStores();
    expect(stores.map((s) => s.code)).toEqual(['ST042', 'ST007']);
    expect(stores[0].name).toBe('Paris Rivoli & Halles');
    expect(stores[0].hours).toHaveLength(3);
    expect(stores[1]).toMatchObject({ phone: '', hours: [{ day: 'WED', open: '10:00', close: '18:00' }] });
  });

  it('gives arrays for a single store with a single hours element', async () => {
    nock(BASE)
      .get('/pos/stores')
      .reply(...xml(fixture('pos-stores-one.xml')));
    const stores = await pos().listStores();
    expect(stores).toEqual([
      {
        code: 'ST042',
        name: 'Paris Rivoli',
        street: '10 rue de Rivoli',
        zip: '75004',
        city: 'Paris',
        phone: '01 42 00 00 42',
        hours: [{ day: 'MON', open: '09:00', close: '19:30' }],
      },
    ]);
  });

  it('answers an empty list for an empty element', async () => {
    nock(BASE)
      .get('/pos/stores')
      .reply(...xml('<stores/>'));
    expect(await pos().listStores()).toEqual([]);
  });

  it('reads stock with numbers as numbers and EANs as text', async () => {
    nock(BASE)
      .get('/pos/stores/ST042/stock')
      .query({ ean: '0012345678905' })
      .reply(...xml(fixture('pos-stock-one.xml')));
    expect(await pos().getStock('ST042', ['0012345678905'])).toEqual([{ store: 'ST042', ean: '0012345678905', qty: 7, reserved: 0 }]);
  });

  it('asks stock 200 EANs at a time and merges the answers', async () => {
    const eans = Array.from({ length: 450 }, (_, i) => String(3000000000000 + i));
    const asked: number[] = [];
    nock(BASE)
      .get('/pos/stores/ST042/stock')
      .query(true)
      .times(3)
      .reply(200, (uri) => {
        const chunk = new URL(uri, BASE).searchParams.get('ean')!.split(',');
        asked.push(chunk.length);
        return `<stock store="ST042"><item ean="${chunk[0]}" qty="1" reserved="0"/></stock>`;
      });
    const stock = await pos().getStock('ST042', eans);
    expect(asked.sort()).toEqual([200, 200, 50]);
    expect(stock.map((s) => s.ean)).toEqual([eans[0], eans[200], eans[400]]);
  });

  it('reads prices and promotions of a store', async () => {
    nock(BASE)
      .get('/pos/prices')
      .query({ store: 'ST042' })
      .reply(...xml(fixture('pos-prices.xml')));
    nock(BASE)
      .get('/pos/promotions')
      .query({ store: 'ST042' })
      .reply(...xml(fixture('pos-promotions.xml')));
    expect(await pos().getPrices('ST042')).toEqual([
      { store: 'ST042', ean: '3017620422003', cents: 3790 },
      { store: 'ST042', ean: '0012345678905', cents: 15 },
    ]);
    const promotions = await pos().getPromotions('ST042');
    expect(promotions[0]).toEqual({
      store: 'ST042',
      id: 'P-77',
      kind: 'percent',
      value: '15',
      ean: '3017620422003',
      category: null,
      from: '2026-11-01 00:00:00',
      to: '2026-11-30 23:59:59',
    });
    expect(promotions[1]).toMatchObject({ ean: null, category: 'kitchen', kind: 'second_half_price' });
  });

  it('lists the receipts of a card since a day', async () => {
    nock(BASE)
      .get('/pos/receipts')
      .query({ card: '4000123456781234', from: '2026-10-01' })
      .reply(...xml(fixture('pos-receipts.xml')));
    const receipts = await pos().listReceipts('4000123456781234', '2026-10-01');
    expect(receipts[0]).toEqual({
      id: 'ST042-20261101-0042',
      store: 'ST042',
      at: '2026-11-01 14:32:10',
      card: '4000 1234 5678 1234',
      total_cents: 4590,
      deliver: null,
      ref: null,
      lines: [
        { ean: '3017620422003', qty: 1, unit_cents: 3790 },
        { ean: '0012345678905', qty: 2, unit_cents: 500 },
      ],
    });
    expect(receipts[1]).toMatchObject({ deliver: 'home', lines: [{ ean: '3017620422003', qty: 1, unit_cents: 1999 }] });
  });

  it('gets one receipt, its single line in an array', async () => {
    nock(BASE)
      .get('/pos/receipts/ST007-20260714-0003')
      .reply(...xml(fixture('pos-receipt.xml')));
    expect(await pos().getReceipt('ST007-20260714-0003')).toMatchObject({
      card: null,
      ref: 'RSV-55',
      lines: [{ ean: '0012345678905', qty: 3, unit_cents: 500 }],
    });
  });
});

describe('PosClient errors in a 200', () => {
  it('answers null for a receipt the POS does not know', async () => {
    nock(BASE)
      .get('/pos/receipts/ST042-20261101-9999')
      .reply(...xml(fixture('pos-error-not-found.xml')));
    expect(await pos().getReceipt('ST042-20261101-9999')).toBeNull();
  });

  it('rejects a reservation with insufficient_stock', async () => {
    nock(BASE)
      .post('/pos/reservations')
      .reply(...xml(fixture('pos-error-insufficient-stock.xml')));
    const err = await pos()
      .createReservation('ST042', 'W-2026-000124', [{ ean: '3017620422003', qty: 2 }])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LegacyRejectedError);
    expect(err).toMatchObject({ system: 'pos', legacyCode: 'insufficient_stock' });
  });

  it('is unavailable on an internal_error body', async () => {
    nock(BASE)
      .get('/pos/stores')
      .reply(...xml(fixture('pos-error-internal.xml')));
    await expect(pos().listStores()).rejects.toBeInstanceOf(LegacyUnavailableError);
  });

  it('is unavailable on a body that is not XML, or not the expected XML', async () => {
    nock(BASE)
      .get('/pos/stores')
      .reply(...xml('<stores><store code="ST042">'));
    nock(BASE)
      .get('/pos/prices')
      .query(true)
      .reply(...xml('<stock store="ST042"/>'));
    await expect(pos().listStores()).rejects.toBeInstanceOf(LegacyUnavailableError);
    await expect(pos().getPrices('ST042')).rejects.toBeInstanceOf(LegacyUnavailableError);
  });

  it('tells an answer it cannot read from a lost one: the POS did answer (a write was done)', async () => {
    nock(BASE)
      .post('/pos/sales')
      .reply(...xml('<receipt id="ST042-20261101-0042" store="ST042'));
    nock(BASE)
      .post('/pos/returns')
      .reply(...xml('<ok/>'));
    const sale = { store: 'ST042', card: null, deliver: 'home' as const, lines: [{ ean: '0012345678905', qty: 1, unit_cents: 100 }] };
    await expect(pos().createSale(sale)).rejects.toBeInstanceOf(MalformedAnswerError);
    const request = { store: 'ST042', ref: 'W-2026-000001', refund: 'none' as const, lines: [{ ean: '0012345678905', qty: 1 }] };
    await expect(pos().createReturn(request)).rejects.toBeInstanceOf(MalformedAnswerError);
  });

  it('reads the error body of an HTTP error status too', async () => {
    nock(BASE).get('/pos/receipts/ST042-20261101-9999').reply(404, fixture('pos-error-not-found.xml'));
    expect(await pos().getReceipt('ST042-20261101-9999')).toBeNull();
  });

  it('is unavailable on a 500', async () => {
    nock(BASE).get('/pos/stores').reply(500, 'oops');
    await expect(pos().listStores()).rejects.toBeInstanceOf(LegacyUnavailableError);
  });
});

describe('PosClient writing', () => {
  it('sends a reservation and reads its state', async () => {
    let sent = '';
    nock(BASE)
      .post('/pos/reservations', (body: string) => ((sent = body), true))
      .matchHeader('Content-Type', /application\/xml/)
      .reply(...xml('<reservation id="RSV-1" status="held"/>'));
    const state = await pos().createReservation('ST042', 'W-2026-000124', [{ ean: '3017620422003', qty: 2 }]);
    expect(state).toEqual({ id: 'RSV-1', status: 'held' });
    expect(parsePosXml(sent)).toEqual({
      reservation: { store: 'ST042', ref: 'W-2026-000124', line: { ean: '3017620422003', qty: '2' } },
    });
  });

  it('keeps an injection string inside its attribute', async () => {
    let sent = '';
    nock(BASE)
      .post('/pos/sales', (body: string) => ((sent = body), true))
      .reply(...xml(fixture('pos-receipt.xml')));
    await pos().createSale({
      store: 'ST042',
      card: INJECTION,
      deliver: 'home',
      lines: [{ ean: '3017620422003', qty: 1, unit_cents: 1999 }],
    });
    expect(sent).not.toContain('<line ean="666"');
    const sale = parsePosXml(sent).sale as Record<string, unknown>;
    expect(sale.card).toBe(INJECTION);
    expect(sale.deliver).toBe('home');
    expect(sale.line).toEqual({ ean: '3017620422003', qty: '1', unit_cents: '1999' });
  });

  it('leaves out a sale card and delivery it does not have', async () => {
    let sent = '';
    nock(BASE)
      .post('/pos/sales', (body: string) => ((sent = body), true))
      .reply(...xml(fixture('pos-receipt.xml')));
    const receipt = await pos().createSale({
      store: 'ST007',
      card: null,
      deliver: null,
      lines: [{ ean: '0012345678905', qty: 3, unit_cents: 500 }],
    });
    expect(receipt.id).toBe('ST007-20260714-0003');
    expect(parsePosXml(sent).sale).not.toHaveProperty('card');
    expect(parsePosXml(sent).sale).not.toHaveProperty('deliver');
  });

  it('sets prices and answers how many were updated', async () => {
    let sent = '';
    nock(BASE)
      .post('/pos/prices', (body: string) => ((sent = body), true))
      .query({ store: 'ST042' })
      .reply(...xml('<ok updated="2"/>'));
    const updated = await pos().setPrices('ST042', [
      { ean: '3017620422003', cents: 3790 },
      { ean: '0012345678905', cents: 15 },
    ]);
    expect(updated).toBe(2);
    expect(sent).toBe('<prices><price ean="3017620422003" cents="3790"/><price ean="0012345678905" cents="15"/></prices>');
  });

  it('releases and collects reservations', async () => {
    nock(BASE)
      .post('/pos/reservations/RSV-1/release')
      .reply(...xml('<reservation id="RSV-1" status="released"/>'));
    nock(BASE)
      .post('/pos/reservations/RSV-2/collect')
      .reply(...xml('<reservation id="RSV-2" status="collected"/>'));
    expect(await pos().releaseReservation('RSV-1')).toEqual({ id: 'RSV-1', status: 'released' });
    expect(await pos().collectReservation('RSV-2')).toEqual({ id: 'RSV-2', status: 'collected' });
  });

  it('records a return with an escaped reference and who refunds it', async () => {
    let sent = '';
    nock(BASE)
      .post('/pos/returns', (body: string) => ((sent = body), true))
      .reply(...xml('<return id="RT-9" refund_cents="1999"/>'));
    const receipt = await pos().createReturn({ store: 'ST042', ref: INJECTION, refund: 'none', lines: [{ ean: '3017620422003', qty: 1 }] });
    expect(receipt).toEqual({ id: 'RT-9', refund_cents: 1999 });
    expect(parsePosXml(sent).return as Record<string, unknown>).toMatchObject({ ref: INJECTION, refund: 'none' });
  });
});

describe('PosClient, when an answer cannot be decoded', () => {
  const loggedGuard = useLoggedGuard('pos');

  it('is the POS being unavailable, logged with its route, for stores, stock, promotions, receipts and a reservation', async () => {
    const logged = loggedGuard();
    const client = new PosClient(BASE, 1000, logged.guard);
    nock(BASE)
      .get('/pos/stores')
      .reply(...xml('<stores><store code="ST042"><name>Lyon</name><hours day="FUNDAY" open="09:00" close="19:00"/></store></stores>'));
    nock(BASE)
      .get('/pos/stores/ST042/stock')
      .query(true)
      .reply(...xml('<stock store="ST042"><item ean="3000000000017" qty="three" reserved="0"/></stock>'));
    nock(BASE)
      .get('/pos/promotions')
      .query(true)
      .reply(
        ...xml('<promotions><promo id="P-1" kind="bogo" value="1" from="2026-11-01 00:00:00" to="2026-12-01 00:00:00"/></promotions>'),
      );
    nock(BASE)
      .get('/pos/receipts')
      .query(true)
      .reply(...xml('<receipts><receipt id="R-1" store="ST042"'));
    nock(BASE)
      .post('/pos/reservations')
      .reply(...xml('<reservation id="RSV-1" status="lost"/>'));

    await expectMalformed(client.listStores(), logged, 'GET /pos/stores');
    await expectMalformed(client.getStock('ST042', ['3000000000017']), logged, 'GET /pos/stores/{}/stock');
    await expectMalformed(client.getPromotions('ST042'), logged, 'GET /pos/promotions');
    await expectMalformed(client.listReceipts('4000123456781234', '2026-11-01'), logged, 'GET /pos/receipts');
    await expectMalformed(client.createReservation('ST042', 'W-1', [{ ean: '3000000000017', qty: 1 }]), logged, 'POST /pos/reservations');
  });
});
