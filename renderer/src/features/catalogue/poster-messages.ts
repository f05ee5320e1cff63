import { defineMessages } from '../../i18n/index.tsx';

export const posterMessages = defineMessages('catalogue.poster', {
  open: [],
  intro: [],
  print: [],
  kicker: [],
  now: [],
  after: [],
  newSuppliers: [],
  buysFrom: ['product', 'supplier'],
  foot: [],
});
