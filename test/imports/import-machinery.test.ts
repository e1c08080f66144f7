import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, sourceFromPath } from '../../src/imports/imports.ts';
import { readTable } from '../../src/imports/table.ts';
import { defineTableImporter } from '../../src/imports/table-importer.ts';
import { describeEachDialect } from '../support/databases.ts';

const dir = mkdtempSync(join(tmpdir(), 'styrerom-import-'));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const columns = [{ name: 'code' }, { name: 'amount' }];

/** A minimal importer writing to a scratch table, so the machinery is tested on its own. */
const scratchImporter = defineTableImporter<{ code: string; amount: number }>({
  kind: 'scratch',
  label: 'Test',
  description: 'test rows',
  columns,
  parseRow(record, ctx) {
    const amount = Number(record.values.amount);
    if (!Number.isInteger(amount)) {
      ctx.problem('amount', `«${record.values.amount}» er ikke et heltall`, 'not an integer');
      return undefined;
    }
    return { code: record.values.code ?? '', amount };
  },
  async write(trx, rows) {
    for (const r of rows) await sql`insert into scratch_rows (code, amount) values (${r.code}, ${r.amount})`.execute(trx);
  },
});

describe('readTable', () => {
  it('detects ; and , delimiters and a UTF-8 BOM', async () => {
    const semi = await readTable(sourceFromPath(file('semi.csv', '\ufeffcode;amount\nA;1\nB;2\n')), columns);
    const comma = await readTable(sourceFromPath(file('comma.csv', 'code,amount\r\nA,1\r\n')), columns);
    expect(semi.records.map((r) => r.values)).toEqual([
      { code: 'A', amount: '1' },
      { code: 'B', amount: '2' },
    ]);
    expect(semi.records[1]?.line).toBe(3);
    expect(comma.records[0]?.values).toEqual({ code: 'A', amount: '1' });
  });

  it('decodes Windows-1252 (what Norwegian Excel writes) when asked to', async () => {
    const bytes = iconv.encode('code;amount\nSykefravær Ø;5\n', 'windows-1252');
    const t = await readTable(sourceFromPath(file('w1252.csv', bytes)), columns, { encoding: 'windows-1252' });
    expect(t.records[0]?.values.code).toBe('Sykefravær Ø');
  });

  it('names a missing column', async () => {
    const t = await readTable(sourceFromPath(file('nocol.csv', 'code;sum\nA;1\n')), columns);
    expect(t.problems).toEqual([expect.objectContaining({ file: 'nocol.csv', line: 1, column: 'amount', severity: 'error' })]);
  });

  it('gives a clear problem for a binary file instead of a stack trace', async () => {
    await expect(
      readTable(sourceFromPath(file('binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff]))), columns),
    ).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      problems: [expect.objectContaining({ file: 'binary.csv', message: expect.stringContaining('binær') })],
    });
  });

  it('gives a clear problem for a file that is not XLSX', async () => {
    await expect(readTable(sourceFromPath(file('fake.xlsx', 'code;amount\n')), columns)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });
});

describeEachDialect('runImport', (ctx) => {
  beforeAll(async () => {
    await ctx.db.schema.createTable('scratch_rows').addColumn('code', 'text').addColumn('amount', 'integer').execute();
  });

  const count = async () => Number((await sql<{ n: number }>`select count(*) as n from scratch_rows`.execute(ctx.db)).rows[0]?.n);

  it('imports every row and records the run', async () => {
    const result = await runImport(ctx.db, scratchImporter, sourceFromPath(file('good.csv', 'code;amount\nA;1\nB;2\n')), {
      importedBy: 'test',
    });
    expect(result).toMatchObject({ status: 'succeeded', rowCount: 2, problems: [] });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await count()).toBe(2);
    const run = await ctx.db.selectFrom('import_runs').selectAll().where('id', '=', result.runId).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ kind: 'scratch', file_name: 'good.csv', status: 'succeeded', row_count: 2, imported_by: 'test' });
  });

  it('leaves the database unchanged when the LAST row is bad, and names file, line and column', async () => {
    const before = await count();
    const result = await runImport(ctx.db, scratchImporter, sourceFromPath(file('bad-last.csv', 'code;amount\nC;3\nD;4\nE;x\n')));
    expect(result.status).toBe('failed');
    expect(result.problems).toEqual([expect.objectContaining({ file: 'bad-last.csv', line: 4, column: 'amount', severity: 'error' })]);
    expect(await count()).toBe(before);
    const run = await ctx.db
      .selectFrom('import_runs')
      .select(['status', 'row_count'])
      .where('id', '=', result.runId)
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ status: 'failed', row_count: 0 });
  });

  it('detects re-importing the same content and imports nothing again', async () => {
    const before = await count();
    const result = await runImport(ctx.db, scratchImporter, sourceFromPath(file('good-again.csv', 'code;amount\nA;1\nB;2\n')));
    expect(result.status).toBe('duplicate');
    expect(result.problems[0]?.messageEn).toMatch(/same content was imported/);
    expect(await count()).toBe(before);
  });

  it('reports a missing file clearly', async () => {
    await expect(runImport(ctx.db, scratchImporter, { fileName: 'missing.csv', path: join(dir, 'missing.csv') })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
  });
});

describe('readTable on XLSX', () => {
  it('keeps date-time cells as local wall time (no UTC shift) and dates as dates', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.addRow(['code', 'amount']);
    ws.addRow([new Date(Date.UTC(2025, 4, 5, 15, 0)), 1]);
    ws.addRow([new Date(Date.UTC(2025, 4, 6)), 2]);
    const path = join(dir, 'times.xlsx');
    await wb.xlsx.writeFile(path);
    const t = await readTable(sourceFromPath(path), columns);
    expect(t.records.map((r) => r.values.code)).toEqual(['2025-05-05T15:00', '2025-05-06']);
    expect(t.records[0]?.line).toBe(2);
  });
});
