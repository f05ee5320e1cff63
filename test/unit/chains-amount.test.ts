import { describe, expect, it } from 'vitest';
import { amountText, parseAmount } from '../../renderer/src/features/chains/amount.ts';

describe('amounts typed in each language', () => {
  it('reads decimals and thousands as the locale writes them', () => {
    expect(parseAmount('1.250,5', 'pt-BR')).toBe(1250.5);
    expect(parseAmount('1,250.5', 'en-GB')).toBe(1250.5);
    expect(parseAmount('2,5', 'pt-BR')).toBe(2.5);
    expect(parseAmount('2,5', 'en-GB')).toBe(2.5);
    expect(parseAmount('2.5', 'fr-FR')).toBe(2.5);
    expect(parseAmount('1.000', 'pt-BR')).toBe(1000);
    expect(parseAmount('1,000', 'en-GB')).toBe(1000);
    expect(parseAmount('12 000', 'fr-FR')).toBe(12000);
    expect(parseAmount('1.000.000', 'es')).toBe(1000000);
  });
  it('keeps unknown apart from zero and flags what is not a number', () => {
    expect(parseAmount('  ', 'pt-BR')).toBeUndefined();
    expect(parseAmount('0', 'pt-BR')).toBe(0);
    expect(parseAmount('abc', 'en-GB')).toBeNaN();
    expect(parseAmount('1,2,3', 'en-GB')).toBeNaN();
    expect(parseAmount('-4', 'en-GB')).toBe(-4);
  });
  it('writes a stored number back so that it reads the same', () => {
    for (const locale of ['pt-BR', 'en-GB', 'fr-FR', 'es']) {
      for (const n of [0, 2.5, 1250.75, 400]) expect(parseAmount(amountText(n, locale), locale)).toBe(n);
    }
    expect(amountText(null, 'pt-BR')).toBe('');
  });
});
