import { defineMessages } from '../../i18n/index.tsx';

/** The Planner's currency question (ENGINE.md §3.8 from the shop's side): what it could pay in each currency it holds. */
export const payableMessages = defineMessages('planner.payable', {
  payableTitle: [],
  payableLead: ['name'],
  payableNone: ['name'],
  payableHeld: ['share'],
  payableNotHeld: ['name'],
  payableTotal: ['payable', 'share', 'total'],
  payableCount: ['count'],
  payableNoPurchases: ['currency'],
  payableEarn: ['currency', 'earn', 'stuck'],
  payableEarnAll: ['currency', 'earn'],
  payableUnvalued: ['count'],
  supplier: [],
  product: [],
  value: [],
  share: [],
  payable: [],
});
