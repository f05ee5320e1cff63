import { describe, expect, it } from 'vitest';
import { MatchIndex, nameTokens, pairsWithin, resolvePartner, type MatchRecord } from '../../electron/core/match/index.ts';
import { numbersIn } from '../../electron/core/match/normalise.ts';

/** The matcher's decision for two records, in an index that also holds a few unrelated co-ops (so word weights are realistic). */
const background: MatchRecord[] = [
  'Cooperativa Agropecuária Mista do Oeste', 'Coopérative des éleveurs du Nord', 'Association des femmes de Bafoussam',
  'Cooperativa de Trabajo Textil La Unión', 'Padaria Comunitária Bem Viver', 'Suma Wholefoods Workers Co-operative',
  'Société coopérative des maraîchers de Dschang', 'Cooperativa de Catadores Recicla Leste', 'Moinho Santa Clara',
].map((name, i) => ({ key: `bg${i}`, name }));

function decide(a: Omit<MatchRecord, 'key'> | string, b: Omit<MatchRecord, 'key'> | string) {
  const ra: MatchRecord = { key: 'a', ...(typeof a === 'string' ? { name: a } : a) };
  const rb: MatchRecord = { key: 'b', ...(typeof b === 'string' ? { name: b } : b) };
  const index = new MatchIndex();
  for (const r of [...background, ra]) index.add(r);
  const m = index.find(rb).find((x) => x.other.key === 'a');
  return { decision: m?.decision ?? 'new', score: m?.score ?? 0, evidence: m?.evidence ?? [] };
}

describe('names without legal forms', () => {
  it('drops legal-form words and abbreviations in EN, ES, PT and FR', () => {
    const core = (n: string) => nameTokens(n).join(' ');
    expect(core('Société Coopérative des Producteurs de Cacao')).toBe(core('Coopérative des producteurs de cacao'));
    expect(core('SCOOPS des Producteurs de Cacao')).toBe('producteurs cacao');
    expect(core('COOP-CA Producteurs de Cacao')).toBe('producteurs cacao');
    expect(core('Industrias Merlet S. A. de C.V.')).toBe(core('Industrias Merlet S.A. de C.V.'));
    expect(core('Moinho de Trigo Paulista S/A')).toBe('moinho trigo paulista');
    expect(core('Cooperativa Agroindustrial Ltda.')).toBe('agroindustrial');
    expect(core('Suma Wholefoods Workers Co-operative Limited')).toBe('suma wholefoods workers');
    expect(core('Bürgerenergie e.V.')).toBe(core('Bürgerenergie eG'));
    expect(core('Recicla Community Interest Company')).toBe(core('Recicla CIC'));
    expect(core('Fairtrade Traders plc')).toBe('fairtrade traders');
  });

  it('keeps a name that is only a legal word rather than making it empty', () => {
    expect(nameTokens('Cooperativa')).toEqual(['cooperativa']);
  });
});

describe('the scored comparison', () => {
  it('"société coopérative X" and "coopérative X" are the same', () => {
    expect(decide('Société coopérative des maraîchers de Foumbot', 'Coopérative des maraîchers de Foumbot').decision).toBe('same');
  });

  it('tolerates a one-letter typo in a long word', () => {
    expect(decide('Cooperativa Agroextrativista do Vale', 'Cooperativa Agroextractivista do Vale').decision).toBe('same');
  });

  it('tolerates an inserted word ("simplifiée", "Pequenos"): asked on the name alone, the same with the same town', () => {
    const a = 'Coopérative agricole des planteurs du Moungo';
    const b = 'Coopérative agricole simplifiée des planteurs du Moungo';
    expect(decide(a, b).decision).toBe('review');
    expect(decide({ name: a, locality: 'Nkongsamba' }, { name: b, locality: 'NKONGSAMBA' }).decision).toBe('same');
    expect(decide('Cooperativa dos Produtores de Leite de Ibiá', 'Cooperativa dos Pequenos Produtores de Leite de Ibiá').decision).toBe('review');
    // A one-word name inside a longer one is never merged on the name alone.
    expect(decide('Master', 'Master Garment Co. Ltd').decision).not.toBe('same');
  });

  it('never merges a one-letter difference in a short word ("Leste" / "Oeste": east and west)', () => {
    expect(decide('Cooperativa Recicla Leste', 'Cooperativa Recicla Oeste').decision).not.toBe('same');
    const town = decide({ name: 'Cooperativa de Reciclagem Recicla Leste', locality: 'Osasco' }, { name: 'Cooperativa de Reciclagem Recicla Oeste', locality: 'Osasco' });
    expect(town.decision).toBe('review');
  });

  it('the same long name with different acronyms is two co-ops; the same acronym confirms', () => {
    const a = { name: 'Cooperativa dos Agricultores Familiares', nickname: 'COOPAF' };
    expect(decide(a, { name: 'Cooperativa dos Agricultores Familiares', nickname: 'COOAGRIF' })).toMatchObject({ decision: 'new' });
    const same = decide(a, { name: 'Coop. dos Agricultores Familiares Ltda', nickname: 'Coopaf' });
    expect(same.decision).toBe('same');
    expect(same.evidence.find((e) => e.kind === 'nickname')).toMatchObject({ verdict: 'same' });
  });

  it('finds a record named by the other one’s acronym, written in its name or as its own field', () => {
    expect(decide('Cooperativa dos Avicultores do Sul (COOPAVIS)', 'COOPAVIS').decision).not.toBe('new');
    expect(decide({ name: 'Cooperativa dos Avicultores do Sul', nickname: 'COOPAVIS' }, 'Coopavis').decision).not.toBe('new');
  });

  it('different unit numbers are different sites', () => {
    expect(decide('Jeans Knit Private Ltd Unit 6', 'Jeans Knit Private Ltd Unit 4').decision).toBe('new');
    expect(decide('PT Glory Industrial Semarang', 'PT Glory Industrial Semarang II').decision).not.toBe('same');
  });

  it('uses town, country and distance when present', () => {
    expect(decide({ name: 'Padaria Bem Viver', country: 'BR' }, { name: 'Padaria Bem Viver', country: 'PT' }).decision).toBe('new');
    expect(decide({ name: 'Padaria Bem Viver', country: 'Brasil' }, { name: 'Padaria Bem Viver', country: 'BR' }).decision).toBe('same');
    expect(decide({ name: 'Padaria Bem Viver', locality: 'Osasco' }, { name: 'Padaria Bem Viver', locality: 'Manaus' }).decision).toBe('review');
    const far = decide({ name: 'Padaria Bem Viver', lat: -23.5, lon: -46.6 }, { name: 'Padaria Bem Viver', lat: -3.1, lon: -60 });
    expect(far.decision).toBe('review');
    expect(far.evidence.find((e) => e.kind === 'distance')!.value).toBeGreaterThan(2000);
  });

  it('takes the same phone, e-mail, website or registry number as strong evidence, but not a shared mail service', () => {
    const a = { name: 'Cooperativa Mista Vale Verde', email: 'contato@valeverde.coop.br' };
    expect(decide(a, { name: 'Vale Verde Mista', email: 'Contato@valeverde.coop.br' }).decision).toBe('same');
    expect(decide({ name: 'Horta Viva', website: 'https://www.hortaviva.org/sobre' }, { name: 'Horta Viva Comunitária', website: 'hortaviva.org' }).decision).toBe('same');
    expect(decide({ name: 'Horta Viva', website: 'https://facebook.com/hortaviva' }, { name: 'Horta Viva Comunitária', website: 'https://facebook.com/x' }).evidence.map((e) => e.kind)).not.toContain('website');
    expect(decide({ name: 'Recicla Norte', registry: '12.345.678/0001-90' }, { name: 'Recicla Norte', registry: '98.765.432/0001-10' }).decision).toBe('new');
  });

  it('tells different enterprises with a shared place and trade apart', () => {
    expect(decide('Dongguan Luyang Shoes Co., Ltd.', 'Dongguan Meiquan Shoes Co., Ltd.').decision).toBe('new');
  });
});

describe('within one list and against the catalogue', () => {
  it('lists each pair of a file once, the earlier record as a', () => {
    const rows: MatchRecord[] = [
      { key: '2', name: 'Cooperativa Recicla Leste', locality: 'Osasco' },
      { key: '3', name: 'Padaria Bem Viver' },
      { key: '4', name: 'COOPERATIVA RECICLA LESTE LTDA', locality: 'osasco' },
      { key: '5', name: 'Cooperativa Recicla Oeste', locality: 'Osasco' },
    ];
    const pairs = pairsWithin(rows).map((p) => [p.a.key, p.b.key, p.decision]);
    expect(pairs).toContainEqual(['2', '4', 'same']);
    expect(pairs.filter(([a, b]) => a === '2' && b === '4')).toHaveLength(1);
    expect(pairs.some(([a, b]) => a === '3' || b === '3')).toBe(false);
  });

  it('resolves a partner name cell of a supply sheet against an index built once', () => {
    const index = new MatchIndex();
    for (const r of background) index.add(r);
    index.add({ key: 'moinho-paulista', name: 'Moinho de Trigo Paulista', locality: 'Santos', country: 'BR' });
    index.add({ key: 'moinho-mineiro', name: 'Moinho de Trigo Mineiro', country: 'BR' });
    expect(resolvePartner(index, { name: 'MOINHO DE TRIGO PAULISTA S.A.' })).toMatchObject({ decision: 'same', ids: ['moinho-paulista'] });
    expect(resolvePartner(index, { name: 'Moinho de Trigo Paulista', country: 'AR' }).decision).toBe('new');
    expect(resolvePartner(index, { name: 'Moinho Trigo Paulista', locality: 'Campinas' }).decision).toBe('review');
    expect(resolvePartner(index, { name: 'Fazenda Boa Vista' })).toEqual({ decision: 'new', ids: [], score: 0, evidence: [] });
    // Two enterprises of one name: the matcher is sure of both, so a person chooses.
    index.add({ key: 'armazem-sp', name: 'Armazém Solidário', locality: 'São Paulo', country: 'BR' });
    index.add({ key: 'armazem-rj', name: 'Armazém Solidário', locality: 'Rio de Janeiro', country: 'BR' });
    const both = resolvePartner(index, { name: 'ARMAZEM SOLIDARIO' });
    expect(both).toMatchObject({ decision: 'review', namesakes: true });
    expect([...both.ids].sort()).toEqual(['armazem-rj', 'armazem-sp']);
  });
});

describe('unit numbers in a name', () => {
  it('reads each run of digits without leading zeros, and roman numerals that are words', () => {
    expect(numbersIn(['unit', '4'])).toEqual(['4']);
    expect(numbersIn(['mxp5', 'a007b12'])).toEqual(['5', '7', '12']);
    expect(numbersIn(['semarang', 'ii'])).toEqual(['2']);
    expect(numbersIn(['x', 'v', 'i', 'iv'])).toEqual(['4']);
    // Words that are names of Object.prototype's properties are words, not numbers.
    expect(numbersIn(['constructor', 'cooperative'])).toEqual([]);
    expect(numbersIn(['0001', '00', 'a0'])).toEqual(['1', '0', '0']);
    // ASCII digits only, as a plain \d: other scripts' digits and superscripts are letters here.
    expect(numbersIn(['١٢٣', '²'])).toEqual([]);
  });
});

describe('ids lift the caps', () => {
  it('finds the record with the same source or given id across countries and unit numbers, and no other', () => {
    const same = decide({ name: 'Loja Solidária 4', country: 'BR', sourceId: 'osh:CN123' }, { name: 'Solidarity Shop 5', country: 'PT', sourceId: 'osh:CN123' });
    expect(same.decision).toBe('same');
    expect(same.evidence[0]).toMatchObject({ kind: 'source-id', verdict: 'same' });
    expect(decide({ name: 'Loja Solidária 4', country: 'BR', givenId: 'e1' }, { name: 'Loja Solidária 4', country: 'PT', givenId: 'e1' }).decision).toBe('same');
    // Without the shared id the same pair is capped by its countries.
    expect(decide({ name: 'Loja Solidária 4', country: 'BR', givenId: 'e1' }, { name: 'Loja Solidária 4', country: 'PT', givenId: 'e2' }).decision).toBe('new');
  });
});
