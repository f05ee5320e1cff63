import { defineMessages } from '../../i18n/index.tsx';

/** The graph view's own sentences (the rest of the Network screen's are in messages.ts). */
export const graphMessages = defineMessages('network.graph', {
  geoNone: ['n'],
  geoSome: ['missing', 'n'],
  useForce: [],
  useTiers: [],
  legendSizeLinks: [],
});
