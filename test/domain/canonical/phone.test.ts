import { toE164, toFrenchNational } from '../../../domain/canonical/phone';

describe('toE164', () => {
  it.each(['+33 6 12 34 56 78', '0612345678', '06.12.34.56.78', '06 12 34 56 78', '0033612345678', '+33612345678', '06-12-34-56-78'])(
    '%j -> +33612345678',
    (text) => {
      expect(toE164(text)).toBe('+33612345678');
    },
  );

  it('keeps landlines and foreign numbers', () => {
    expect(toE164('01 23 45 67 89')).toBe('+33123456789');
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
  });

  it.each([null, undefined, '', '   ', 'n/a', '123', '06 12 34 56 7'])('%j -> null', (text) => {
    expect(toE164(text)).toBeNull();
  });
});

describe('toFrenchNational', () => {
  it('writes a French number the way the CRM stores it', () => {
    expect(toFrenchNational('+33612345678')).toBe('06 12 34 56 78');
    expect(toFrenchNational('+33123456789')).toBe('01 23 45 67 89');
  });

  it('writes a foreign number internationally', () => {
    expect(toFrenchNational('+442079460958')).toBe('+44 20 7946 0958');
  });

  it('is null for something that is not a phone', () => {
    expect(toFrenchNational('+33123')).toBeNull();
  });
});
