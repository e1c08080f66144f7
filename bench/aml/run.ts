/**
 * AML engine benchmark (prints figures; not a test). Run: `npx tsx bench/aml/run.ts [--employees N]`.
 *
 *  1. Engine alone: each synthetic employee's year of records through evaluateEmployee for one
 *     month (records generated outside the timing), on one core: records per second.
 *  2. End to end: the same organisation written to a SQLite file, then one monthly evaluation
 *     (evaluateAml) including loading every employee's 53-week history from SQLite.
 *  3. Peak RSS of the whole run (generation is streamed per employee, so it stays bounded).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { lastDayOfMonth } from '../../src/shared/period.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { evaluateAml } from '../../src/workforce/aml/aml.service.ts';
import { evaluateEmployee } from '../../src/workforce/aml/aml.ts';
import { syntheticRecords } from './generate.ts';

const { values } = parseArgs({
  options: { employees: { type: 'string', default: '10000' }, month: { type: 'string', default: '2025-05' } },
});
const employees = Number(values.employees);
const month = values.month!;
const range = { from: '2024-04-21', to: '2025-06-03' };
const evaluated = { from: `${month}-01`, to: lastDayOfMonth(month) };
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const nf = new Intl.NumberFormat('en-US');

async function engineAlone(): Promise<void> {
  let records = 0;
  let breaches = 0;
  let ms = 0;
  let cpu = 0;
  for (let i = 0; i < employees; i++) {
    const history = { employeeId: `E${i}`, records: syntheticRecords(i, range) };
    const t = performance.now();
    const c = process.cpuUsage();
    breaches += evaluateEmployee(history, evaluated).length;
    const used = process.cpuUsage(c);
    cpu += (used.user + used.system) / 1000;
    ms += performance.now() - t;
    records += history.records.length;
  }
  console.log(
    `engine alone:  ${nf.format(records)} records of ${nf.format(employees)} employees, ${nf.format(breaches)} breaches in ${month}`,
  );
  console.log(
    `               ${nf.format(Math.round(records / (ms / 1000)))} records/s wall (${(ms / 1000).toFixed(2)} s), ${nf.format(Math.round(records / (cpu / 1000)))} records/s CPU (${(cpu / 1000).toFixed(2)} s)`,
  );
}

function writeDatabase(file: string): number {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  const emp = sqlite.prepare(
    'insert into employees (employee_id, name, position_fraction, valid_from, valid_to, exempt, unit, import_run_id) values (?, null, 1, ?, null, 0, null, 0)',
  );
  const rec = sqlite.prepare(
    'insert into time_records (employee_id, start_ms, end_ms, kind, cause, registered_ms, record_key, import_run_id) values (?, ?, ?, ?, ?, ?, ?, 0)',
  );
  let total = 0;
  const chunk = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = `E${String(i).padStart(6, '0')}`;
      emp.run(id, '2020-01-01');
      for (const r of syntheticRecords(i, range)) {
        rec.run(id, r.start, r.end, r.kind, r.cause, r.registeredAt, `${id}|${r.start}|${r.end}|${r.kind}|${r.cause ?? ''}`);
        total++;
      }
    }
  });
  for (let i = 0; i < employees; i += 500) chunk(i, Math.min(employees, i + 500));
  sqlite.close();
  return total;
}

async function endToEnd(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aml-bench-'));
  const file = join(dir, 'bench.db');
  try {
    const setup = openDatabase(`sqlite:${file}`);
    await migrateToLatest(setup.db);
    await setup.close();
    const t0 = performance.now();
    const total = writeDatabase(file);
    console.log(
      `setup:         ${nf.format(total)} records written to SQLite in ${((performance.now() - t0) / 1000).toFixed(1)} s (not timed below)`,
    );
    const open = openDatabase(`sqlite:${file}`);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const [breaches = []] = await evaluateAml(open.db, [evaluated]);
    const seconds = (performance.now() - t1) / 1000;
    const used = process.cpuUsage(c1);
    await open.close();
    console.log(`end to end:    monthly evaluation of ${nf.format(employees)} employees incl. loading 53 weeks from SQLite:`);
    console.log(`               ${seconds.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`);
    console.log(`               ${nf.format(breaches.length)} breaches in ${month}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`AML benchmark: ${nf.format(employees)} employees, records ${range.from} – ${range.to}, evaluating ${month}`);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
await engineAlone();
await endToEnd();
console.log(`peak RSS:      ${mb(process.resourceUsage().maxRSS * 1024)}`);
