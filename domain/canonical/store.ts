// A store's canonical id is the POS code 'ST042'; the e-shop writes the same store '042'.
import { badInput } from '../../platform/errors';

const STORE_ID = /^ST(\d{3})$/;
const ESHOP_CODE = /^\d{3}$/;

export function isStoreId(id: string): boolean {
  return STORE_ID.test(id);
}

/** A store id a client sent: BAD_USER_INPUT unless it has the canonical form. */
export function storeIdFromInput(id: string): string {
  if (!isStoreId(id)) throw badInput(`Invalid store id "${id}": expected ST followed by three digits`);
  return id;
}

/** 'ST042' -> '042' */
export function storeIdToEshopCode(id: string): string {
  const match = STORE_ID.exec(id);
  if (!match) throw new RangeError(`Not a store id: ${JSON.stringify(id)}`);
  return match[1];
}

/** '042' -> 'ST042' */
export function eshopCodeToStoreId(code: string): string {
  if (!ESHOP_CODE.test(code)) throw new RangeError(`Not an e-shop store code: ${JSON.stringify(code)}`);
  return `ST${code}`;
}
