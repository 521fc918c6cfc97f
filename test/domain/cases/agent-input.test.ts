import { checkedText } from '../../../domain/canonical/text';
import { checkedGoodwill, MAX_GOODWILL_CENTS } from '../../../domain/pricing/promotions/goodwill';
import { checkedNewCase } from '../../../domain/cases/openCase';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return { code: (err as { extensions: { code: string } }).extensions.code, message: (err as Error).message };
  }
  return null;
};

describe('what an agent types', () => {
  it('is kept trimmed, from 1 to the field’s length', () => {
    expect(checkedText('reason', '  Colis abîmé \n', 20)).toBe('Colis abîmé');
    expect(checkedText('reason', 'x'.repeat(20), 20)).toHaveLength(20);
  });

  it.each([
    ['nothing', ''],
    ['blanks only', ' \t\n '],
    ['one character too many', 'x'.repeat(21)],
  ])('is refused with the field named when it is %s', (_, value) => {
    expect(refusal(() => checkedText('reason', value, 20))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'reason must have 1 to 20 characters',
    });
  });

  it('keeps tabs and line breaks inside, and refuses every other control character (whatever gateway let it through)', () => {
    expect(checkedText('reason', 'Colis\tabîmé\r\nà la livraison', 40)).toBe('Colis\tabîmé\r\nà la livraison');
    for (const control of ['\u0000', '\u0007', '\u000b', '\u001b[31m', '\u001f']) {
      expect(refusal(() => checkedText('reason', `Colis${control}abîmé`, 40))).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'reason has control characters (other than tab and line breaks)',
      });
    }
  });

  it('opens a case with a subject of up to 200 characters and a body of up to 5000', () => {
    expect(checkedNewCase(' Retard ', ' Colis en retard ')).toEqual({ subject: 'Retard', body: 'Colis en retard' });
    expect(refusal(() => checkedNewCase('x'.repeat(201), 'body'))?.message).toMatch(/^subject/);
    expect(refusal(() => checkedNewCase('subject', 'x'.repeat(5001)))?.message).toMatch(/^body/);
  });

  it('grants goodwill of whole cents, 1 to the most an agent may give, with a reason', () => {
    expect(checkedGoodwill(1500, ' Retard ')).toEqual({ amountCents: 1500, reason: 'Retard' });
    for (const amount of [0, -5, 10.5, MAX_GOODWILL_CENTS + 1, Number.NaN]) {
      expect(refusal(() => checkedGoodwill(amount, 'Retard'))).toEqual({
        code: 'BAD_USER_INPUT',
        message: `amount is in cents, from 1 to ${MAX_GOODWILL_CENTS}`,
      });
    }
    expect(refusal(() => checkedGoodwill(1500, ''))?.message).toMatch(/^reason/);
  });
});
