import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { csvParser } from '../../electron/core/import/formats/csv.ts';
import { xlsxParser } from '../../electron/core/import/formats/xlsx.ts';
import { detectFormat, parseFile } from '../../electron/core/import/formats/index.ts';
import { readTablePreview } from '../../electron/core/import/formats/table-preview.ts';
import { suggestMapping } from '../../shared/domain/mapping.ts';
import { TeiaError } from '../../shared/contract/errors.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('generic CSV with a column mapping', () => {
  const ptCsv = [
    'Nome;Cidade;Estado;Latitude;Longitude;Solidária;Produtos;Moeda social',
    'Padaria Comunitária;São Paulo;SP;-23,5505;-46,6333;sim;pão;Palmas',
    ';Recife;PE;-8,05;-34,9;sim;;',
    'Cooperativa Fora do Mapa;Recife;PE;-98;-34,9;não;mel;',
    'Feira Sem Posição;Belém;PA;;;talvez;;',
    '"Banco ""Palmas""";Fortaleza;CE;-3,73;-38,52;1;crédito;"Palmas; Bem"',
  ].join('\n');

  it('matches Portuguese headers by name, rejects a row without a name and keeps the rest', async () => {
    const parsed = await csvParser.parse(enc(ptCsv), { fileName: 'ees.csv' });
    expect(parsed.rowsRead).toBe(5);
    expect(parsed.enterprises.length + parsed.rejected.length).toBe(parsed.rowsRead);
    expect(parsed.rejected).toEqual([{ line: 3, reason: 'It has no name.', key: 'row-no-name' }]);
    const [padaria, fora, feira, banco] = parsed.enterprises;
    expect(padaria.value).toMatchObject({ name: 'Padaria Comunitária', locality: 'São Paulo', region: 'SP', lat: -23.5505, lon: -46.6333, solidarity: true, currencies: ['Palmas'] });
    expect(padaria.extra).toEqual({ Produtos: 'pão' });
    expect(padaria.line).toBe(2);
    expect(fora.value.solidarity).toBe(false);
    expect(fora.value.lat).toBeUndefined();
    // "talvez" is not understood: reported, and left to the decision for the file.
    expect(feira.value.solidarity).toBe(false);
    expect(feira.solidarityStated).toBeUndefined();
    expect(padaria.solidarityStated).toBe(true);
    expect(banco.value.name).toBe('Banco "Palmas"');
    expect(banco.value.currencies).toEqual(['Palmas', 'Bem']);
    const warnings = parsed.warnings.join('\n');
    expect(warnings).toMatch(/columns were matched by name: name=Nome/);
    expect(warnings).toMatch(/out of range.*line 4/);
    expect(warnings).toMatch(/Solidarity value not understood.*line 5/);
    // Ids come from names and are unique within the file.
    expect(new Set(parsed.enterprises.map((e) => e.value.id)).size).toBe(4);
  });

  it('uses an explicit mapping; a file that does not say leaves solidarity unstated', async () => {
    const csv = 'Org,Town,Y,X,Notes\nA,Leeds,53.8,-1.55,first\nB,York,53.96,-1.08,\n';
    const parsed = await csvParser.parse(enc(csv), { mapping: { name: 'Org', locality: 'Town', lat: 'Y', lon: 'X' } });
    expect(parsed.enterprises.every((e) => e.solidarityStated === undefined)).toBe(true);
    expect(parsed.enterprises.map((e) => [e.value.name, e.value.locality, e.value.lat, e.value.lon, e.value.solidarity])).toEqual([
      ['A', 'Leeds', 53.8, -1.55, false],
      ['B', 'York', 53.96, -1.08, false],
    ]);
    expect(parsed.enterprises[0].extra).toEqual({ Notes: 'first' });
    expect(parsed.enterprises[1].extra).toBeUndefined();
    expect(parsed.warnings).toEqual([]);
  });

  it('turns ESSGLOBAL labels in any of the four languages, codes in any case, and URIs into codes', async () => {
    const csv = [
      'Nome\tEstrutura\tAtividades\tQualificadores',
      'A\tCooperativas de consumo\tAgricultura e ambiente; Comércio e distribuição\tq01',
      'B\tos60\tReciclagem, tratamento de resíduos, ciclo da água e restauração ecológica\thttp://purl.org/essglobal/standard/qualifiers/q05',
      'C\tConsumer/User coops\tICA10, ica20\tGender Equity',
      'D\tCoopérative\tPadaria\t',
    ].join('\n');
    const parsed = await csvParser.parse(enc(csv), {
      mapping: { name: 'Nome', organisationalStructure: 'Estrutura', activities: 'Atividades', qualifiers: 'Qualificadores' },
    });
    expect(parsed.enterprises.map((e) => [e.value.organisationalStructure, e.value.activities, e.value.qualifiers])).toEqual([
      ['OS80', ['a01', 'a07'], ['q01']],
      ['OS60', ['a05'], ['q05']],
      ['OS80', ['ICA10', 'ICA20'], ['q05']],
      ['OS115', ['Padaria'], undefined],
    ]);
    expect(parsed.warnings.join('\n')).toMatch(/Activity "Padaria" is not an ESSGLOBAL code or label; kept as written \(1 row: line 5\)/);
  });

  it('explains a mapping that names a column the file lacks', () => {
    expect(() => csvParser.parse(enc('Nome,Cidade\nA,B\n'), { mapping: { name: 'Name' } })).toThrow(TeiaError);
    expect(() => csvParser.parse(enc('Cidade,Estado\nA,B\n'), {})).toThrow(/mapped to the enterprise name/);
    expect(() => csvParser.parse(enc('\n\n'), {})).toThrow(/file is empty/);
    const headerOnly = csvParser.parse(enc('Nome,Cidade\n'), {}) as Awaited<ReturnType<typeof csvParser.parse>>;
    expect([headerOnly.rowsRead, headerOnly.enterprises.length, headerOnly.rejected.length]).toEqual([0, 0, 0]);
  });

  it('rejects a row with more values than the header and reads a Latin-1 file', async () => {
    const latin1 = new Uint8Array([...enc('Nome,Cidade\nCooperativa S'), 0xe3, ...enc('o Jos'), 0xe9, ...enc(',Bel'), 0xe9, ...enc('m\nX,Y,Z\n')]);
    const parsed = await parseFile(latin1, { format: 'csv' });
    expect(parsed.enterprises[0].value).toMatchObject({ name: 'Cooperativa São José', locality: 'Belém' });
    expect(parsed.rejected).toHaveLength(1);
    expect(parsed.rejected[0]).toMatchObject({ line: 3 });
    expect(parsed.rejected[0].reason).toMatch(/3 values but the header has 2 columns/);
    const unclosed = await csvParser.parse(enc('Nome,Cidade\nA,B\nC,"open\nD,E\n'), {});
    expect(unclosed.enterprises.map((e) => e.value.name)).toEqual(['A']);
    expect(unclosed.rejected).toEqual([{ line: 3, reason: 'A quoted value is not closed, so the rest of the file was read into it.' }]);
  });
});

/** A minimal .xlsx (stored zip, inline strings) so the test needs no spreadsheet writer. */
function makeXlsx(rows: (string | number | null)[][]): Uint8Array {
  const col = (i: number) => String.fromCharCode(65 + i);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sheetRows = rows
    .map((cells, r) => {
      const cs = cells
        .map((v, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (v === null) return '';
          return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
        })
        .join('');
      return cs ? `<row r="${r + 1}">${cs}</row>` : '';
    })
    .join('');
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  };
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBuf.length, 26);
    local.push(header, nameBuf, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBuf.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBuf);
    offset += header.length + nameBuf.length + data.length;
  }
  const centralBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, centralBuf, end]));
}

describe('XLSX', () => {
  it('reads the first sheet with the same mapping rules, rows numbered as in the sheet', async () => {
    const bytes = makeXlsx([
      ['Nombre', 'Ciudad', 'Latitud', 'Longitud', 'Sector'],
      ['Cooperativa Andina', 'Cusco', -13.53, -71.97, 'café'],
      [null, null, null, null, null],
      ['', 'Lima', -12.05, -77.04, null],
      ['Red de Trueque', 'Arequipa', null, null, 'servicios'],
    ]);
    expect(xlsxParser.detect(bytes)).toBe(true);
    expect(csvParser.detect(bytes)).toBe(false);
    expect(detectFormat(bytes, 'directorio.xlsx')).toBe('xlsx');
    const parsed = await xlsxParser.parse(bytes, {});
    expect(parsed.format).toBe('xlsx');
    expect(parsed.rowsRead).toBe(3);
    expect(parsed.enterprises.map((e) => [e.line, e.value.name, e.value.locality, e.value.lat ?? null])).toEqual([
      [2, 'Cooperativa Andina', 'Cusco', -13.53],
      [5, 'Red de Trueque', 'Arequipa', null],
    ]);
    expect(parsed.enterprises[0].extra).toEqual({ Sector: 'café' });
    expect(parsed.rejected).toEqual([{ line: 4, reason: 'It has no name.', key: 'row-no-name' }]);
  });

  it('skips a title line above the header and says so', async () => {
    const bytes = makeXlsx([['Cadastro de EES 2024'], [], ['Nome', 'Cidade'], ['Cooperativa Sol', 'Natal']]);
    const parsed = await xlsxParser.parse(bytes, {});
    expect(parsed.enterprises.map((e) => [e.line, e.value.name, e.value.locality])).toEqual([[4, 'Cooperativa Sol', 'Natal']]);
    expect(parsed.warnings.join('\n')).toMatch(/above the header were taken as titles.*line 1/);
  });

  it('previews the header and first rows for the mapping step, with a suggested mapping', async () => {
    const bytes = makeXlsx([['Nom', 'Ville', 'Monnaie locale'], ['Épicerie Coop', 'Lyon', 'Gonette'], ['Atelier Vélo', 'Lyon', null]]);
    const preview = await readTablePreview(bytes, 'xlsx', 1);
    expect(preview).toEqual({ headers: ['Nom', 'Ville', 'Monnaie locale'], rows: [['Épicerie Coop', 'Lyon', 'Gonette']] });
    expect(suggestMapping(preview!.headers)).toEqual({ name: 'Nom', locality: 'Ville', currencies: 'Monnaie locale' });
    const latin1 = new Uint8Array([...new TextEncoder().encode('Nom;Ville\nCaf'), 0xe9, ...new TextEncoder().encode(';Lyon\n')]);
    expect(await readTablePreview(latin1, 'csv')).toEqual({ headers: ['Nom', 'Ville'], rows: [['Café', 'Lyon']] });
    expect(await readTablePreview(latin1, 'geojson')).toBeNull();
  });

  it('says so when the bytes are not a workbook', async () => {
    await expect(xlsxParser.parse(enc('PK\u0003\u0004 not really'), {})).rejects.toThrow(/could not be read as an Excel workbook/);
  });
});
