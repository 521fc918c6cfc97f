// Phones are compared in E.164; French is the default country for numbers typed without one.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Free text ('06.12.34.56.78', '0033612345678', '+33 6 12 34 56 78'...) -> '+33612345678', or null. */
export function toE164(text: string | null | undefined): string | null {
  if (!text) return null;
  const phone = parsePhoneNumberFromString(text, 'FR');
  return phone?.isValid() ? phone.number : null;
}

/**
 * '+33612345678' -> '06 12 34 56 78', the form the CRM stores and searches. A foreign number has
 * no French national form; it is written internationally, which is how the CRM keeps those.
 */
export function toFrenchNational(e164: string): string | null {
  const phone = parsePhoneNumberFromString(e164, 'FR');
  if (!phone?.isValid()) return null;
  return phone.country === 'FR' ? phone.formatNational() : phone.formatInternational();
}
