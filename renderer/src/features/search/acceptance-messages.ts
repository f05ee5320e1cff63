import { defineMessages } from '../../i18n/index.tsx';

/**
 * How a result says what an enterprise takes in a currency (issue 13): the share of a price
 * and the products it takes it for. `share` is a number (0.5 is formatted "50 %" in the
 * person's locale); `products` is a list already joined in the person's language.
 */
export const acceptanceMessages = defineMessages('search.acceptance', {
  takes: ['currency'],
  takesShare: ['currency', 'share'],
  takesFor: ['currency', 'products'],
  takesShareFor: ['currency', 'products', 'share'],
});
