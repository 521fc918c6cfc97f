import { normalizeEmail } from '../../../domain/canonical/email';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Marie.Dupont@Example.FR ')).toBe('marie.dupont@example.fr');
  });

  it.each([null, undefined, '', '   '])('%j -> null', (text) => {
    expect(normalizeEmail(text)).toBeNull();
  });
});
