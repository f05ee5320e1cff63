import { defineMessages } from '../i18n/index.tsx';

export const appMessages = defineMessages('app', {
  home: [],
  search: [],
  directory: [],
  map: [],
  network: [],
  planner: [],
  import: [],
  settings: [],
  searchLabel: [],
  searchPlaceholder: [],
  skip: [],
  notFound: [],
  goHome: [],
  loading: [],
  sampleBanner: [],
  readOnly: [],
  screenFailed: [],
  reload: [],
});
