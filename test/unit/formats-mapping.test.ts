import { describe, expect, it } from 'vitest';
import { suggestMapping, normaliseHeader, checkMapping } from '../../electron/core/import/formats/mapping.ts';
import { booleanOf, listOf, numberOf, text } from '../../electron/core/import/formats/record.ts';
import { guessDelimiter, parseCsvText } from '../../electron/core/import/formats/csv-text.ts';
import { decodeText } from '../../electron/core/import/formats/decode.ts';
import { csvCell, guardFormula } from '../../electron/core/export/sse-csv.ts';
import { codeFromUri, labelOf, schemeOfCode, uriOfCode, vocabLang } from '../../shared/domain/vocab.ts';
import type { Vocab } from '../../shared/domain/vocab.ts';
import { TeiaError } from '../../shared/contract/errors.ts';

describe('column mapping suggestions', () => {
  it('maps common Portuguese, Spanish, French and English headers', () => {
    expect(suggestMapping(['Nome', 'Descrição', 'Latitude', 'Longitude', 'Cidade', 'Estado', 'CEP', 'País', 'Telefone', 'E-mail', 'Site', 'Moeda social'])).toEqual({
      name: 'Nome', description: 'Descrição', lat: 'Latitude', lon: 'Longitude', locality: 'Cidade', region: 'Estado',
      postcode: 'CEP', country: 'País', phone: 'Telefone', email: 'E-mail', website: 'Site', currencies: 'Moeda social',
    });
    expect(suggestMapping(['Nombre', 'Ciudad', 'Provincia', 'Código Postal', 'Teléfono', 'Correo electrónico'])).toEqual({
      name: 'Nombre', locality: 'Ciudad', region: 'Provincia', postcode: 'Código Postal', phone: 'Teléfono', email: 'Correo electrónico',
    });
    expect(suggestMapping(['Nom', 'Ville', 'Code postal', 'Pays', 'Téléphone', 'Courriel', 'Forme juridique'])).toEqual({
      name: 'Nom', locality: 'Ville', postcode: 'Code postal', country: 'Pays', phone: 'Téléphone', email: 'Courriel', legalForm: 'Forme juridique',
    });
    expect(suggestMapping(['Organisation Name', 'Town', 'Lng', 'Lat', 'Legal Form'])).toEqual({
      name: 'Organisation Name', locality: 'Town', lon: 'Lng', lat: 'Lat', legalForm: 'Legal Form',
    });    // The acronym / short name by which a co-op is known: its own field, compared by the matcher.
    expect(suggestMapping(['Nome', 'Sigla'])).toEqual({ name: 'Nome', nickname: 'Sigla' });
    expect(suggestMapping(['Nom', 'Sigle'])).toEqual({ name: 'Nom', nickname: 'Sigle' });
    expect(suggestMapping(['Name', 'Acronym'])).toEqual({ name: 'Name', nickname: 'Acronym' });
    expect(suggestMapping(['Nombre', 'Acrónimo'])).toEqual({ name: 'Nombre', nickname: 'Acrónimo' });
  });

  it('gives each field to the first matching header only and leaves unknown headers out', () => {
    expect(suggestMapping(['Name', 'Nome', 'Favourite colour'])).toEqual({ name: 'Name' });
    expect(suggestMapping(['Code', 'Ref', 'Nome', 'ID'])).toEqual({ name: 'Nome', id: 'ID' });
    expect(normaliseHeader(' Código-Postal ')).toBe('codigopostal');
  });

  it('refuses a mapping to a missing column, an unknown field, or one without a name', () => {
    expect(() => checkMapping({ name: 'Nome', lat: 'Lat' }, ['Nome'])).toThrow(/no column named "Lat"/);
    expect(() => checkMapping({ name: 'Nome', colour: 'Nome' }, ['Nome'])).toThrow(TeiaError);
    expect(() => checkMapping({ locality: 'Cidade' }, ['Cidade'])).toThrow(/mapped to the enterprise name/);
  });
});

describe('cell values', () => {
  it('reads numbers with a decimal point or a decimal comma, and nothing else', () => {
    expect(numberOf('-23,5505')).toBe(-23.5505);
    expect(numberOf(' 51.5 ')).toBe(51.5);
    expect(numberOf(12)).toBe(12);
    expect(numberOf('1,234,5')).toBeUndefined();
    expect(numberOf('N/A')).toBeUndefined();
    expect(numberOf('')).toBeUndefined();
  });
  it('reads yes/no in four languages', () => {
    for (const y of ['yes', 'Sim', 'sí', 'oui', 'TRUE', '1']) expect(booleanOf(y)).toBe(true);
    for (const n of ['no', 'não', 'nao', 'non', 'false', '0']) expect(booleanOf(n)).toBe(false);
    expect(booleanOf('maybe')).toBeUndefined();
  });
  it('splits lists and trims text', () => {
    expect(listOf('a; b|c,a')).toEqual(['a', 'b', 'c']);
    expect(text('  x ')).toBe('x');
    expect(text("'+44 20")).toBe("'+44 20"); // only CSV cells carry a formula guard
  });
});

describe('CSV text', () => {
  it('counts lines across CRLF, LF and lone CR and across quoted newlines', () => {
    const t = parseCsvText('name,city\r\nA,"X\r\nY"\rB,Z\n\nC,W');
    expect(t.headers).toEqual(['name', 'city']);
    expect(t.records.map((r) => [r.cells[0], r.line])).toEqual([['A', 2], ['B', 4], ['C', 6]]);
  });
  it('guesses the delimiter outside quotes and makes duplicate headers unique', () => {
    expect(guessDelimiter('"a;b",c,d')).toBe(',');
    expect(guessDelimiter('a;b;c')).toBe(';');
    expect(guessDelimiter('a\tb')).toBe('\t');
    expect(parseCsvText('Email,Email,\nx,y,z').headers).toEqual(['Email', 'Email (2)', 'Column 3']);
  });
  it('removes one formula-guard apostrophe from CSV cells, and only before a formula start', () => {
    const t = parseCsvText("a,b,c,d,e\n'+44 20,''=x,'quoted,it's,'''@y");
    expect(t.records[0].cells).toEqual(['+44 20', "'=x", "'quoted", "it's", "''@y"]);
  });
  it('flags an unclosed quote', () => {
    const t = parseCsvText('name,city\nA,"open\nB,C\n');
    expect(t.records[0].problem).toMatch(/not closed/);
  });
  it('decodes UTF-8 with a BOM, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x53, 0xc3, 0xa3, 0x6f]))).toEqual({ text: 'São', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0x53, 0xe3, 0x6f, 0x20, 0x80]))).toEqual({ text: 'São €', encoding: 'windows-1252' });
  });
});

describe('CSV export cells', () => {
  it('quotes what needs quoting and guards formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(guardFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardFormula('-2+3')).toBe("'-2+3");
    expect(guardFormula("''@x")).toBe("'''@x");
    expect(guardFormula("'quoted")).toBe("'quoted");
    expect(guardFormula('Normal name')).toBe('Normal name');
  });
});

describe('vocabulary helpers', () => {
  const vocab: Vocab = {
    source: 'test',
    licence: 'test',
    schemes: {
      'activities-ica': { title: { en: 'Economic Activity' }, uri: 'http://purl.org/essglobal/standard/activities-ica/', concepts: { ICA10: { en: 'Agriculture', es: 'Agricultura' } } },
      qualifiers: { title: { en: 'Qualifiers' }, uri: 'http://purl.org/essglobal/standard/qualifiers/', concepts: { q01: { en: 'Ecological' } } },
    },
  };
  it('labels a code in the language, then English, then the code', () => {
    expect(labelOf(vocab, 'activities-ica', 'ICA10', 'es')).toBe('Agricultura');
    expect(labelOf(vocab, 'activities-ica', 'ICA10', 'pt-BR')).toBe('Agriculture');
    expect(labelOf(vocab, 'activities-ica', 'ICA999', 'es')).toBe('ICA999');
    expect(labelOf(vocab, 'nope', 'x', 'fr')).toBe('x');
    expect(vocabLang('PT_br')).toBe('pt');
    expect(vocabLang('de')).toBe('en');
  });
  it('finds codes inside URIs and URIs for codes', () => {
    expect(codeFromUri('https://dev.lod.coop/essglobal/2.1/standard/activities-ica/ICA280')).toBe('ICA280');
    expect(codeFromUri('http://purl.org/essglobal/standard/qualifiers/q01/')).toBe('q01');
    expect(codeFromUri('http://example.org/vocab#OS60')).toBe('OS60');
    expect(codeFromUri(' OS60 ')).toBe('OS60');
    expect(schemeOfCode(vocab, 'q01')).toBe('qualifiers');
    expect(uriOfCode(vocab, 'ICA10', ['activities-ica'])).toBe('http://purl.org/essglobal/standard/activities-ica/ICA10');
    expect(uriOfCode(vocab, 'unknown')).toBe('unknown');
  });
});
