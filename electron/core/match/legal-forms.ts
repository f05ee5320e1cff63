/**
 * Legal-form words and their abbreviations, in English, Spanish, Portuguese and French (with
 * the German and a few other forms that turn up in the same directories). They say what kind
 * of body an enterprise is, not which one: "Société coopérative Agricole du Sud" and
 * "Coopérative Agricole du Sud Ltd" are the same co-op. Written as they are after
 * `foldText` (lower case, no accents, punctuation gone, dotted abbreviations joined:
 * "S.A." → "sa", "e.V." → "ev", "Coop-CA" → "coop ca").
 *
 * Longest phrases are removed first, so "sociedad cooperativa limitada" goes as one piece.
 * Words that could also be the distinctive part of a name (e.g. "union", "association",
 * "mutual") are left out on purpose.
 */
const PHRASES = [
  // French, with the OHADA forms of West and Central Africa (SCOOPS: société coopérative
  // simplifiée; COOP-CA: coopérative avec conseil d'administration).
  'societe cooperative ouvriere de production', 'societe cooperative d interet collectif', 'societe cooperative simplifiee',
  'societe cooperative avec conseil d administration', 'cooperative avec conseil d administration', 'societe cooperative agricole',
  'societe cooperative', 'cooperative simplifiee', 'societe par actions simplifiee', 'societe anonyme', 'societe a responsabilite limitee',
  'coop ca', 'scoops', 'scoop', 'scop', 'scic', 'sca', 'sarl', 'sasu', 'sas', 'eurl', 'gie', 'cooperative', 'cooperatives',
  // Spanish
  'sociedad cooperativa limitada', 'sociedad cooperativa', 'sociedad anonima de capital variable', 'sociedad anonima',
  'sociedad de responsabilidad limitada', 'sociedad limitada', 'sa de cv', 's de rl de cv', 's de rl', 'de cv', 's coop and', 's coop',
  'sccl', 'coop ltda', 'cooperativa', 'cooperativas', 'limitada', 'srl', 'sl', 'sll', 'sc',
  // Portuguese
  'sociedade cooperativa', 'sociedade anonima', 'cooperativa de responsabilidade limitada', 'ltda', 'eireli', 'me', 'epp', 'mei', 'crl',
  // English
  'community interest company', 'community benefit society', 'industrial and provident society', 'registered society',
  'co operative society', 'cooperative society', 'co operative', 'limited liability partnership', 'limited liability company',
  'public limited company', 'joint stock company', 'private limited', 'pvt ltd', 'co ltd', 'company limited', 'limited', 'ltd', 'llp', 'llc',
  'plc', 'inc', 'incorporated', 'corp', 'corporation', 'company', 'co', 'cic', 'cio', 'coop', 'coops', 'pvt', 'private', 'jsc', 'pty',
  // German, Dutch, Italian and a few more met in supplier lists
  'eingetragene genossenschaft', 'eingetragener verein', 'ev', 'eg', 'gmbh', 'mbh', 'ag', 'ug', 'kg', 'bv', 'nv', 'spa', 'scrl', 'scarl',
  'sdn bhd', 'bhd', 'tbk', 'pt', 'cv', 's a', 'c v', 'r l', 's de r l', 's a de c v', 'sa de c v', 'san ve tic ltd sti', 'ltd sti', 'sti', 'sa', 'the',
];

const byLength = [...new Set(PHRASES)].map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
const first = new Map<string, string[][]>();
for (const words of byLength) {
  const list = first.get(words[0]);
  if (list) list.push(words);
  else first.set(words[0], [words]);
}

/** The tokens without legal-form words; the removed phrases are returned too (they are evidence of nothing). */
export function withoutLegalForms(tokens: readonly string[]): { core: string[]; removed: string[] } {
  const core: string[] = [];
  const removed: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = first.get(tokens[i])?.find((words) => words.every((w, k) => tokens[i + k] === w));
    if (hit) {
      removed.push(hit.join(' '));
      i += hit.length;
    } else core.push(tokens[i++]);
  }
  return { core, removed };
}
