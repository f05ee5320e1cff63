/**
 * Whether an imported enterprise is a solidarity enterprise is a person's decision, made once
 * per file (ENGINE.md keeps `solidarity` a boolean; "not yet decided" is stored beside it as
 * `classified = 0`, and counts as not solidarity until someone decides). Browser-safe: the
 * Import screen shows the same rule the core applies.
 */
export type SolidarityAnswer = 'yes' | 'no' | 'unknown';

export type SolidarityDecision =
  /** Every record the file does not classify itself is solidarity (a co-op directory). */
  | { mode: 'yes' }
  /** … is not solidarity (a list of conventional suppliers). */
  | { mode: 'no' }
  /** … is left to classify later (the default when nobody said). */
  | { mode: 'unknown' }
  /**
   * From one column of the file, with a rule value → answer; values the rule does not name
   * get the default rule (`defaultAnswer`), and what it cannot tell stays to classify.
   */
  | { mode: 'column'; column: string; rule?: Record<string, SolidarityAnswer> };

export const SOLIDARITY_MODES = ['yes', 'no', 'column', 'unknown'] as const;

/**
 * The ESSGLOBAL organisational structures (data/vocab/essglobal.json) as a default rule.
 * Why each side:
 * - yes: the forms the RIPESS Global Vision counts as social and solidarity economy: community
 *   groups (OS10), not-for-profits (OS20), social enterprises (OS30), charities (OS40), every kind
 *   of co-operative (OS60–OS115, OS210, OS240), community interest companies and community
 *   benefit societies (OS120, OS130), employee trusts (OS140), mutuals (OS170), and the
 *   co-operative movement's apex bodies, federations and unions (OS180–OS200);
 * - no: "Company (Other)" (OS50, the vocabulary's own word for an ordinary company) and
 *   government agencies (OS220);
 * - to classify: self-employed (OS150), unincorporated (OS160) and supranational (OS230) say
 *   how a body is organised, not whom it serves: a sole trader can be a fair-trade artisan or a
 *   middleman, so a person decides.
 */
export const STRUCTURE_RULE: Readonly<Record<string, SolidarityAnswer>> = {
  OS10: 'yes', OS20: 'yes', OS30: 'yes', OS40: 'yes', OS50: 'no', OS60: 'yes', OS70: 'yes', OS80: 'yes',
  OS90: 'yes', OS100: 'yes', OS110: 'yes', OS115: 'yes', OS120: 'yes', OS130: 'yes', OS140: 'yes',
  OS150: 'unknown', OS160: 'unknown', OS170: 'yes', OS180: 'yes', OS190: 'yes', OS200: 'yes', OS210: 'yes',
  OS220: 'no', OS230: 'unknown', OS240: 'yes',
};

/** The ESSGLOBAL legal forms (L1…L5), by the same reasoning. */
const LEGAL_FORM_RULE: Readonly<Record<string, SolidarityAnswer>> = { L1: 'unknown', L2: 'yes', L3: 'no', L4: 'yes', L5: 'yes' };

const normal = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/**
 * Legal forms written as free text, in the four languages: co-operatives, mutuals,
 * associations and community benefit forms mean yes; the ordinary company forms mean no.
 * Checked in this order, so "Cooperativa … Ltda" (a Brazilian co-op's registered name) is yes.
 */
const YES_WORDS = /\b(co-?op|co-?operative?s?|cooperativ[aeo]s?|coop[eé]rative?s?|scop|scic|mutual|mutuelle|mutualidade|mutualit[eé]|associa[cç][aã]o|asociaci[oó]n|association|community (benefit|interest)|bencom|cic|ips|friendly society|ong|ngo|non-?profit|sem fins lucrativos|sin [aá]nimo de lucro|sans but lucratif|oscip|fundacao|fundaci[oó]n|fondation|foundation|charit(y|able)|economia solid[aá]ria|[eé]conomie solidaire)\b/;
const NO_WORDS = /\b(ltd|limited|plc|llc|inc|corp|corporation|gmbh|s\.?a\.?|s\.?a\.?s\.?|s\.?a\.?r\.?l\.?|s\.?r\.?l\.?|s\.?l\.?|ltda|eireli|mei|me|epp|company|companhia|compa[nñ]ia|soci[eé]t[eé] anonyme|sociedade an[oô]nima|sociedad an[oó]nima|private company|public company|sole trader|empresa privada)\b/;

/**
 * The default rule for one value of the chosen column: a yes/no word in any of the four
 * languages, an ESSGLOBAL organisational structure or legal form (given as its code, already
 * resolved from a label or URI by `toCode`), or a legal form's words. Else 'unknown'.
 */
export function defaultAnswer(value: string, toCode?: (v: string) => string | undefined): SolidarityAnswer {
  const v = normal(value);
  if (v === '') return 'unknown';
  if (YES.has(v)) return 'yes';
  if (NO.has(v)) return 'no';
  const code = (toCode?.(value) ?? value.trim()).toUpperCase();
  if (STRUCTURE_RULE[code]) return STRUCTURE_RULE[code];
  if (LEGAL_FORM_RULE[code]) return LEGAL_FORM_RULE[code];
  if (YES_WORDS.test(v)) return 'yes';
  if (NO_WORDS.test(v)) return 'no';
  return 'unknown';
}

const YES = new Set(['yes', 'y', 'true', '1', 'sim', 'si', 'sí', 'oui', 'x', 'verdadeiro', 'verdadero', 'vrai', 'solidarity', 'solidaria', 'solidario', 'solidaire']);
const NO = new Set(['no', 'n', 'false', '0', 'nao', 'não', 'non', 'falso', 'faux']);

/** `--solidarity yes|no|column:NAME|unknown` → a decision, or undefined when it is none of them. */
export function parseSolidarityFlag(flag: string): SolidarityDecision | undefined {
  const f = flag.trim();
  if (f === 'yes' || f === 'no' || f === 'unknown') return { mode: f };
  const m = /^column:(.+)$/s.exec(f);
  if (m && m[1].trim()) return { mode: 'column', column: m[1].trim() };
  return undefined;
}
