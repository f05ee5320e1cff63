import { defineMessages } from '../../i18n/index.tsx';

/**
 * How a result says what an enterprise takes in a currency (issue 13): the share of a price
 * and the products it takes it for. `share` is a number (0.5 is formatted "50 %" in the
 * person's locale); `products` is a list already joined in the person's language.
 */
export const acceptanceMessages = defineMessages({
  en: {
    takes: 'Takes {currency}',
    takesShare: 'Takes up to {share, number, percent} in {currency}',
    takesFor: 'Takes {currency} only for {products}',
    takesShareFor: 'Takes up to {share, number, percent} in {currency}, only for {products}',
  },
  es: {
    takes: 'Acepta {currency}',
    takesShare: 'Acepta hasta un {share, number, percent} en {currency}',
    takesFor: 'Acepta {currency} solo para {products}',
    takesShareFor: 'Acepta hasta un {share, number, percent} en {currency}, solo para {products}',
  },
  pt: {
    takes: 'Aceita {currency}',
    takesShare: 'Aceita até {share, number, percent} em {currency}',
    takesFor: 'Aceita {currency} só para {products}',
    takesShareFor: 'Aceita até {share, number, percent} em {currency}, só para {products}',
  },
  fr: {
    takes: 'Accepte {currency}',
    takesShare: 'Accepte jusqu’à {share, number, percent} en {currency}',
    takesFor: 'Accepte {currency} seulement pour {products}',
    takesShareFor: 'Accepte jusqu’à {share, number, percent} en {currency}, seulement pour {products}',
  },
});
