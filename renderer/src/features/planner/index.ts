export { default as PlannerPage } from './PlannerPage.tsx';
export { toChanges, defaultQuantity, clampQuantity, linksOf, type Decision, type Decisions } from './decisions.ts';
export { toCsv, csvCell } from './csv.ts';
export { PlannerLink } from './PlannerLink.tsx';
