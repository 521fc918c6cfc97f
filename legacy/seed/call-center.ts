// The call center's history: cases, calls (every phone order came with one) and the goodwill
// vouchers agents granted on closing a complaint.
import type { CrmCall, CrmCase, CrmVoucher } from '../../adapters/crm/wire';
import type { CrmData } from '../model';
import { DAY_MS, HOUR_MS, SeedContext, instantBetween, numberByAge } from './context';
import type { Persona } from './people';
import type { OrderDraft } from './web-orders';

const SUBJECTS: { subject: string; complaint: boolean }[] = [
  { subject: 'Retard de livraison', complaint: true },
  { subject: 'Produit défectueux', complaint: true },
  { subject: 'Article manquant dans le colis', complaint: true },
  { subject: 'Remboursement non reçu', complaint: true },
  { subject: 'Question sur la garantie', complaint: false },
  { subject: 'Modification de commande', complaint: false },
  { subject: 'Points fidélité non crédités', complaint: true },
  { subject: 'Disponibilité en magasin', complaint: false },
];
const CALL_REASONS = ['Renseignement produit', 'Suivi de commande', 'Horaires magasin', 'Carte fidélité'];
const s = (ms: number): number => Math.floor(ms / 1000);

export function buildCallCenter(ctx: SeedContext, people: Persona[], drafts: OrderDraft[]): CrmData {
  const { faker } = ctx;
  const agents = Array.from({ length: 10 }, () => `${faker.person.firstName()} ${faker.person.lastName()[0]}.`);
  const lastOrder = new Map<Persona, string>();
  for (const { buyer, order } of drafts) lastOrder.set(buyer, order.id);

  const cases: CrmCase[] = [];
  const calls: CrmCall[] = [];
  const vouchers: CrmVoucher[] = [];
  const call = (contactId: string, ms: number, reason: string): void => {
    calls.push({
      id: '',
      contact_id: contactId,
      at: s(ms),
      duration_s: faker.number.int({ min: 45, max: 1500 }),
      agent: faker.helpers.arrayElement(agents),
      reason,
    });
  };

  for (const person of people) {
    const contact = person.contact;
    if (!contact) continue;
    const from = Math.max(person.contactSinceMs, ctx.startMs);
    const caseCount = faker.helpers.weightedArrayElement([
      { weight: 55, value: 0 },
      { weight: 28, value: 1 },
      { weight: 12, value: 2 },
      { weight: 5, value: 3 },
    ]);
    for (let i = 0; i < caseCount; i++) {
      const { subject, complaint } = faker.helpers.arrayElement(SUBJECTS);
      const opened = instantBetween(ctx, from, ctx.nowMs);
      const closed = opened + faker.number.int({ min: HOUR_MS, max: 10 * DAY_MS });
      const isClosed = closed <= ctx.nowMs && faker.datatype.boolean(0.95);
      const channel = faker.helpers.weightedArrayElement([
        { weight: 60, value: 'phone' as const },
        { weight: 25, value: 'email' as const },
        { weight: 15, value: 'store' as const },
      ]);
      const order = lastOrder.get(person);
      cases.push({
        id: '',
        contact_id: contact.id,
        subject,
        body: order && complaint ? `${subject} concernant la commande ${order}.` : `${subject}. ${faker.lorem.sentence()}`,
        status: isClosed ? 'closed' : 'open',
        channel,
        opened_at: s(opened),
        closed_at: isClosed ? s(closed) : null,
      });
      if (channel === 'phone') call(contact.id, opened, subject);
      if (isClosed && complaint && faker.datatype.boolean(0.25)) {
        vouchers.push({
          voucher_code: `GW-${faker.string.alphanumeric({ length: 8, casing: 'upper' })}`,
          contact_id: contact.id,
          amount_cents: faker.helpers.arrayElement([500, 1000, 1500, 2000]),
          reason: `Geste commercial : ${subject.toLowerCase()}`,
          expires_at: s(closed + 180 * DAY_MS),
        });
      }
    }
    const enquiries = faker.number.int({ max: 2 });
    for (let i = 0; i < enquiries; i++) call(contact.id, instantBetween(ctx, from, ctx.nowMs), faker.helpers.arrayElement(CALL_REASONS));
  }
  for (const { order, ms, buyer } of drafts) {
    if (order.origin === 'phone' && buyer.contact)
      call(buyer.contact.id, ms - faker.number.int({ min: 60_000, max: 600_000 }), 'Commande téléphonique');
  }

  numberByAge(
    cases,
    (c) => c.opened_at,
    (i) => `K-${5001 + i}`,
  );
  numberByAge(
    calls,
    (c) => c.at,
    (i) => `CL-${String(i + 1).padStart(7, '0')}`,
  );
  return { contacts: people.flatMap((p) => (p.contact ? [p.contact] : [])), cases, calls, vouchers };
}
