// The two kinds of order id the graph accepts: the e-shop's (web and phone orders) and the POS
// receipt's (store sales).
import { badInput } from '../../platform/errors';

export const WEB_ORDER_ID = /^W-\d{4}-\d{6}$/;
const RECEIPT_ID = /^ST\d{3}-\d{8}-\d{4}$/;

export function orderIdKind(id: string): 'web' | 'receipt' {
  if (WEB_ORDER_ID.test(id)) return 'web';
  if (RECEIPT_ID.test(id)) return 'receipt';
  throw badInput(`Invalid order id "${id}": expected W-YYYY-NNNNNN or a store receipt id like ST042-20261101-0042`);
}

/** The store a receipt id names (ST042-20261101-0042: ST042). */
export const receiptStore = (receiptId: string) => receiptId.slice(0, receiptId.indexOf('-'));
