import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../demo/random.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import { evaluateKpis } from '../../kpi/kpi.ts';
import { openDatabase } from '../../storage/db.ts';
import { migrateToLatest } from '../../storage/migrate.ts';
import { employeesImporter } from '../employees/employees.import.ts';
import { hiringKpis } from '../employees/hiring.kpis.ts';
import { recruitmentsImporter } from '../employees/recruitments.import.ts';
import { employeesCsv } from './aml-demo-files.ts';
import { DEMO_HIRE_DATES, demoEmployees } from './aml-demo-org.ts';
import { runHiringDemo } from './hiring.demo.ts';

/** The demo staff exactly as the AML demo generates it (same seed and fork). */
const staff = () => demoEmployees(createRandom('hdo-demo-aml').fork('staff'));

async function demo(employeesFile: string) {
  const open = openDatabase('sqlite::memory:');
  await migrateToLatest(open.db);
  const dir = mkdtempSync(join(tmpdir(), 'hiring-demo-'));
  const path = join(dir, 'ansatte.csv');
  writeFileSync(path, employeesFile);
  await importOrThrow(open.db, employeesImporter, sourceFromPath(path));
  const logs: string[] = [];
  const run = runHiringDemo({
    db: open.db,
    dir,
    period: '2025-05',
    importFile: (_kind, p) => importOrThrow(open.db, recruitmentsImporter, sourceFromPath(p)),
    log: (t) => logs.push(t),
  });
  return { open, run, logs };
}

describe('hiring demo', () => {
  it('gives 2 hires (Nødnett) and 1 recruitment started in May 2025 from the raw files', async () => {
    const { open, run, logs } = await demo(employeesCsv(staff()));
    await run;
    const values = await evaluateKpis(hiringKpis, { db: open.db, period: '2025-05' });
    const byId = Object.fromEntries(values.map((v) => [v.id, v.value]));
    expect(byId['workforce.hires']).toBe(2);
    expect(byId['workforce.recruitments.started']).toBe(1);
    expect(byId['workforce.leavers']).toBe(0);
    expect(byId['workforce.recruitments.open']).toBe(2);
    expect(logs).toEqual(['Ansettelser: 5 rekrutteringer importert; mai 2025: 2 ansettelser, 1 rekruttering startet']);
    await open.close();
  });

  it('changes the hires when one hire’s start date moves to June (and then misses its target)', async () => {
    const employees = staff();
    const hire = employees.find((e) => e.positions[0]!.from === DEMO_HIRE_DATES[1])!;
    hire.positions[0]!.from = '2025-06-02';
    const { open, run } = await demo(employeesCsv(employees));
    await expect(run).rejects.toThrow(/Ansettelsesdemoen traff ikke målene/);
    const values = await evaluateKpis(hiringKpis, { db: open.db, period: '2025-05' });
    expect(values.find((v) => v.id === 'workforce.hires')!.value).toBe(1);
    await open.close();
  });
});
