/** Issue 16 item 8: a trial balance next to SAF-T postings never counts a month twice, whichever comes first. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { runImport, sourceFromPath } from '../../imports/imports.ts';
import type { Db } from '../../storage/db.ts';
import { monthOfPeriod, monthsOfRange } from './ledger-overlap.ts';
import { saftImporter } from './saft.import.ts';
import { trialBalanceImporter } from './trial-balance.import.ts';

const TOYEN_NAME = 'ExampleFile_SAF-T_Financial_888888888_20180228235959.xml';
const TOYEN = join(resolve(import.meta.dirname, '../../../../shared/fixtures/saf-t'), TOYEN_NAME);
const dir = mkdtempSync(join(tmpdir(), 'ledger-overlap-'));
let n = 0;
function tb(text: string): string {
  const path = join(dir, `saldobalanse-${++n}.csv`);
  writeFileSync(path, `year;month;account;amount\n${text}`);
  return path;
}

const postingCount = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('ledger_postings')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('months of ledger periods', () => {
  it('maps the opening period 0 to January and 13 to December, across years', () => {
    expect([monthOfPeriod(201700), monthOfPeriod(201705), monthOfPeriod(201713)]).toEqual([201701, 201705, 201712]);
    expect(monthsOfRange(201711, 201802)).toEqual([201711, 201712, 201801, 201802]);
  });
});

describeEachDialect('trial balance after SAF-T for the same month', (ctx) => {
  it('is refused, naming the month and the SAF-T file; a month SAF-T does not cover still imports', async () => {
    expect((await runImport(ctx.db, saftImporter, sourceFromPath(TOYEN))).status).toBe('succeeded');
    const before = await postingCount(ctx.db);
    const clash = await runImport(ctx.db, trialBalanceImporter, sourceFromPath(tb('2017;2;3000;-100\n2017;3;3000;-100\n')));
    expect(clash.status).toBe('failed');
    expect(clash.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: `månedene 2017-02, 2017-03 har allerede tall fra SAF-T-fila «${TOYEN_NAME}»; saldobalansen ville telt dem to ganger, så ingenting ble importert. Bruk enten SAF-T eller saldobalanse for en måned`,
      }),
    );
    expect(await postingCount(ctx.db)).toBe(before);
    const later = await runImport(ctx.db, trialBalanceImporter, sourceFromPath(tb('2017;6;3000;-100\n')));
    expect(later.status).toBe('succeeded');
    expect(await postingCount(ctx.db)).toBe(before + 1);
  });
});

describeEachDialect('SAF-T after a trial balance for the same month', (ctx) => {
  it('is refused, naming the month and the trial balance; nothing of the SAF-T file is written', async () => {
    const path = tb('2017;3;3000;-100\n');
    expect((await runImport(ctx.db, trialBalanceImporter, sourceFromPath(path))).status).toBe('succeeded');
    const clash = await runImport(ctx.db, saftImporter, sourceFromPath(TOYEN));
    expect(clash.status).toBe('failed');
    expect(clash.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: `måneden 2017-03 har allerede tall fra saldobalansen «${path.split('/').at(-1)}»; SAF-T-fila ville telt den to ganger, så ingenting ble importert. Bruk enten SAF-T eller saldobalanse for en måned`,
      }),
    );
    expect(await postingCount(ctx.db)).toBe(1);
  });
});
