import { checkedEan, gs1CheckDigit, isValidEan } from '../../../domain/canonical/ean';

const code = (f: () => unknown) => {
  try {
    f();
    return 'accepted';
  } catch (err) {
    return (err as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('gs1CheckDigit', () => {
  it('is the GS1 mod-10 digit of EAN-13 and EAN-8 payloads (published examples)', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1); // 4006381333931
    expect(gs1CheckDigit('590123412345')).toBe(7); // 5901234123457
    expect(gs1CheckDigit('9638507')).toBe(4); // EAN-8 96385074
    expect(gs1CheckDigit('7351353')).toBe(7); // EAN-8 73513537
  });
});

describe('checkedEan', () => {
  it('takes 13 or 8 digits with their check digit, the spaces around them left out', () => {
    expect(checkedEan(' 4006381333931 ')).toBe('4006381333931');
    expect(checkedEan('96385074')).toBe('96385074');
    expect(isValidEan('5901234123457')).toBe(true);
  });

  it('refuses any other length, anything but digits, and a wrong check digit, as BAD_USER_INPUT', () => {
    for (const bad of [
      '',
      '400638133393',
      '40063813339312',
      '4006381333932',
      '96385075',
      '4006 381333931',
      'ABCDEFGHIJKLM',
      '１２３４５６７８',
    ])
      expect([bad, code(() => checkedEan(bad))]).toEqual([bad, 'BAD_USER_INPUT']);
  });
});
