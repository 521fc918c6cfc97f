import type { CrmCase, CrmContact } from '../../../adapters/crm/wire';
import { callFromCrm, personFromCrmContact, supportCaseFromCrm } from '../../../adapters/crm/mapping';
import type { CrmCallRecord } from '../../../adapters/crm/client';
import { jsonFixture } from '../../fixtures/legacy';

describe('personFromCrmContact', () => {
  it('normalises the typed email and the national phone, and converts epoch seconds', () => {
    expect(personFromCrmContact(jsonFixture<CrmContact>('crm-contact.json'))).toEqual({
      system: 'crm',
      externalId: 'C-000123',
      firstName: 'Marie',
      lastName: 'Dupont',
      email: 'marie.dupont@example.fr',
      phone: '+33612345678',
      card: null,
      createdAt: '2025-03-02T10:00:00.000Z',
    });
  });

  it('has no email when the CRM has none', () => {
    expect(personFromCrmContact(jsonFixture<CrmContact>('crm-contact-no-email.json')).email).toBeNull();
  });
});

describe('supportCaseFromCrm', () => {
  const [open, closed] = jsonFixture<CrmCase[]>('crm-cases.json');

  it('maps an open case', () => {
    expect(supportCaseFromCrm(open)).toEqual({
      id: 'K-5522',
      contactId: 'C-000123',
      subject: 'Colis non reçu',
      body: 'Commande W-2026-000123',
      status: 'OPEN',
      channel: 'PHONE',
      openedAt: '2026-11-01T13:32:10.000Z',
      closedAt: null,
    });
  });

  it('maps a closed case with its closing time', () => {
    expect(supportCaseFromCrm(closed)).toMatchObject({
      status: 'CLOSED',
      channel: 'STORE',
      openedAt: '2026-09-21T14:13:20.000Z',
      closedAt: '2026-09-22T14:13:20.000Z',
    });
  });
});

describe('callFromCrm', () => {
  it('gives each call of call.list the contact it was asked for, and converts epoch seconds', () => {
    const calls = jsonFixture<CrmCallRecord[]>('crm-calls.json').map((c) => callFromCrm(c, 'C-000123'));
    expect(calls).toEqual([
      {
        id: 'CL-0000412',
        contactId: 'C-000123',
        at: '2025-11-01T12:26:40.000Z',
        durationSeconds: 312,
        agent: 'Sophie M.',
        reason: 'Suivi de commande',
      },
      {
        id: 'CL-0000077',
        contactId: 'C-000123',
        at: '2025-05-31T14:00:00.000Z',
        durationSeconds: 45,
        agent: 'Luc B.',
        reason: 'Horaires magasin',
      },
    ]);
  });
});
