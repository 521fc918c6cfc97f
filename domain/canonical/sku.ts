// A SKU from a client goes into the e-shop's URLs; one longer than any real SKU could be is refused
// before it gets there (a long enough one makes the e-shop refuse the request line itself).
import { badInput } from '../../platform/errors';

const MAX_SKU_LENGTH = 64;

export function checkedSku(sku: string): string {
  if (sku.length > MAX_SKU_LENGTH) throw badInput(`A SKU has at most ${MAX_SKU_LENGTH} characters`);
  return sku;
}
