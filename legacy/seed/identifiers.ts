// The same phone, email or card as each legacy system writes it (reference, "Common facts"):
// these variants are what identity matching has to see through.
import type { Faker } from '@faker-js/faker';
import { parsePhoneNumberWithError } from 'libphonenumber-js';

export interface Phone {
  e164: string; // loyalty: +33612345678
  national: string; // CRM: 06 12 34 56 78
  international: string; // +33 6 12 34 56 78
  digits: string; // 0612345678
}

export function frenchPhone(digits: string): Phone {
  const parsed = parsePhoneNumberWithError(digits, 'FR');
  return {
    e164: parsed.number,
    national: parsed.formatNational(),
    international: parsed.formatInternational(),
    digits,
  };
}

/** The e-shop's free-text phone field. */
export function typedPhone(faker: Faker, phone: Phone): string {
  return faker.helpers.arrayElement([phone.international, phone.digits, phone.national.replace(/ /g, '.'), phone.national, phone.e164]);
}

/** An email as typed into loyalty or the CRM: same address, any case, stray spaces. */
export function typedEmail(faker: Faker, email: string): string {
  const [local, domain] = email.split('@');
  const cased = faker.helpers.weightedArrayElement([
    { weight: 4, value: email },
    { weight: 3, value: `${local.replace(/(^|[._-])([a-z])/g, (m) => m.toUpperCase())}@${domain}` },
    { weight: 1, value: email.toUpperCase() },
    { weight: 1, value: `${local}@${domain[0].toUpperCase()}${domain.slice(1)}` },
  ]);
  return faker.helpers.weightedArrayElement([
    { weight: 6, value: cased },
    { weight: 1, value: `${cased} ` },
    { weight: 1, value: ` ${cased}` },
  ]);
}

const groupsOfFour = (card: string): string[] => card.match(/\d{4}/g) ?? [];

/** A receipt prints the card in groups of four: 4000 1234 5678 1234. */
export const printedCard = (card: string): string => groupsOfFour(card).join(' ');

/** A card number as an e-shop customer typed it on their account. */
export function typedCard(faker: Faker, card: string): string {
  return groupsOfFour(card).join(faker.helpers.arrayElement([' ', '-', '']));
}
