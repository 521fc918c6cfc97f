// A loyalty card is 16 digits. Customers type it with spaces, dashes or dots; the POS prints it
// in groups of four.

const SEPARATORS = /[\s.-]/g;
const CARD = /^\d{16}$/;

/** '4000 1234-5678.1234' -> '4000123456781234', or null when it is not a card number. */
export function normalizeCard(text: string | null | undefined): string | null {
  if (!text) return null;
  const digits = text.replace(SEPARATORS, '');
  return CARD.test(digits) ? digits : null;
}

/** '4000123456781234' -> '4000 1234 5678 1234', as the POS writes it. */
export function formatCardForPos(digits: string): string {
  if (!CARD.test(digits)) throw new RangeError('Not a 16-digit card number');
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}
