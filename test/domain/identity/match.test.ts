import fc from 'fast-check';
import type { PersonRecord } from '../../../domain/types';
import { person } from './records';
import { cluster, matchKeys, samePerson } from '../../../domain/identity/match';
import { nameKey } from '../../../domain/identity/normalize';

describe('nameKey', () => {
  it.each([
    [' Lefèvre ', 'lefevre'],
    ['LEFEVRE', 'lefevre'],
    ['Du  Pré', 'du pre'],
    ['Noël-Çelik', 'noel-celik'],
  ])('%j -> %j', (raw, key) => expect(nameKey(raw)).toBe(key));

  it.each([null, undefined, '', '   '])('has no key for %j', (raw) => expect(nameKey(raw)).toBeNull());
});

describe('samePerson', () => {
  it('matches emails that differ in case and stray spaces', () => {
    const shop = person({ system: 'eshop', externalId: 'A-1', email: 'marie.durand@example.fr' });
    const loyalty = person({ system: 'loyalty', externalId: '4000123456781234', email: ' Marie.Durand@Example.FR ' });
    expect(samePerson(shop, loyalty)).toBe('email');
  });

  it('matches a card typed with spaces or dashes', () => {
    const shop = person({ system: 'eshop', externalId: 'A-1', card: '4000-1234-5678-1234' });
    const loyalty = person({ system: 'loyalty', externalId: '4000123456781234', card: '4000 1234 5678 1234' });
    expect(samePerson(shop, loyalty)).toBe('card');
  });

  it('keeps a household sharing a phone apart when last names differ', () => {
    const a = person({ system: 'crm', externalId: 'C-1', phone: '+33612345678', firstName: 'Marie', lastName: 'Durand' });
    const b = person({ system: 'loyalty', externalId: '4000123456781234', phone: '+33612345678', firstName: 'Marie', lastName: 'Martin' });
    expect(samePerson(a, b)).toBeNull();
  });

  it('matches a phone plus the same first and last names, whatever their accents and case', () => {
    const a = person({ system: 'crm', externalId: 'C-1', phone: '06 12 34 56 78', firstName: 'Hélène', lastName: 'Lefèvre' });
    const b = person({ system: 'eshop', externalId: 'A-1', phone: '+33612345678', firstName: 'HELENE', lastName: ' LEFEVRE ' });
    expect(samePerson(a, b)).toBe('phone+name');
  });

  it('keeps a household sharing a phone and a last name apart when first names differ', () => {
    const alberic = person({
      system: 'loyalty',
      externalId: '4000576317375799',
      phone: '+33770641414',
      firstName: 'Albéric',
      lastName: 'Le roux',
    });
    const manon = person({
      system: 'loyalty',
      externalId: '4000544840996407',
      phone: '+33770641414',
      firstName: 'Manon',
      lastName: 'Le roux',
    });
    expect(samePerson(alberic, manon)).toBeNull();
  });

  it('keeps namesakes sharing a phone apart when their records carry different emails or different cards', () => {
    const jean = { phone: '+33612345678', firstName: 'Jean', lastName: 'Dupont' };
    const father = person({ system: 'loyalty', externalId: '4000000000000001', card: '4000000000000001', email: 'jean@x.fr', ...jean });
    const son = person({ system: 'eshop', externalId: 'A-2', email: 'jean.dupont@y.fr', ...jean });
    const sonsCard = person({ system: 'loyalty', externalId: '4000000000000002', card: '4000000000000002', ...jean });
    expect(samePerson(father, son)).toBeNull();
    expect(samePerson(father, sonsCard)).toBeNull();
    expect(samePerson(son, sonsCard)).toBe('phone+name');
  });

  it('never matches on a phone when a first name is missing', () => {
    const a = person({ system: 'crm', externalId: 'C-1', phone: '+33612345678', lastName: 'Durand', firstName: null });
    const b = person({ system: 'eshop', externalId: 'A-1', phone: '+33612345678', lastName: 'Durand', firstName: 'Marie' });
    expect(samePerson(a, b)).toBeNull();
  });

  it('gives the strongest shared key as the reason', () => {
    const a = person({ system: 'eshop', externalId: 'A-1', email: 'x@y.fr', card: '4000123456781234' });
    const b = person({ system: 'loyalty', externalId: '4000123456781234', email: 'x@y.fr', card: '4000123456781234' });
    expect(samePerson(a, b)).toBe('email');
  });

  it('does not match records with nothing in common', () => {
    const a = person({ system: 'eshop', externalId: 'A-1', email: 'a@y.fr', lastName: 'Durand' });
    const b = person({ system: 'crm', externalId: 'C-1', email: 'b@y.fr', lastName: 'Durand' });
    expect(samePerson(a, b)).toBeNull();
  });
});

describe('cluster', () => {
  const crm = person({ system: 'crm', externalId: 'C-1', phone: '+33612345678', firstName: 'Marie', lastName: 'Durand' });
  const bridge = person({
    system: 'eshop',
    externalId: 'A-1',
    email: 'marie@example.fr',
    phone: '+33612345678',
    firstName: 'marie',
    lastName: 'DURAND',
  });
  const loyalty = person({ system: 'loyalty', externalId: '4000123456781234', email: 'Marie@Example.fr' });
  const housemate = person({
    system: 'loyalty',
    externalId: '4000999988887777',
    phone: '+33612345678',
    firstName: 'Paul',
    lastName: 'Durand',
  });

  it('links transitively through a bridging record and keeps a housemate of the same last name apart', () => {
    expect(cluster([loyalty, housemate, crm, bridge])).toEqual([[crm, bridge, loyalty], [housemate]]);
  });

  it('never lets a record without email or card join two namesakes who carry different ones', () => {
    const jean = { phone: '+33612345678', firstName: 'Jean', lastName: 'Dupont' };
    const father = person({ system: 'loyalty', externalId: '4000000000000001', card: '4000000000000001', email: 'jean@x.fr', ...jean });
    const son = person({ system: 'eshop', externalId: 'A-2', email: 'jean.dupont@y.fr', ...jean });
    const contact = person({ system: 'crm', externalId: 'C-9', ...jean });
    const groups = cluster([son, contact, father]);
    expect(groups).toHaveLength(2);
    expect(groups.find((g) => g.includes(father))).not.toContain(son);
  });

  it('gives the same groups, in the same order, whatever the input order', () => {
    const pool = {
      email: fc.constantFrom(null, 'a@x.fr', 'b@x.fr'),
      phone: fc.constantFrom(null, '+33612345678', '+33700000001'),
      card: fc.constantFrom(null, '4000123456781234', '4000000000000002'),
      firstName: fc.constantFrom(null, 'Marie', 'marie', 'Paul'),
      lastName: fc.constantFrom(null, 'Durand', 'durand', 'Martin'),
    };
    const records = fc
      .uniqueArray(fc.record({ system: fc.constantFrom(...(['eshop', 'crm', 'loyalty'] as const)), externalId: fc.string(), ...pool }), {
        selector: (r) => `${r.system}/${r.externalId}`,
        maxLength: 12,
      })
      .map((rs) => rs.map((r) => person(r)));
    fc.assert(
      fc.property(records, fc.func(fc.integer()), (rs, rank) => {
        const shuffled = [...rs].sort((a, b) => rank(a) - rank(b));
        const groups = cluster(rs);
        expect(cluster(shuffled)).toEqual(groups);
        // two groups hold records that match each other only by phone and name, when both carry other emails or cards
        const carried = (g: PersonRecord[], key: 'email' | 'card') => new Set(g.map((r) => matchKeys(r)[key]).filter((k) => k !== null));
        const conflict = (g: PersonRecord[], h: PersonRecord[]) =>
          (['email', 'card'] as const).some((key) => carried(g, key).size > 0 && carried(h, key).size > 0);
        groups.forEach((g, i) =>
          groups.slice(i + 1).forEach((h) =>
            g.forEach((a) =>
              h.forEach((b) => {
                const reason = samePerson(a, b);
                if (reason !== null) expect([reason, conflict(g, h)]).toEqual(['phone+name', true]);
              }),
            ),
          ),
        );
      }),
    );
  });
});
