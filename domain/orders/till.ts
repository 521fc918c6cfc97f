// The POS till pays a return back at its store's shelf price of each unit (refund="till"), which
// is not always what was paid: a promotion, a price changed since the sale. It is asked to pay
// only when the two agree; otherwise it takes the goods back and pays nothing (refund="none"), and
// the refund owed is the one the graph answers and records.
import type { PosLineQuantity } from '../../adapters/pos/client';
import type { CommerceDeps } from './deps';

export type RefundAt = 'till' | 'none';

export async function refundAt(
  deps: CommerceDeps,
  storeId: string,
  lines: readonly PosLineQuantity[],
  owedCents: number,
): Promise<RefundAt> {
  const shelf = new Map((await deps.pos.getPrices(storeId)).map((p) => [p.ean, p.cents]));
  const tillCents = lines.reduce((sum, l) => sum + l.qty * (shelf.get(l.ean) ?? 0), 0);
  return tillCents === owedCents ? 'till' : 'none';
}
