// What the simulators' seeded data say of a person's orders, computed by the tests themselves
// (the test's own card digits and Paris time conversion, not the code under test's): the truth the
// end-to-end and browser tests compare the graph's answers with.
import { DateTime } from 'luxon';
import type { Person } from '../../legacy/seed';
import { seeded } from './harness';

const { world } = seeded();

const digits = (card: string) => card.replace(/\D/g, '');

const FORMAT = 'yyyy-MM-dd HH:mm:ss';

/**
 * A POS time (Paris wall time, no offset) as an ISO instant: in the autumn's repeated hour, its
 * first occurrence, whatever offset is in force the day the test runs (luxon's pick depends on it).
 */
export function parisToUtc(local: string): string {
  const read = DateTime.fromFormat(local, FORMAT, { zone: 'Europe/Paris' });
  if (!read.isValid) throw new RangeError(`Not a POS time: ${JSON.stringify(local)}`);
  const hourBefore = read.minus({ hours: 1 });
  return (hourBefore.toFormat(FORMAT) === read.toFormat(FORMAT) ? hourBefore : read).toUTC().toISO()!;
}

/** The store receipts of a loyalty card (as digits), as the POS holds them (the card printed in groups): the seed's, or a dump's. */
export function receiptsOfCard<R extends { card: string | null }>(card: string | null, receipts: readonly R[]): R[];
export function receiptsOfCard(card: string | null): (typeof world.pos.receipts)[number][];
export function receiptsOfCard(card: string | null, receipts: readonly { card: string | null }[] = world.pos.receipts) {
  return receipts.filter((r) => card !== null && r.card !== null && digits(r.card) === card);
}

/** A person's orders of every channel, newest first: web and phone orders of their account, receipts of their card. */
export function expectedOrders(p: Person): { id: string; at: string; channel: 'WEB' | 'CALL_CENTER' | 'STORE' }[] {
  const web = world.eshop.orders
    .filter((o) => o.account_id === p.eshopAccountId)
    .map((o) => ({ id: o.id, at: o.created_at, channel: o.origin === 'phone' ? ('CALL_CENTER' as const) : ('WEB' as const) }));
  const store = receiptsOfCard(p.loyaltyCard).map((r) => ({ id: r.id, at: parisToUtc(r.at), channel: 'STORE' as const }));
  return [...web, ...store].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}
