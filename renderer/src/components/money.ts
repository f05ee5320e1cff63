import { useCallback } from 'react';
import { useQuery } from '../api/hooks.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * Amounts in the catalogue's currency of account (catalogue-stats `money`: BRL, EUR…), in the
 * person's locale: "R$ 24.000,00", "24 000,00 €". Without one, a plain number. `digits` is the
 * number of decimals, the same for every amount of a column.
 */
export function useMoney(): { code: string | null; money(v: number | null | undefined, digits?: number): string } {
  const { locale } = useI18n();
  const code = useQuery('catalogue-stats', {}).data?.money ?? null;
  const money = useCallback(
    (v: number | null | undefined, digits = 2) => {
      if (v === null || v === undefined || !Number.isFinite(v)) return '—';
      const plain = { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: 'always' as unknown as boolean };
      if (code) {
        try {
          return new Intl.NumberFormat(locale, { ...plain, style: 'currency', currency: code }).format(v);
        } catch {
          // not a code Intl knows: the plain amount, then the code
          return `${new Intl.NumberFormat(locale, plain).format(v)} ${code}`;
        }
      }
      return new Intl.NumberFormat(locale, plain).format(v);
    },
    [code, locale],
  );
  return { code, money };
}
