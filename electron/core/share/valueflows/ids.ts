/**
 * The IRIs a Teia ValueFlows file names its records by: a URN per kind, so that a reader gets
 * Teia's own ids back and two exports of one catalogue name the same thing alike.
 */
export const VF = 'https://w3id.org/valueflows/ont/vf#';
const PREFIX = { agent: 'urn:teia:enterprise:', spec: 'urn:teia:product:', flow: 'urn:teia:flow:', offer: 'urn:teia:offer:', need: 'urn:teia:need:' } as const;
export type IriKind = keyof typeof PREFIX;

export const iri = (kind: IriKind, id: string) => PREFIX[kind] + encodeURIComponent(id);

/** The Teia id in an IRI of that kind; a foreign IRI is kept whole as the id. */
export function idOf(kind: IriKind, value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  return value.startsWith(PREFIX[kind]) ? decodeURIComponent(value.slice(PREFIX[kind].length)) : value;
}
