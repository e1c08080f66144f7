/**
 * Issue 16 items 1, 2 and 7: every CSV/XLSX reader streams with the caps of config.importLimits and
 * names the cap it hit; UTF-8 is never silently replaced by a guess; problems are capped.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadImportLimits } from '../../src/config.ts';
import { MAX_PROBLEMS, runImport, sourceFromPath } from '../../src/imports/imports.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../src/imports/limits.ts';
import { readTable } from '../../src/imports/table.ts';
import { defineTableImporter } from '../../src/imports/table-importer.ts';
import { parseEncoding } from '../../src/imports/text-stream.ts';
import { formatNumber } from '../../src/shared/format.ts';
import { describeEachDialect } from '../support/databases.ts';
import { zipFile } from '../support/zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'styrerom-limits-'));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const columns = [{ name: 'code' }, { name: 'amount' }];
const limits = (env: Record<string, string>) => loadImportLimits(env);

describe('default limits', () => {
  it('are the defaults of the configuration', () => {
    expect(DEFAULT_IMPORT_LIMITS).toEqual(loadImportLimits({}));
  });
});

describe('CSV caps', () => {
  it('refuses a line longer than maxLineChars, naming the line, after reading only that far', async () => {
    const path = file('one-line.csv', `code;amount\nA;${'9'.repeat(5000)}\n`);
    await expect(
      readTable(sourceFromPath(path), columns, { limits: limits({ STYREROM_IMPORT_MAX_LINE_CHARS: '1000' }) }),
    ).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      problems: [expect.objectContaining({ file: 'one-line.csv', line: 2, message: `linje 2 er lengre enn ${formatNumber(1000)} tegn` })],
    });
  });

  it('refuses a first line without end longer than the cap (the 200 MB one-line CSV)', async () => {
    const path = file('header-bomb.csv', 'x'.repeat(300_000));
    await expect(
      readTable(sourceFromPath(path), columns, { limits: limits({ STYREROM_IMPORT_MAX_LINE_CHARS: '100000' }) }),
    ).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 1, message: `linje 1 er lengre enn ${formatNumber(100_000)} tegn` })],
    });
  });

  it('refuses too many rows, too many columns and a too long cell', async () => {
    const rows = file('rows.csv', `code;amount\n${'A;1\n'.repeat(11)}`);
    await expect(readTable(sourceFromPath(rows), columns, { limits: limits({ STYREROM_IMPORT_MAX_ROWS: '10' }) })).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 12, message: 'fila har mer enn 10 rader' })],
    });
    const wide = file('wide.csv', `code;amount\nA;1${';x'.repeat(20)}\n`);
    await expect(readTable(sourceFromPath(wide), columns, { limits: limits({ STYREROM_IMPORT_MAX_COLUMNS: '10' }) })).rejects.toMatchObject(
      {
        problems: [expect.objectContaining({ line: 2, message: 'linje 2 har mer enn 10 kolonner' })],
      },
    );
    const cell = file('cell.csv', `code;amount\nA;1\nB;${'7'.repeat(50)}\n`);
    await expect(
      readTable(sourceFromPath(cell), columns, { limits: limits({ STYREROM_IMPORT_MAX_CELL_CHARS: '20' }) }),
    ).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 3, message: 'linje 3, kolonne 2: cellen er lengre enn 20 tegn' })],
    });
  });
});

describe('CSV encodings', () => {
  it('makes invalid UTF-8 a problem naming the line, not a silent guess', async () => {
    const bytes = Buffer.concat([Buffer.from('code;amount\nA;1\nB;2\n'), iconv.encode('Sykefravær;3\n', 'windows-1252')]);
    await expect(readTable(sourceFromPath(file('latin.csv', bytes)), columns)).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      problems: [
        expect.objectContaining({
          file: 'latin.csv',
          line: 4,
          message: expect.stringMatching(/^ugyldige UTF-8-tegn på linje 4; .*--encoding windows-1252/),
        }),
      ],
    });
  });

  it('finds the line of an invalid byte far into a large file (across read chunks)', async () => {
    const body = 'A;1\n'.repeat(50_000);
    const bytes = Buffer.concat([Buffer.from(`code;amount\n${body}`), Buffer.from([0x42, 0x3b, 0xe6, 0x0a])]);
    await expect(readTable(sourceFromPath(file('far.csv', bytes)), columns)).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 50_002 })],
    });
  });

  it('reads ISO-8859-1 and Windows-1252 when asked, and a UTF-8 BOM whatever was asked', async () => {
    const latin = await readTable(sourceFromPath(file('l1.csv', iconv.encode('code;amount\nÆØÅ;1\n', 'latin1'))), columns, {
      encoding: parseEncoding('latin1'),
    });
    expect(latin.records[0]?.values.code).toBe('ÆØÅ');
    const euro = await readTable(sourceFromPath(file('w.csv', iconv.encode('code;amount\n€ ø;1\n', 'windows-1252'))), columns, {
      encoding: parseEncoding('CP1252'),
    });
    expect(euro.records[0]?.values.code).toBe('€ ø');
    const bom = await readTable(sourceFromPath(file('bom.csv', '\ufeffcode;amount\nø;1\n')), columns, { encoding: 'windows-1252' });
    expect(bom.records[0]?.values.code).toBe('ø');
    expect(() => parseEncoding('ebcdic')).toThrow(/Ukjent tegnkoding «ebcdic»: bruk utf-8, windows-1252, iso-8859-1/);
  });
});

/** A one-sheet XLSX whose sheet XML is `sheetXml`, deflated (or stored). */
function xlsx(name: string, sheetXml: string, options: { lieAboutSize?: boolean } = {}): string {
  const workbook =
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const rels =
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
  return file(
    name,
    zipFile([
      { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml), declaredSize: options.lieAboutSize ? 1000 : undefined },
    ]),
  );
}

const sheet = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const inline = (r: number, a: string, b: string) =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${a}</t></is></c><c r="B${r}" t="inlineStr"><is><t>${b}</t></is></c></row>`;

describe('XLSX caps (streamed; sizes checked before inflating)', () => {
  it('reads a sheet with inline strings streamed', async () => {
    const t = await readTable(sourceFromPath(xlsx('ok.xlsx', sheet(inline(1, 'code', 'amount') + inline(2, 'A', '1')))), columns);
    expect(t.records).toEqual([{ line: 2, values: { code: 'A', amount: '1' } }]);
  });

  it('refuses a row bomb by its compression ratio before inflating it', async () => {
    const rows = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(100_000);
    const path = xlsx('ratio.xlsx', sheet(rows));
    await expect(readTable(sourceFromPath(path), columns)).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      problems: [
        expect.objectContaining({ message: expect.stringMatching(/^arket pakker ut til mer enn 200 ganger sin pakkede størrelse/) }),
      ],
    });
  });

  it('refuses a workbook whose declared unpacked size passes the cap', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => inline(i + 1, `k${i}`, String(i))).join('');
    const path = xlsx('big.xlsx', sheet(rows));
    await expect(
      readTable(sourceFromPath(path), columns, { limits: limits({ STYREROM_IMPORT_MAX_UNPACKED_MB: '1' }) }),
    ).rejects.toMatchObject({
      problems: [expect.objectContaining({ message: 'arket pakker ut til mer enn 1 MB' })],
    });
  });

  it('stops inflating a part that unpacks to more than its declared size', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => inline(i + 1, `k${i}`, String(i))).join('');
    const path = xlsx('liar.xlsx', sheet(rows), { lieAboutSize: true });
    await expect(readTable(sourceFromPath(path), columns)).rejects.toMatchObject({
      problems: [
        expect.objectContaining({
          message: expect.stringContaining(`pakker ut til mer enn de ${formatNumber(1000)} bytene zip-katalogen oppgir`),
        }),
      ],
    });
  });

  it('refuses a sheet declaring more rows than maxRows, and too many columns', async () => {
    const path = xlsx('rows.xlsx', sheet(inline(1, 'code', 'amount') + inline(1_000_000, 'A', '1')));
    await expect(readTable(sourceFromPath(path), columns, { limits: limits({ STYREROM_IMPORT_MAX_ROWS: '1000' }) })).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 1_000_000, message: `arket har mer enn ${formatNumber(1000)} rader` })],
    });
    const wide = xlsx('wide.xlsx', sheet(`${inline(1, 'code', 'amount')}<row r="2"><c r="ZZ2"><v>1</v></c></row>`));
    await expect(readTable(sourceFromPath(wide), columns)).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 2, message: 'rad 2 har mer enn 500 kolonner' })],
    });
  });

  it('reads shared strings, numbers, booleans and formula results of an ExcelJS workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.addRow(['code', 'amount']);
    ws.addRow(['Bodø', 1234.5]);
    ws.addRow([true, { formula: '1+1', result: 2 }]);
    const path = join(dir, 'exceljs.xlsx');
    await wb.xlsx.writeFile(path);
    const t = await readTable(sourceFromPath(path), columns);
    expect(t.records.map((r) => r.values)).toEqual([
      { code: 'Bodø', amount: '1234.5' },
      { code: 'true', amount: '2' },
    ]);
  });

  it('is not fooled by a deflate stream that is not what the zip says', async () => {
    expect(deflateRawSync(Buffer.from('x')).length).toBeGreaterThan(0);
    const path = file('broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
    await expect(readTable(sourceFromPath(path), columns)).rejects.toMatchObject({
      problems: [expect.objectContaining({ message: 'ikke en gyldig XLSX-fil: fila er ikke en zip-fil' })],
    });
  });
});

const scratch = defineTableImporter<{ code: string }>({
  kind: 'scratch-limits',
  label: 'Test',
  description: 'test rows',
  columns,
  parseRow(record, ctx) {
    let ok = true;
    if (!/^[A-Z]$/.test(record.values.code ?? '')) {
      ctx.problem('code', 'ugyldig kode', 'bad code');
      ok = false;
    }
    if (!/^\d+$/.test(record.values.amount ?? '')) {
      ctx.problem('amount', 'ugyldig beløp', 'bad amount');
      ok = false;
    }
    return ok ? { code: record.values.code ?? '' } : undefined;
  },
  async write(trx, rows) {
    for (const r of rows) await sql`insert into scratch_limits (code) values (${r.code})`.execute(trx);
  },
});

describeEachDialect('runImport: caps, encodings and problems', (ctx) => {
  beforeAll(async () => {
    await ctx.db.schema.createTable('scratch_limits').addColumn('code', 'text').execute();
  });

  it('records the encoding used in the import history', async () => {
    const path = file(`enc-${ctx.dialect}.csv`, iconv.encode('code;amount\nØ;1\n', 'windows-1252'));
    const bad = await runImport(ctx.db, scratch, sourceFromPath(path));
    expect(bad.status).toBe('failed');
    expect(bad.problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('ugyldige UTF-8-tegn på linje 2') });
    const ok = await runImport(ctx.db, scratch, sourceFromPath(file(`ok-${ctx.dialect}.csv`, 'code;amount\nA;1\n')), {
      encoding: 'windows-1252',
    });
    expect(ok).toMatchObject({ status: 'succeeded', encoding: 'windows-1252' });
    const runs = await ctx.db
      .selectFrom('import_runs')
      .select(['id', 'encoding'])
      .where('kind', '=', 'scratch-limits')
      .orderBy('id')
      .execute();
    expect(runs.map((r) => r.encoding)).toEqual(['utf-8', 'windows-1252']);
  });

  it('reports every problem of a row, capped with "… og N til"', async () => {
    const rows = Array.from({ length: 80 }, () => 'a;b\n').join('');
    const r = await runImport(ctx.db, scratch, sourceFromPath(file(`many-${ctx.dialect}.csv`, `code;amount\n${rows}`)));
    expect(r.status).toBe('failed');
    expect(r.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(r.problems.slice(0, 2)).toEqual([
      expect.objectContaining({ line: 2, column: 'code' }),
      expect.objectContaining({ line: 2, column: 'amount' }),
    ]);
    expect(r.problems.at(-1)).toMatchObject({ message: '… og 60 til', severity: 'error' });
  });

  it('fails the run with the cap that was hit, not "not a valid file"', async () => {
    const r = await runImport(ctx.db, scratch, sourceFromPath(file(`long-${ctx.dialect}.csv`, `code;amount\nA;${'1'.repeat(200)}\n`)), {
      limits: limits({ STYREROM_IMPORT_MAX_LINE_CHARS: '100' }),
    });
    expect(r).toMatchObject({
      status: 'failed',
      problems: [expect.objectContaining({ line: 2, message: 'linje 2 er lengre enn 100 tegn' })],
    });
  });
});
