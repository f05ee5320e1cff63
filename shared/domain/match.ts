/**
 * What the matcher says about two records, in a form both the core and the review card read
 * (browser-safe). A decision carries its score and its reasons, one per piece of evidence,
 * so the card can show each in the reader's language and the CLI can print it in English.
 */
export type MatchDecision = 'same' | 'review' | 'new';

export type EvidenceKind =
  | 'id' // the same id, given by the file (never one made from a name)
  | 'source-id' // the same id in the source directory
  | 'name' // names compared without legal-form words
  | 'nickname' // acronyms / short names
  | 'numbers' // unit or branch numbers in the names ("Unit 4" / "Unit 6")
  | 'town'
  | 'postcode'
  | 'country'
  | 'distance'
  | 'phone'
  | 'email'
  | 'website'
  | 'registry';

/** One reason for the score: `verdict` is how this piece of evidence points. */
export interface Evidence {
  kind: EvidenceKind;
  verdict: 'same' | 'similar' | 'different';
  /** Name similarity 0–1, or the distance in km. */
  value?: number;
  /** The two values compared, as the records give them (e.g. two acronyms). */
  a?: string;
  b?: string;
}

/** English phrase for one reason: the CLI and the import report use these. */
export function evidenceText(e: Evidence): string {
  const pair = e.a !== undefined && e.b !== undefined && e.a !== e.b ? ` (${e.a} / ${e.b})` : e.a !== undefined ? ` (${e.a})` : '';
  switch (e.kind) {
    case 'id':
      return 'same id';
    case 'source-id':
      return 'same source id';
    case 'name':
      return e.verdict === 'same' ? 'same name' : `names ${Math.round((e.value ?? 0) * 100)}% alike`;
    case 'distance':
      return `${(e.value ?? 0).toFixed(2)} km apart`;
    case 'numbers':
      return `different numbers in the names${pair}`;
    default:
      return `${e.verdict === 'different' ? 'different' : 'same'} ${e.kind === 'town' ? 'town' : e.kind === 'nickname' ? 'acronym' : e.kind}${pair}`;
  }
}
