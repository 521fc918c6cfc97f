// Legacy amounts travel as decimal strings ("19.99"); the project computes in integer cents.
// Both directions work on the digits, never through a float, so 0.10 stays 10 cents.
import type { Cents } from '../types';

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "19.99" -> 1999, "5" -> 500, "1234.5" -> 123450; anything else throws. */
export function decimalToCents(decimal: string): Cents {
  const match = DECIMAL.exec(decimal.trim());
  if (!match) throw new RangeError(`Not a decimal amount: ${JSON.stringify(decimal)}`);
  const [, sign, units, fraction = ''] = match;
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount out of range: ${decimal}`);
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** 1999 -> "19.99", 5 -> "0.05", -250 -> "-2.50". */
export function centsToDecimal(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const magnitude = Math.abs(cents);
  const units = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${units}.${fraction}`;
}
