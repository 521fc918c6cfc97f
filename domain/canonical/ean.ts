// A product's EAN as a client types or scans it (EAN-13, or EAN-8 on small packs): the catalogue
// is looked up only with one that could exist, its GS1 check digit right.
import { badInput } from '../../platform/errors';

/** The GS1 mod-10 check digit of a payload: weights 3, 1, 3, ... from its rightmost digit. */
export function gs1CheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) sum += Number(payload[payload.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export const isValidEan = (ean: string): boolean =>
  /^(\d{8}|\d{13})$/.test(ean) && gs1CheckDigit(ean.slice(0, -1)) === Number(ean[ean.length - 1]);

/** The EAN without the spaces around it; BAD_USER_INPUT unless 8 or 13 digits with a right check digit. */
export function checkedEan(ean: string): string {
  const digits = ean.trim();
  if (!/^(\d{8}|\d{13})$/.test(digits)) throw badInput('An EAN has 8 or 13 digits');
  if (!isValidEan(digits)) throw badInput(`${digits} is not an EAN: its check digit is wrong`);
  return digits;
}
