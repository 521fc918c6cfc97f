// The ledger under the concurrency ingestion gives it: store-days saved in parallel share the cards
// of shoppers who visit several stores.
import { freshDb } from '../../../databases';
import { RopoLedger } from '../../../../domain/journey/ropo/ledger';

it('saves store-days in parallel whose receipts share cards, without a deadlock', async () => {
  const db = await freshDb();
  const ledger = await RopoLedger.open(db);
  const cards = Array.from({ length: 600 }, (_, i) => String(4000_0000_0000_0000 + i * 7919));
  // a fixed pseudo-random draw: each store-day holds its own subset of the cards, in its own order
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const days = Array.from({ length: 40 }, (_, d) => {
    const held = cards.filter(() => random() < 0.1 + 0.8 * random()).sort(() => random() - 0.5);
    return held.map((card, line) => ({
      receiptId: `ST${String(d).padStart(3, '0')}-20260301-0001`,
      line,
      store: `ST${String(d).padStart(3, '0')}`,
      at: '2026-03-01T10:00:00.000Z',
      card,
      ean: 'E1',
      qty: 1,
      paidCents: 100,
    }));
  });
  const saved = await Promise.allSettled(
    days.map((lines, d) => ledger.saveStoreDay(lines[0].store, '2026-03-01', lines, { lastSeq: d, closed: true })),
  );
  expect(saved.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
  expect((await ledger.receiptCards()).length).toBe(new Set(days.flat().map((l) => l.card)).size);
});
