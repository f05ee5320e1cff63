import { defineMessages } from '../../i18n/index.tsx';

export const chartMessages = defineMessages('charts', {
  savePng: [],
  saveSvg: [],
  solidarity: [],
  other: [],
  proposed: [],
  tier: [],
  tierValue: [],
  tierShare: [],
  tableCaption: [],
  omitted: ['count'],
  empty: [],
  linksTable: [],
  supplier: [],
  buyer: [],
  value: [],
  kind: [],
  tierDirect: [],
  tierN: ['n'],
});
