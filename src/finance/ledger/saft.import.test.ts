import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { runImport, sha256OfFile, sourceFromPath } from '../../imports/imports.ts';
import type { Db } from '../../storage/db.ts';
import { monthlyMovements } from './ledger.queries.ts';
import { createSaftImporter, saftImporter } from './saft.import.ts';
import { parseSaftAmount } from './saft.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../../shared/fixtures/saf-t');
const TOYEN = join(FIXTURES, 'ExampleFile_SAF-T_Financial_888888888_20180228235959.xml');
const SELSKAPET = join(FIXTURES, 'ExampleFile_SAF-T_Financial_999999999_20161125213512.xml');
const V130 = join(FIXTURES, 'generated_auditfile_formatted_v_1.30.xml');

const tmp = mkdtempSync(join(tmpdir(), 'saft-test-'));
let n = 0;
/** A variant of a fixture written to a temp file. */
function variant(path: string, edit: (text: string) => string): string {
  const out = join(tmp, `variant-${++n}.xml`);
  writeFileSync(out, edit(readFileSync(path, 'utf8')));
  return out;
}

async function debitCredit(
  db: Db,
  where: { companyId?: string; fileName?: string },
): Promise<{ debit: number; credit: number; lines: number }> {
  let q = db
    .selectFrom('ledger_postings')
    .innerJoin('ledger_files', 'ledger_files.id', 'ledger_postings.ledger_file_id')
    .select(['amount']);
  if (where.companyId) q = q.where('ledger_files.company_id', '=', where.companyId);
  if (where.fileName) q = q.where('ledger_files.file_name', '=', where.fileName);
  const rows = await q.execute();
  const debit = rows.filter((r) => r.amount > 0).reduce((s, r) => s + Number(r.amount), 0);
  const credit = rows.filter((r) => r.amount < 0).reduce((s, r) => s - Number(r.amount), 0);
  return { debit, credit, lines: rows.length };
}

describe('parseSaftAmount(text)', () => {
  it('reads decimal text into exact øre', () => {
    expect(parseSaftAmount('9487049.35')).toBe(948_704_935);
    expect(parseSaftAmount('10000')).toBe(1_000_000);
    expect(parseSaftAmount('11367.5')).toBe(1_136_750);
    expect(parseSaftAmount('-12.30')).toBe(-1230);
    expect(parseSaftAmount('1.000')).toBe(100);
    expect(parseSaftAmount('1.005')).toBeUndefined();
    expect(parseSaftAmount('1,5')).toBeUndefined();
  });
});

describeEachDialect('SAF-T import', (ctx) => {
  it('imports the Tøyen 1.10 file (n1: prefix, BOM, mixed CR/CRLF) with debit = credit = 9 487 049,35', async () => {
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(TOYEN));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.status).toBe('succeeded');
    expect(r.rowCount).toBe(170);
    expect(await debitCredit(ctx.db, { companyId: '888888888' })).toEqual({ debit: 948_704_935, credit: 948_704_935, lines: 170 });
    const file = await ctx.db.selectFrom('ledger_files').selectAll().where('company_id', '=', '888888888').executeTakeFirstOrThrow();
    expect(file).toMatchObject({
      shape: '1.10',
      audit_file_version: '1.0',
      company_name: 'Tøyen Lekefabrikk AS',
      first_period: 201700,
      last_period: 201704,
    });
    const accounts = await ctx.db.selectFrom('ledger_accounts').selectAll().where('ledger_file_id', '=', file.id).execute();
    expect(accounts).toHaveLength(22);
    expect(accounts.find((a) => a.account_id === '1920')).toMatchObject({
      opening_balance: 37_000_000,
      closing_balance: 67_056_875,
      standard_account_id: '19',
    });
    expect(accounts.find((a) => a.account_id === '2000')).toMatchObject({ opening_balance: -22_500_000 });
  });

  it('keeps the Tøyen file’s monthly net movements per account (5000: 374 000 NOK debit in each of 2017-01..04)', async () => {
    const rows = await monthlyMovements(ctx.db, { from: '2017-01', to: '2017-04' });
    const salary = rows.filter((r) => r.accountId === '5000');
    expect(salary.map((r) => [r.month, r.amount])).toEqual([
      ['2017-01', 37_400_000],
      ['2017-02', 37_400_000],
      ['2017-03', 37_400_000],
      ['2017-04', 37_400_000],
    ]);
    const total = rows.reduce((s, r) => s + r.amount, 0);
    expect(total).toBe(0);
  });

  it('matches an independent reading of the Tøyen file: every account’s net movement in every month', async () => {
    const text = readFileSync(TOYEN, 'utf8');
    const expected = new Map<string, number>();
    for (const tx of text.matchAll(/<n1:Transaction>([\s\S]*?)<\/n1:Transaction>/g)) {
      const body = tx[1] ?? '';
      const month = `${/<n1:PeriodYear>(\d+)</.exec(body)?.[1]}-${/<n1:Period>(\d+)</.exec(body)?.[1]?.padStart(2, '0')}`;
      for (const line of body.matchAll(/<n1:Line>([\s\S]*?)<\/n1:Line>/g)) {
        const l = line[1] ?? '';
        const account = /<n1:AccountID>([^<]+)</.exec(l)?.[1];
        const debit = /<n1:DebitAmount>\s*<n1:Amount>([^<]+)</.exec(l)?.[1];
        const credit = /<n1:CreditAmount>\s*<n1:Amount>([^<]+)</.exec(l)?.[1];
        const ore = Math.round(Number(debit ?? 0) * 100) - Math.round(Number(credit ?? 0) * 100);
        const key = `${account}|${month}`;
        expected.set(key, (expected.get(key) ?? 0) + ore);
      }
    }
    const rows = await monthlyMovements(ctx.db, { from: '2017-01', to: '2017-12' });
    const actual = new Map(rows.map((r) => [`${r.accountId}|${r.month}`, r.amount]));
    expect(actual).toEqual(expected);
    expect(actual.size).toBeGreaterThan(40);
  });

  it('keeps analysis dimensions and customers', async () => {
    const line = await ctx.db
      .selectFrom('ledger_postings')
      .innerJoin('ledger_files', 'ledger_files.id', 'ledger_postings.ledger_file_id')
      .selectAll('ledger_postings')
      .where('ledger_files.company_id', '=', '888888888')
      .where('transaction_id', '=', '1001')
      .where('account_id', '=', '4000')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(line.analysis ?? '[]')).toEqual([
      { type: 'A', id: '102' },
      { type: 'P', id: '202', amount: 1_000_000 },
    ]);
    expect(line).toMatchObject({
      period: 201701,
      transaction_date: '2017-01-04',
      amount: 1_000_000,
      journal_id: '123ABC',
    });
    const customers = await ctx.db
      .selectFrom('ledger_customers')
      .selectAll()
      .where('company_id', '=', '888888888')
      .orderBy('customer_id')
      .execute();
    expect(customers[0]).toMatchObject({
      customer_id: '1000',
      name: 'Leketøysbutikk Tøyen',
      account_id: '1500',
      opening_balance: 3_200_000,
      closing_balance: 0,
    });
  });

  it('imports the Selskapet 1.10 file and the 1.30 file (default namespace, BalanceAccount, GroupingCode)', async () => {
    const a = await runImport(ctx.db, saftImporter, sourceFromPath(SELSKAPET));
    expect(a.status).toBe('succeeded');
    const b = await runImport(ctx.db, saftImporter, sourceFromPath(V130));
    expect(b.status).toBe('succeeded');
    // Both examples use organisation number 999999999, in different periods (2015-10 and 2025-09..10).
    expect(await debitCredit(ctx.db, { fileName: 'ExampleFile_SAF-T_Financial_999999999_20161125213512.xml' })).toEqual({
      debit: 2_500_000,
      credit: 2_500_000,
      lines: 5,
    });
    expect(await debitCredit(ctx.db, { fileName: 'generated_auditfile_formatted_v_1.30.xml' })).toEqual({
      debit: 3_750_000,
      credit: 3_750_000,
      lines: 8,
    });
    const v130 = await ctx.db
      .selectFrom('ledger_files')
      .selectAll()
      .where('file_name', '=', 'generated_auditfile_formatted_v_1.30.xml')
      .executeTakeFirstOrThrow();
    expect(v130).toMatchObject({ shape: '1.30', first_period: 202500, last_period: 202513, replaced_by_id: null });
    const customer = await ctx.db
      .selectFrom('ledger_customers')
      .selectAll()
      .where('ledger_file_id', '=', v130.id)
      .executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ customer_id: '15000', account_id: '1500', opening_balance: 0, closing_balance: 1_250_000 });
    // The 1.30 example's bank account 1920 closes at credit 12 500: opening 0 + movements -12 500.
    expect(b.problems.filter((p) => p.severity === 'warning' && p.message.includes('utgående saldo'))).toEqual([]);
  });

  it('reports progress in bytes of the file', async () => {
    const calls: [number, number][] = [];
    const file = variant(V130, (t) => t.replace('<HeaderComment>', '<HeaderComment>progress '));
    await runImport(ctx.db, saftImporter, sourceFromPath(file), { onProgress: (done, total) => calls.push([done, total]) });
    const size = statSync(file).size;
    expect(calls.at(-1)).toEqual([size, size]);
    expect(calls.every(([d, t]) => d <= t && t === size)).toBe(true);
  });

  it('detects the same file imported twice and imports nothing again', async () => {
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(TOYEN));
    expect(r.status).toBe('duplicate');
    expect((await debitCredit(ctx.db, { companyId: '888888888' })).lines).toBe(170);
  });

  it('lets a newer file for the same company and periods replace that range (no double counting)', async () => {
    const newer = variant(TOYEN, (t) => t.replace('<n1:AuditFileDateCreated>2018-01-10', '<n1:AuditFileDateCreated>2018-02-10'));
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(newer));
    expect(r.status).toBe('succeeded');
    expect(await debitCredit(ctx.db, { companyId: '888888888' })).toEqual({ debit: 948_704_935, credit: 948_704_935, lines: 170 });
    const files = await ctx.db
      .selectFrom('ledger_files')
      .select(['id', 'replaced_by_id'])
      .where('company_id', '=', '888888888')
      .orderBy('id')
      .execute();
    expect(files).toHaveLength(2);
    expect(files[0]?.replaced_by_id).toBe(files[1]?.id);
  });
});

describeEachDialect('SAF-T import: bad files', (ctx) => {
  it('fails a transaction that does not balance, naming it and its line, and imports nothing', async () => {
    const bad = variant(V130, (t) =>
      t.replace(
        '<Amount>12500.00</Amount>\n                    </CreditAmount>',
        '<Amount>12400.00</Amount>\n                    </CreditAmount>',
      ),
    );
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(bad));
    expect(r.status).toBe('failed');
    const err = r.problems.find((p) => p.severity === 'error');
    expect(err?.message).toMatch(/^bilag A1001 \(journal A001\) balanserer ikke: debet 12\u00a0500,00 og kredit 12\u00a0400,00/);
    expect(err?.line).toBeGreaterThan(300);
    expect(await ctx.db.selectFrom('ledger_postings').select('id').execute()).toEqual([]);
    expect(await ctx.db.selectFrom('ledger_files').select('id').execute()).toEqual([]);
  });

  it('fails a truncated file with a clear error and imports nothing', async () => {
    const text = readFileSync(TOYEN);
    const cut = join(tmp, 'truncated.xml');
    writeFileSync(cut, text.subarray(0, Math.floor(text.length * 0.7)));
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(cut));
    expect(r.status).toBe('failed');
    expect(r.problems[0]?.message).toMatch(/^fila slutter før XML-dokumentet er ferdig \(avkortet fil\?\)/);
    expect(await ctx.db.selectFrom('ledger_postings').select('id').execute()).toEqual([]);
  });

  it('decodes the encoding the XML declaration names (ISO-8859-1)', async () => {
    const latin1 = join(tmp, 'latin1.xml');
    const text = readFileSync(TOYEN, 'utf8')
      .replace(/^\ufeff/, '')
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace('<n1:RegistrationNumber>888888888</n1:RegistrationNumber>', '<n1:RegistrationNumber>888888880</n1:RegistrationNumber>');
    writeFileSync(latin1, iconv.encode(text, 'latin1'));
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(latin1));
    expect(r.status).toBe('succeeded');
    const file = await ctx.db
      .selectFrom('ledger_files')
      .select('company_name')
      .where('company_id', '=', '888888880')
      .executeTakeFirstOrThrow();
    expect(file.company_name).toBe('Tøyen Lekefabrikk AS');
  });

  /** V130 with «Bankinnskudd – Sparebank Øst» (ø, –, maybe €) as an account description, written in `encoding`. */
  function bankVariant(name: string, declaration: string | null, encoding: string, description = 'Bankinnskudd – Sparebank Øst'): string {
    const text = readFileSync(V130, 'utf8')
      .replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        declaration === null ? '<?xml version="1.0"?>' : `<?xml version="1.0" encoding="${declaration}"?>`,
      )
      .replace('<AccountDescription>Bank deposits</AccountDescription>', `<AccountDescription>${description}</AccountDescription>`);
    const out = join(tmp, name);
    writeFileSync(out, iconv.encode(text, encoding));
    return out;
  }
  const description = async (accountId: string) =>
    (
      await ctx.db
        .selectFrom('ledger_accounts')
        .select('description')
        .where('account_id', '=', accountId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).description;
  const firstNonAsciiLine = () =>
    readFileSync(V130, 'utf8')
      .split('\n')
      .findIndex((l) => /[^ -~\t\r]/.test(l)) + 1;
  const bankAccountId = () =>
    /<AccountID>(\d+)<\/AccountID>\s*<AccountDescription>Bank deposits/.exec(readFileSync(V130, 'utf8'))?.[1] ?? '';

  it('fails a file that declares UTF-8 but holds Latin-1 bytes, naming the line, and imports nothing (both readers)', async () => {
    for (const importer of [saftImporter, createSaftImporter({ worker: 'always' })]) {
      const bad = bankVariant('declared-utf8-latin1.xml', 'UTF-8', 'latin1');
      const r = await runImport(ctx.db, importer, sourceFromPath(bad));
      expect(r.status).toBe('failed');
      expect(r.problems).toHaveLength(1);
      // The first line with a non-ASCII character (the fixture's own, before the account description).
      const first = firstNonAsciiLine();
      expect(first).toBeGreaterThan(1);
      expect(r.problems[0]).toMatchObject({ line: first, severity: 'error' });
      expect(r.problems[0]?.message).toMatch(
        new RegExp(`^ugyldig UTF-8 på linje ${first}: fila er erklært som UTF-8, men har bytes som ikke er UTF-8`),
      );
      expect(await ctx.db.selectFrom('ledger_files').select('id').where('file_name', '=', 'declared-utf8-latin1.xml').execute()).toEqual(
        [],
      );
    }
  });

  it('fails a file without an encoding declaration (UTF-8 by default) that holds Windows-1252 bytes', async () => {
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(bankVariant('default-utf8-cp1252.xml', null, 'windows-1252')));
    expect(r.status).toBe('failed');
    expect(r.problems[0]?.line).toBe(firstNonAsciiLine());
    expect(r.problems[0]?.message).toContain('fila har ingen tegnkoding i XML-deklarasjonen (da gjelder UTF-8)');
  });

  it('accepts a U+FFFD that the UTF-8 bytes really spell, and says the encoding in the result', async () => {
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(bankVariant('real-fffd.xml', 'UTF-8', 'utf8', 'Bank \ufffd Øst')));
    expect(r.status).toBe('succeeded');
    expect(r.encoding).toBe('utf-8 (erklært)');
    expect(await description(bankAccountId())).toBe('Bank \ufffd Øst');
  });

  it('decodes a declared Windows-1252 or ISO-8859-1 file properly (€ in 0x80 too) and says so in the result', async () => {
    const cp = await runImport(
      ctx.db,
      saftImporter,
      sourceFromPath(bankVariant('cp1252.xml', 'windows-1252', 'windows-1252', 'Bankinnskudd – Sparebank Øst (€)')),
    );
    expect(cp.status).toBe('succeeded');
    expect(cp.encoding).toBe('windows-1252 (erklært)');
    expect(await description(bankAccountId())).toBe('Bankinnskudd – Sparebank Øst (€)');
    const latin1 = join(tmp, 'latin1-euro.xml');
    // The same bytes declared ISO-8859-1 (a different header comment, so not a duplicate): read as Windows-1252.
    writeFileSync(
      latin1,
      Buffer.from(
        readFileSync(join(tmp, 'cp1252.xml'), 'latin1')
          .replace('windows-1252', 'ISO-8859-1')
          .replace('<HeaderComment>', '<HeaderComment>L1 '),
        'latin1',
      ),
    );
    const l1 = await runImport(ctx.db, saftImporter, sourceFromPath(latin1));
    expect(l1.status).toBe('succeeded');
    expect(l1.encoding).toBe('windows-1252 (erklært ISO-8859-1)');
    expect(await description(bankAccountId())).toBe('Bankinnskudd – Sparebank Øst (€)');
  });

  it('hashes the file in the pass that reads it: the same SHA-256 as a separate read, and a second import is a duplicate', async () => {
    const file = variant(V130, (t) => t.replace('<HeaderComment>', '<HeaderComment>hash '));
    const first = await runImport(ctx.db, saftImporter, sourceFromPath(file));
    expect(first.status).toBe('succeeded');
    expect(first.sha256).toBe(await sha256OfFile(file));
    const again = await runImport(ctx.db, createSaftImporter({ worker: 'always' }), sourceFromPath(file));
    expect(again.status).toBe('duplicate');
    expect(again.problems[0]?.message).toContain(`(kjøring ${first.runId})`);
    const runs = await ctx.db
      .selectFrom('import_runs')
      .select(['status', 'sha256'])
      .where('id', '=', again.runId)
      .executeTakeFirstOrThrow();
    expect(runs).toEqual({ status: 'duplicate', sha256: first.sha256 });
    expect((await debitCredit(ctx.db, { fileName: file.split('/').pop() ?? '' })).lines).toBe(first.rowCount);
  });

  it('rejects a file that is not SAF-T', async () => {
    const other = join(tmp, 'other.xml');
    writeFileSync(other, '<?xml version="1.0"?><AuditFile xmlns="urn:something-else"><Header/></AuditFile>');
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(other));
    expect(r.status).toBe('failed');
    expect(r.problems[0]?.message).toMatch(/ikke en SAF-T Financial-fil/);
  });

  it('matches on namespace URI, not prefix, and ignores elements of other namespaces', async () => {
    const renamed = variant(V130, (t) =>
      t
        .replace(
          'xmlns="urn:StandardAuditFile-Taxation-Financial:NO"',
          'xmlns:saft="urn:StandardAuditFile-Taxation-Financial:NO" xmlns="urn:other"',
        )
        .replace(/<(\/?)([A-Za-z])/g, '<$1saft:$2')
        .replace('<saft:Header>', '<saft:Header><Company><RegistrationNumber>0</RegistrationNumber></Company>')
        .replaceAll('\n', '\r'),
    );
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(renamed));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.rowCount).toBe(8);
    const file = await ctx.db.selectFrom('ledger_files').selectAll().where('import_run_id', '=', r.runId).executeTakeFirstOrThrow();
    expect(file.company_id).toBe('999999999');
  });

  it('warns about accounts that match no category rule and GroupingCodes that disagree', async () => {
    const unmapped = variant(V130, (t) =>
      t
        .replace('<Description>Transaction A1001</Description>', '<Description>Changed</Description>')
        .replaceAll('<AccountID>4000</AccountID>', '<AccountID>8800</AccountID>')
        .replace('<GroupingCode>3000</GroupingCode>', '<GroupingCode>5000</GroupingCode>'),
    );
    const r = await runImport(ctx.db, saftImporter, sourceFromPath(unmapped));
    expect(r.status).toBe('succeeded');
    const warnings = r.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
    expect(warnings).toContain(
      'konto 8800 (Purchase of raw materials and semi-manufactures, high rate) er ikke knyttet til noen rapportkategori; legg til en regel i kategoritilordningen',
    );
    expect(warnings).toContain('konto 3000 hører til «Driftsinntekter», men GroupingCode 5000 (salgsinntekt) tilsier «Personalkostnader»');
  });
});

describeEachDialect('SAF-T import in a worker thread (large files)', (ctx) => {
  const inWorker = createSaftImporter({ worker: 'always' });

  it('gives the same ledger as the in-process reader', async () => {
    const r = await runImport(ctx.db, inWorker, sourceFromPath(TOYEN));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.rowCount).toBe(170);
    expect(await debitCredit(ctx.db, { companyId: '888888888' })).toEqual({ debit: 948_704_935, credit: 948_704_935, lines: 170 });
    const salary = (await monthlyMovements(ctx.db, { from: '2017-01', to: '2017-04' })).filter((m) => m.accountId === '5000');
    expect(salary.map((m) => m.amount)).toEqual([37_400_000, 37_400_000, 37_400_000, 37_400_000]);
  });

  it('reports an unbalanced transaction and a truncated file the same way, importing nothing', async () => {
    const bad = variant(V130, (t) =>
      t.replace(
        '<Amount>12500.00</Amount>\n                    </CreditAmount>',
        '<Amount>12400.00</Amount>\n                    </CreditAmount>',
      ),
    );
    const r = await runImport(ctx.db, inWorker, sourceFromPath(bad));
    expect(r.status).toBe('failed');
    expect(r.problems.find((p) => p.severity === 'error')?.message).toMatch(/^bilag A1001 \(journal A001\) balanserer ikke/);
    const text = readFileSync(V130);
    const cut = join(tmp, 'truncated-worker.xml');
    writeFileSync(cut, text.subarray(0, Math.floor(text.length * 0.8)));
    const t = await runImport(ctx.db, inWorker, sourceFromPath(cut));
    expect(t.status).toBe('failed');
    expect(t.problems[0]?.message).toMatch(/^fila slutter før XML-dokumentet er ferdig/);
    expect(await debitCredit(ctx.db, { fileName: 'truncated-worker.xml' })).toEqual({ debit: 0, credit: 0, lines: 0 });
  });
});
