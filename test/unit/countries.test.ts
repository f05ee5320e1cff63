import { describe, expect, it } from 'vitest';
import { countryCode } from '../../electron/core/import/countries.ts';
import { countryField } from '../../renderer/src/features/enterprises/enterprise-record.ts';

describe('countries as people type them → ISO 3166-1 alpha-2', () => {
  it('reads codes, names in the four languages, and the misspellings seen in real directories', () => {
    const cases: [string, string][] = [
      ['br', 'BR'], ['BRA', 'BR'], ['UK', 'GB'], ['Brasil', 'BR'], ['Brésil', 'BR'], ['Cameroun', 'CM'], ['Camarões', 'CM'],
      ['Rawanda', 'RW'], ['Democratic Republic of Congo', 'CD'], ['République Démocratique du Congol', 'CD'],
      ['Democratic Republic of the Congol', 'CD'], ['ARGENTINA', 'AR'], ['España', 'ES'], ['Reino Unido', 'GB'],
      ['Royaume-Uni', 'GB'], ['Moçambique', 'MZ'], ['Mozambque', 'MZ'], ['Niger', 'NE'], ['Nigeria', 'NG'], [' Guinée ', 'GN'],
    ];
    for (const [typed, code] of cases) expect([typed, countryCode(typed)]).toEqual([typed, code]);
  });

  it('leaves undecided what names two countries or none', () => {
    for (const typed of ['Congo', 'São Paulo', 'xx', 'Burkina', '']) expect([typed, countryCode(typed)]).toEqual([typed, undefined]);
  });
});

describe('the enterprise form’s country field', () => {
  it('capitalises a code and keeps a name as typed (an unrelated edit once turned "Argentina" into "ARGENTINA")', () => {
    expect(countryField('ar')).toBe('AR');
    expect(countryField('Argentina')).toBe('Argentina');
    expect(countryField(undefined)).toBeUndefined();
  });
});
