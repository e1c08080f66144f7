import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import { evaluateKpis } from '../../kpi/kpi.ts';
import type { DemoContext } from '../../module.ts';
import type { Db } from '../../storage/db.ts';
import { workforceAml } from '../aml/aml.module.ts';
import { type AmlSection, amlSection } from '../aml/aml.section.ts';
import { AML_DEMO_MONTHS, runAmlDemo } from './aml.demo.ts';

/** After the late approvals of May arrive, when the May report is compiled. */
const COMPILED_AT = '2025-06-10T08:00:00.000Z';

function demoContext(db: Db, dir: string): DemoContext {
  return {
    db,
    dir,
    period: '2025-05',
    importFile: (kind, path) => {
      const importer = workforceAml.importers!.find((i) => i.kind === kind)!;
      return importOrThrow(db, importer, sourceFromPath(path), { importedBy: 'demo' });
    },
    log: () => {},
  };
}

const count = (s: AmlSection, rule: string) => s.month.byRule.find((r) => r.rule === rule)!.count;

describeEachDialect('AML demo: generated raw time records reproduce the May 2025 report', (ctx) => {
  let may: AmlSection;
  beforeAll(async () => {
    await runAmlDemo(demoContext(ctx.db, mkdtempSync(join(tmpdir(), 'aml-demo-'))));
    may = await amlSection(ctx.db, { period: '2025-05', knownAt: COMPILED_AT });
  }, 240_000);

  it('counts 9 breaches in May 2025 (indicator < 8 not met) and 88 year to date', () => {
    expect(may.month.count).toBe(9);
    expect(may.indicator.monthStatus).toBe('not-met');
    expect(may.ytd.count).toBe(88);
  });

  it('breaks May down by type: daily rest 4, weekly rest 2, hours per day 2, hours per week 1, others 0', () => {
    expect(count(may, 'rest24')).toBe(4);
    expect(count(may, 'rest7d')).toBe(2);
    expect(count(may, 'hoursDay')).toBe(2);
    expect(count(may, 'hours7d')).toBe(1);
    expect(count(may, 'overtime7d') + count(may, 'overtime4w') + count(may, 'overtime52w') + count(may, 'sundays')).toBe(0);
    expect(may.month.byRule.find((r) => r.rule === 'rest24')!.sharePct).toBeCloseTo(44.44, 2);
  });

  it('breaks May down by cause with the report’s wording', () => {
    expect(Object.fromEntries(may.month.byCause.map((c) => [c.label, c.count]))).toEqual({
      'Bakvakt og utrykning': 4,
      'KAK/LifeX': 2,
      Brannmuroppgradering: 1,
      'Endring hos leverandør': 1,
      'Intern patching': 1,
    });
  });

  it('restates January–May before/after correction: 19→21, 21→23, 20→28, 7→7, 8→9', () => {
    expect(may.restatement.map((r) => [r.month, r.firstReported, r.corrected])).toEqual([
      ['2025-01', 19, 21],
      ['2025-02', 21, 23],
      ['2025-03', 20, 28],
      ['2025-04', 7, 7],
      ['2025-05', 8, 9],
    ]);
    expect(may.restatement.every((r) => r.removed === 0 && r.added === r.corrected - r.firstReported)).toBe(true);
  });

  it('gives a plausible 12-month trend from June 2024', () => {
    expect(may.trend.map((t) => t.month)).toEqual([
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
    expect(may.trend.map((t) => t.count)).toEqual(may.trend.map((t) => AML_DEMO_MONTHS[t.month]![1]));
  });

  it('shows the same figures through the KPIs', async () => {
    const values = await evaluateKpis(workforceAml.kpis!, { db: ctx.db, period: '2025-05', knownAt: COMPILED_AT });
    const byId = Object.fromEntries(values.map((v) => [v.id, v.value]));
    expect(byId['workforce.aml.month']).toBe(9);
    expect(byId['workforce.aml.ytd']).toBe(88);
    expect(byId['workforce.aml.month.rest24']).toBe(4);
    expect(byId['workforce.aml.month.sundays']).toBe(0);
    const first = await evaluateKpis(workforceAml.kpis!.slice(0, 1), {
      db: ctx.db,
      period: '2025-05',
      knownAt: '2025-06-05T21:59:00.000Z',
    });
    expect(first[0]!.value).toBe(8);
  });
});

describe('AML demo: the figures come from the raw data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aml-demo-raw-'));
    // Generate the files only (into an in-memory database), then edit the raw export.
    const { freshDatabase } = await import('../../../test/support/databases.ts');
    const open = await freshDatabase('sqlite');
    await runAmlDemo(demoContext(open.db, dir));
    await open.close();
  }, 240_000);

  it('drops May to 8 and the supplier-change cause to none when that overtime record is removed from the export', async () => {
    const file = join(dir, 'timeregistreringer-2025.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const kept = lines.filter(
      (l) => !(/;2025-05-\d\dT[\d:]+;overtime;supplier-change;/.test(l) || /;2025-05-\d\dT[\d:]+;callout;supplier-change;/.test(l)),
    );
    expect(lines.length - kept.length).toBeGreaterThan(0);
    writeFileSync(file, kept.join('\n'));
    const { freshDatabase } = await import('../../../test/support/databases.ts');
    const open = await freshDatabase('sqlite');
    const context = demoContext(open.db, dir);
    for (const [kind, name] of [
      ['employees', 'ansatte.csv'],
      ['dispensations', 'aml-dispensasjoner.csv'],
      ['time-records', 'timeregistreringer-2024.csv'],
      ['time-records', 'timeregistreringer-2025.csv'],
    ] as const) {
      await context.importFile(kind, join(dir, name));
    }
    const s = await amlSection(open.db, { period: '2025-05', knownAt: COMPILED_AT });
    await open.close();
    expect(s.month.count).toBe(8);
    expect(s.month.byCause.find((c) => c.cause === 'supplier-change')).toBeUndefined();
  }, 240_000);
});
