import { formatCardForPos, normalizeCard } from '../../../domain/canonical/card';

describe('normalizeCard', () => {
  it.each(['4000123456781234', '4000 1234 5678 1234', '4000-1234-5678-1234', ' 4000.1234.5678.1234 ', '4000  1234-5678 1234'])(
    '%j -> 16 digits',
    (text) => {
      expect(normalizeCard(text)).toBe('4000123456781234');
    },
  );

  it.each([null, undefined, '', '4000 1234 5678 123', '4000 1234 5678 12345', '4000 1234 5678 123A', '4000/1234/5678/1234'])(
    '%j -> null',
    (text) => {
      expect(normalizeCard(text)).toBeNull();
    },
  );
});

describe('formatCardForPos', () => {
  it('writes groups of four', () => {
    expect(formatCardForPos('4000123456781234')).toBe('4000 1234 5678 1234');
  });

  it('refuses anything but 16 digits', () => {
    expect(() => formatCardForPos('4000 1234 5678 1234')).toThrow(RangeError);
    expect(() => formatCardForPos('400012345678123')).toThrow(RangeError);
  });

  it('round-trips with normalizeCard', () => {
    expect(normalizeCard(formatCardForPos('4000123456781234'))).toBe('4000123456781234');
  });
});
