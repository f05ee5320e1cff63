import { defineMessages } from '../../i18n/index.tsx';

/**
 * What the Network screen says when flows carry no value (issue 15): what is missing, the price
 * that fixes it in place, and the figures that mean nothing for such data.
 */
export const unvaluedMessages = defineMessages('network.unvalued', {
  one: ['count', 'product'],
  many: ['count'],
  noMoney: [],
  price: ['product', 'unit'],
  currency: [],
  unit: [],
  apply: ['count'],
  flowsOf: ['count'],
  noQuantity: ['count'],
  moreProducts: ['count'],
  valued: ['count', 'price', 'product'],
  undo: [],
  undone: [],
  badPrice: [],
  badCurrency: [],
  noCommunities: [],
  noSalesValue: [],
});
