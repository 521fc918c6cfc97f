// The people behind the records. Each person exists in one to four systems (e-shop account,
// CRM contact, loyalty member; in store they are their loyalty card), every system holding
// its own spelling of their identifiers. Some households share a phone.
import type { CrmContact } from '../../adapters/crm/wire';
import type { EshopAccount } from '../../adapters/eshop/wire';
import type { LoyaltyMember } from '../../adapters/loyalty/wire';
import { DAY_MS, SeedContext, instantBetween, numberByAge } from './context';
import { Phone, frenchPhone, typedCard, typedEmail, typedPhone } from './identifiers';

export interface Persona {
  id: number;
  firstName: string;
  lastName: string;
  /** The address itself, lower-case: what each system spells its own way. */
  email: string;
  phone: Phone;
  address: { street: string; zip: string; city: string };
  homeStore: number;
  householdId: number | null;
  account: EshopAccount | null;
  accountSinceMs: number;
  contact: CrmContact | null;
  contactSinceMs: number;
  member: LoyaltyMember | null;
  memberSinceMs: number;
}

/** Share of people living with someone already generated, sharing their phone. */
const HOUSEHOLD_RATE = 0.15;
/** Of those, the share also sharing the last name (spouses, siblings). */
const SAME_NAME_RATE = 0.4;

export function buildPeople(ctx: SeedContext, count: number): Persona[] {
  const { faker } = ctx;
  const unique = uniqueDraw();
  const people: Persona[] = [];
  let households = 0;

  for (let id = 1; id <= count; id++) {
    const previous = people[people.length - 1];
    const cohabits = previous !== undefined && previous.householdId === null && faker.datatype.boolean(HOUSEHOLD_RATE);
    if (cohabits) previous.householdId = ++households;

    const lastName = cohabits && faker.datatype.boolean(SAME_NAME_RATE) ? previous.lastName : faker.person.lastName();
    // Two people of one household never share both names: they stay two people.
    let firstName = faker.person.firstName();
    while (cohabits && firstName === previous.firstName) firstName = faker.person.firstName();
    const homeStore = cohabits ? previous.homeStore : faker.number.int({ max: ctx.stores.length - 1 });
    const store = ctx.stores[homeStore];
    const person: Persona = {
      id,
      firstName,
      lastName,
      email: unique('email', () => faker.internet.email({ firstName, lastName }).toLowerCase()),
      phone: cohabits
        ? previous.phone
        : frenchPhone(unique('phone', () => `0${faker.helpers.arrayElement(['6', '6', '7'])}${faker.string.numeric(8)}`)),
      address: cohabits ? previous.address : { street: faker.location.streetAddress(), zip: store.zip, city: store.city },
      homeStore,
      householdId: cohabits ? households : null,
      account: null,
      accountSinceMs: 0,
      contact: null,
      contactSinceMs: 0,
      member: null,
      memberSinceMs: 0,
    };
    enrol(ctx, person, unique);
    people.push(person);
  }
  shareAMailbox(people);
  numberByAge(
    people.flatMap((p) => (p.account ? [p.account] : [])),
    (a) => a.created_at,
    (i) => `A-${10001 + i}`,
  );
  numberByAge(
    people.flatMap((p) => (p.contact ? [p.contact] : [])),
    (c) => c.created_at,
    (i) => `C-${String(101 + i).padStart(6, '0')}`,
  );
  return people;
}

/**
 * One household shares a mailbox: the second of them gave the loyalty programme the first one's
 * email, while their own e-shop account carries their card. The matching rules join the two (an
 * email is one person's), and only an agent can tell them apart. No draw: the rest of the seed stays as it was.
 */
function shareAMailbox(people: Persona[]): void {
  const sharing = people.find((p, i) => {
    const first = people[i - 1];
    return (
      p.householdId !== null &&
      first?.householdId === p.householdId &&
      p.member &&
      p.account?.loyalty_card &&
      (first.account || first.member)
    );
  });
  if (sharing) sharing.member!.email = people[people.indexOf(sharing) - 1].email;
}

/** Opens the person's records in one to four systems. */
function enrol(ctx: SeedContext, person: Persona, unique: ReturnType<typeof uniqueDraw>): void {
  const { faker } = ctx;
  let inEshop = faker.datatype.boolean(0.72);
  const inLoyalty = faker.datatype.boolean(0.6);
  const inCrm = faker.datatype.boolean(0.4);
  if (!inEshop && !inLoyalty && !inCrm) inEshop = true;
  // Customers signed up up to a year before the history starts, and until yesterday.
  const since = (): number => instantBetween(ctx, ctx.startMs - 365 * DAY_MS, ctx.nowMs - DAY_MS);

  if (inLoyalty) {
    person.memberSinceMs = since();
    person.member = {
      card_number: unique('card', () => `4000${faker.string.numeric(12)}`),
      email: typedEmail(faker, person.email),
      phone_e164: person.phone.e164,
      first_name: person.firstName,
      last_name: person.lastName,
      tier: 'BASIC', // set by the ledger
      points_balance: 0, // set by the ledger
      enrolled_at: new Date(person.memberSinceMs).toISOString(),
    };
  }
  if (inEshop) {
    person.accountSinceMs = since();
    const card = person.member?.card_number;
    person.account = {
      id: '', // numbered by age once everyone is in
      email: person.email,
      first_name: person.firstName,
      last_name: person.lastName,
      phone: typedPhone(faker, person.phone),
      loyalty_card: card && faker.datatype.boolean(0.75) ? typedCard(faker, card) : null,
      created_at: new Date(person.accountSinceMs).toISOString(),
    };
  }
  if (inCrm) {
    person.contactSinceMs = since();
    person.contact = {
      id: '',
      first_name: person.firstName,
      last_name: person.lastName,
      phone: person.phone.national,
      email: faker.datatype.boolean(0.55) ? typedEmail(faker, person.email) : null,
      created_at: Math.floor(person.contactSinceMs / 1000),
    };
  }
}

/** Draws until the value was never drawn before, per kind (emails, phones, cards). */
function uniqueDraw() {
  const seen = new Map<string, Set<string>>();
  return (kind: string, draw: () => string): string => {
    const taken = seen.get(kind) ?? seen.set(kind, new Set()).get(kind)!;
    let value = draw();
    while (taken.has(value)) value = draw();
    taken.add(value);
    return value;
  };
}
