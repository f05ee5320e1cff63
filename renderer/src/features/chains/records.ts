import { call } from '../../api/client.ts';
import type { FlowFields, NeedFields, OfferFields, StoredFlow, StoredNeed, StoredOffer } from '../../../../shared/contract/chains.ts';

/**
 * The writes of a typed chain and their undos, in one place for the page and the interview.
 * Each write resolves to a function that takes it back: a create is undone by deleting the
 * row, an update by writing the previous record back, a delete by creating the record again at
 * its old row (so a record without an id keeps its position, and the engine's name for it).
 */
export type Undo = () => Promise<unknown>;

/** JSON has no undefined: a stored null becomes a field left out (which the writes read as "not known"). */
function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]: Exclude<T[K], null> };
}

export const offerFields = ({ row: _r, id: _i, certifications, ...o }: StoredOffer): OfferFields =>
  defined({ ...o, certifications: certifications.length ? certifications : undefined });
export const needFields = ({ row: _r, id: _i, ...n }: StoredNeed): NeedFields => n;
export const flowFields = ({ row: _r, id: _i, ...f }: StoredFlow): FlowFields => defined(f);
const restoreKeys = (s: { row: number; id: string | null }) => (s.id === null ? { row: s.row } : { row: s.row, id: s.id });

export async function saveOffer(row: number | null, fields: OfferFields): Promise<Undo> {
  if (row === null) {
    const { offer } = await call('offer-create', fields);
    return () => call('offer-delete', { row: offer.row });
  }
  const { previous } = await call('offer-update', { row, ...fields });
  return () => call('offer-update', { row, ...offerFields(previous) });
}
export async function removeOffer(row: number): Promise<Undo> {
  const { deleted } = await call('offer-delete', { row });
  return () => call('offer-create', { ...offerFields(deleted), ...restoreKeys(deleted) });
}

export async function saveNeed(row: number | null, fields: NeedFields): Promise<Undo> {
  if (row === null) {
    const { need } = await call('need-create', fields);
    return () => call('need-delete', { row: need.row });
  }
  const { previous } = await call('need-update', { row, ...fields });
  return () => call('need-update', { row, ...needFields(previous) });
}
export async function removeNeed(row: number): Promise<Undo> {
  const { deleted } = await call('need-delete', { row });
  return () => call('need-create', { ...needFields(deleted), ...restoreKeys(deleted) });
}

export async function saveFlow(row: number | null, fields: FlowFields): Promise<Undo> {
  if (row === null) {
    const { flow } = await call('flow-create', fields);
    return () => call('flow-delete', { row: flow.row });
  }
  const { previous } = await call('flow-update', { row, ...fields });
  return () => call('flow-update', { row, ...flowFields(previous) });
}
export async function removeFlow(row: number): Promise<Undo> {
  const { deleted } = await call('flow-delete', { row });
  return () => call('flow-create', { ...flowFields(deleted), ...restoreKeys(deleted) });
}
