import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { loadConfig } from '../config.ts';
import { importOrThrow, sourceFromPath } from '../imports/imports.ts';
import type { TableBlock } from '../report/blocks.ts';
import type { Db } from '../storage/db.ts';
import { financeTableCommand } from './finance.commands.ts';
import { financeRestatement, financeRestatementBlock, firstReportCutoff } from './finance-restatement.ts';
import { saftImporter } from './ledger/saft.import.ts';
import { type SaftWriteTransaction, writeSaftFile } from './ledger/saft.write.ts';

const dir = mkdtempSync(join(tmpdir(), 'finance-restatement-'));

const tx = (id: string, month: number, day: number, account: string, amount: number): SaftWriteTransaction => ({
  id,
  period: month,
  periodYear: 2025,
  date: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  description: `Bilag ${id}`,
  lines: [
    { accountId: account, amount, description: `Bilag ${id}` },
    { accountId: '1920', amount: -amount, description: `Bilag ${id}` },
  ],
});

/** January–April as reported at April's cut-off: income 1 MNOK a month, costs 0,6 MNOK a month. */
const ON_TIME = [1, 2, 3, 4].flatMap((m) => [tx(`i${m}`, m, 10, '3000', -100_000_000), tx(`c${m}`, m, 15, '6800', 60_000_000)]);
/** Two postings into April that arrive after April's cut-off: a supplier invoice of 0,3 MNOK and a licence of 0,05 MNOK. */
const LATE = [tx('late1', 4, 28, '6800', 30_000_000), tx('late2', 4, 29, '6420', 5_000_000)];

async function ledger(name: string, transactions: SaftWriteTransaction[]): Promise<string> {
  const path = join(dir, name);
  await writeSaftFile(path, {
    header: {
      companyId: '999000111',
      companyName: 'Test',
      periodStart: '2025-01',
      periodEnd: '2025-04',
      createdDate: '2025-04-30',
      softwareName: 'test',
    },
    accounts: [
      { id: '1920', description: 'Bank', groupingCategory: 'balanseverdiForAnleggsmiddel', groupingCode: '1920', opening: 0 },
      { id: '3000', description: 'Salg', groupingCategory: 'RF-1167', groupingCode: '3000', opening: 0 },
      { id: '6420', description: 'Lisenser', groupingCategory: 'RF-1167', groupingCode: '6420', opening: 0 },
      { id: '6800', description: 'Kontorrekvisita', groupingCategory: 'RF-1167', groupingCode: '6800', opening: 0 },
    ],
    journalId: 'HB',
    transactions: () => transactions,
  });
  return path;
}

const BEFORE_LATE = '2025-05-05T08:00:00.000Z';
const LATE_IMPORT = '2025-05-20T08:00:00.000Z';

async function tableJson(db: Db, period: string, knownAt?: string) {
  let out = '';
  const code = await financeTableCommand.run(['--period', period, '--json', ...(knownAt ? ['--known-at', knownAt] : [])], {
    config: loadConfig({}),
    openDb: async () => ({ db, close: async () => {} }) as never,
    stdout: (t) => {
      out += t;
    },
    stderr: () => {},
  });
  expect(code).toBe(0);
  return JSON.parse(out) as {
    rows: { category: string; actualMonth: number; actualYtd: number }[];
    result: { actualMonth: number; actualYtd: number };
  };
}

describeEachDialect('finance as first reported', (ctx) => {
  beforeAll(async () => {
    await importOrThrow(ctx.db, saftImporter, sourceFromPath(await ledger('hovedbok-jan-apr.xml', ON_TIME)), { now: BEFORE_LATE });
    await importOrThrow(ctx.db, saftImporter, sourceFromPath(await ledger('hovedbok-jan-apr-korrigert.xml', [...ON_TIME, ...LATE])), {
      now: LATE_IMPORT,
    });
  }, 60_000);

  it('puts April’s first report cut-off 5 days after month end at 23:59 Oslo time', () => {
    expect(firstReportCutoff('2025-04')).toBe('2025-05-05T21:59:00.000Z');
    expect(firstReportCutoff('2025-01')).toBe('2025-02-05T22:59:00.000Z');
  });

  it('`finance table --known-at` before and after the late import differ by exactly the late postings', async () => {
    const before = await tableJson(ctx.db, '2025-04', '2025-05-10T00:00:00Z');
    const after = await tableJson(ctx.db, '2025-04', '2025-05-21T00:00:00+02:00');
    const now = await tableJson(ctx.db, '2025-04');
    expect(after).toEqual(now);
    const month = (t: typeof before, c: string) => t.rows.find((r) => r.category === c)!.actualMonth;
    expect(month(before, 'Andre driftskostnader')).toBe(600_000);
    expect(month(after, 'Andre driftskostnader') - month(before, 'Andre driftskostnader')).toBe(300_000);
    expect(month(after, 'Lisenser, support og garanti') - month(before, 'Lisenser, support og garanti')).toBe(50_000);
    expect(before.result.actualMonth - after.result.actualMonth).toBe(350_000);
    expect(before.result.actualYtd - after.result.actualYtd).toBe(350_000);
    for (const c of ['Driftsinntekter', 'Personalkostnader', 'Tjenestekjøp']) expect(month(after, c)).toBe(month(before, c));
    // March never changed; before the first import nothing was known.
    expect((await tableJson(ctx.db, '2025-03', '2025-05-10T00:00:00Z')).result).toEqual((await tableJson(ctx.db, '2025-03')).result);
    expect((await tableJson(ctx.db, '2025-04', '2025-05-01T00:00:00Z')).result.actualMonth).toBe(0);
  });

  it('refuses a --known-at without a time zone', async () => {
    await expect(tableJson(ctx.db, '2025-04', '2025-05-10')).rejects.toThrow(/Ugyldig tidspunkt «2025-05-10»/);
  });

  it('lists April alone as restated, with the late import, in the finance-restatement block', async () => {
    const months = await financeRestatement(ctx.db, { period: '2025-05', knownAt: '2025-06-10T08:00:00.000Z' });
    expect(months).toEqual([
      {
        month: '2025-04',
        cutoff: '2025-05-05T21:59:00.000Z',
        firstReported: 40_000_000,
        now: 5_000_000,
        difference: -35_000_000,
        categories: ['Lisenser, support og garanti', 'Andre driftskostnader'],
        imports: [{ fileName: 'hovedbok-jan-apr-korrigert.xml', importedAt: LATE_IMPORT }],
      },
    ]);
    const [block] = (await financeRestatementBlock.build({
      db: ctx.db,
      period: '2025-05',
      compiledAt: '2025-06-10T08:00:00.000Z',
    })) as TableBlock[];
    expect(block!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      [
        'April 2025',
        '0,4',
        '0,1',
        '−0,4',
        'hovedbok-jan-apr-korrigert.xml (20.05.2025); endret: Lisenser, support og garanti, Andre driftskostnader',
      ],
    ]);
    // Compiled before the late import, nothing was restated: no block.
    expect(await financeRestatementBlock.build({ db: ctx.db, period: '2025-05', compiledAt: '2025-05-15T08:00:00.000Z' })).toEqual([]);
  });
});
