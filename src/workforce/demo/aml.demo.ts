/**
 * The AML demo: generates the demo organisation's raw employees, dispensations and time-record
 * exports, and imports them through the real importers. The working-time figures of the May 2025
 * report (demo-targets.md, "Working-time breaches") are reproduced by PLACING breach scenarios in
 * realistic, otherwise compliant working time; the engine finds them again from the raw records.
 * The target figures live here and nowhere else.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom, type Random } from '../../demo/random.ts';
import type { DemoContext } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import type { YearMonth } from '../../shared/period.ts';
import { firstCutoffMs } from '../aml/aml.service.ts';
import { dayOf, HOUR_MS, isoToDay, mondayOf } from '../aml/rules/aml-time.ts';
import { baselineRecords } from './aml-demo-baseline.ts';
import { type DemoTimeRecord, dispensationsCsv, employeesCsv, timeRecordsCsv } from './aml-demo-files.ts';
import { type DemoEmployee, demoEmployees } from './aml-demo-org.ts';
import { type Placement, Placer, type PlanItem } from './aml-demo-plan.ts';
import { type DemoRecordDraft, SCENARIOS, type ScenarioId, scenarioOvertimeHours } from './aml-demo-scenarios.ts';
import { csvTime, localAt } from './aml-demo-time.ts';

/** Breaches per month: [as first reported, corrected]. 2025 from the May 2025 report; 2024 plausible. */
export const AML_DEMO_MONTHS: Readonly<Record<YearMonth, readonly [number, number]>> = Object.freeze({
  '2024-01': [15, 17],
  '2024-02': [17, 18],
  '2024-03': [21, 24],
  '2024-04': [11, 12],
  '2024-05': [10, 11],
  '2024-06': [13, 14],
  '2024-07': [5, 5],
  '2024-08': [8, 9],
  '2024-09': [15, 17],
  '2024-10': [18, 20],
  '2024-11': [14, 15],
  '2024-12': [9, 10],
  '2025-01': [19, 21],
  '2025-02': [21, 23],
  '2025-03': [20, 28],
  '2025-04': [7, 7],
  '2025-05': [8, 9],
});

/** May 2025 exactly as reported: 4 daily rest, 2 weekly rest, 2 hours per day, 1 hours per week. */
const MAY_2025: readonly PlanItem[] = [
  { scenario: 'nightCallout', cause: 'on-call', late: false },
  { scenario: 'nightCallout', cause: 'on-call', late: false },
  { scenario: 'nightCallout', cause: 'on-call', late: false },
  { scenario: 'quickReturn', cause: 'patching', late: false },
  { scenario: 'weekendCallout', cause: 'on-call', late: false },
  { scenario: 'saturdayWork', cause: 'firewall', late: false },
  { scenario: 'longDay', cause: 'project:KAK', late: true },
  { scenario: 'longDay', cause: 'supplier-change', late: false },
  { scenario: 'longWeek', cause: 'project:KAK', late: false },
];

/** How often each scenario occurs in the other months (relative weights). */
const MIX: readonly [ScenarioId, number][] = [
  ['nightCallout', 28],
  ['quickReturn', 15],
  ['weekendCallout', 12],
  ['saturdayWork', 10],
  ['longDay', 14],
  ['longWeek', 6],
  ['overtimeWeek', 8],
  ['overtime4w', 3],
  ['sundayTwice', 4],
];

const FIRST_MONDAY = isoToDay('2023-12-04');
const LAST_MONDAY = isoToDay('2025-05-26');
/** Late approvals of the report months arrive before the May report is compiled. */
const LATEST_REGISTRATION = localAt(isoToDay('2025-06-09'), 14 * 60);

function drawItem(random: Random): Omit<PlanItem, 'late'> {
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  let r = random.next() * total;
  for (const [scenario, w] of MIX) {
    r -= w;
    if (r < 0) return { scenario, cause: random.pick(SCENARIOS[scenario].causes) };
  }
  return { scenario: 'nightCallout', cause: 'on-call' };
}

/** Every scenario of every month, placed on an employee and a week. */
export function planScenarios(random: Random, staff: DemoEmployee[]): Placement[] {
  const placer = new Placer(random, staff, FIRST_MONDAY, LAST_MONDAY);
  const out: Placement[] = [];
  for (const [month, [first, corrected]] of Object.entries(AML_DEMO_MONTHS)) {
    const items: PlanItem[] = [];
    if (month === '2025-05') items.push(...MAY_2025);
    else {
      const lateAt = new Set(random.shuffle([...Array(corrected).keys()]).slice(0, corrected - first));
      for (let i = 0; i < corrected; i++) items.push({ ...drawItem(random), late: lateAt.has(i) });
    }
    for (const item of items) {
      let placed = placer.place(item, month);
      // A scenario no one can take this month (all such staff busy): draw another of the same lateness.
      for (let tries = 0; !placed && month !== '2025-05' && tries < 50; tries++)
        placed = placer.place({ ...drawItem(random), late: item.late }, month);
      if (!placed) throw new AppError('INTERNAL', `AML demo: cannot place ${item.scenario} (${item.cause}) in ${month}`);
      out.push(placed);
    }
  }
  return out;
}

function registration(random: Random, d: DemoRecordDraft, late: { month: YearMonth } | undefined, scenario: boolean): number {
  if (late) {
    const from = firstCutoffMs(late.month) + 12 * HOUR_MS;
    const to = Math.min(firstCutoffMs(late.month) + 30 * 24 * HOUR_MS, LATEST_REGISTRATION);
    return from + Math.floor(random.next() * (to - from));
  }
  // Ordinary days, and scenario weeks that are not late, are approved the next morning.
  if (d.kind === 'ordinary' || scenario) return localAt(dayOf(d.end) + 1, 7 * 60 + random.int(0, 180));
  // Overtime and call-outs are approved later; now and then weeks later.
  return d.end + (random.chance(0.1) ? random.int(15, 40) : random.int(1, 10)) * 24 * HOUR_MS;
}

/** The whole demo data set, deterministic. */
export function generateAmlDemo(seed = 'hdo-demo-aml'): { employees: DemoEmployee[]; records: DemoTimeRecord[]; placements: Placement[] } {
  const random = createRandom(seed);
  const employees = demoEmployees(random.fork('staff'));
  const placements = planScenarios(random.fork('plan'), employees);
  const records: DemoTimeRecord[] = [];
  const regRandom = random.fork('registration');
  for (const e of employees) {
    const mine = placements.filter((p) => p.employee.id === e.id);
    const scenarioWeeks = new Set<number>();
    const quietWeeks = new Set<number>();
    const scenarioOvertime = new Map<number, number>();
    const drafts: { d: DemoRecordDraft; late: { month: YearMonth } | undefined; scenario: boolean }[] = [];
    for (const p of mine) {
      const kind = SCENARIOS[p.scenario];
      const built = kind.build(e, p.monday, p.cause);
      for (let w = 0; w < kind.weeks; w++) {
        const m = p.monday - 7 * w;
        scenarioWeeks.add(m);
        scenarioOvertime.set(m, scenarioOvertimeHours(built.filter((d) => mondayOf(dayOfDraft(d)) === m)));
      }
      for (let w = -3; w <= 3; w++) quietWeeks.add(p.monday - 7 * (kind.weeks - 1) + 7 * w).add(p.monday + 7 * w);
      for (const d of built) drafts.push({ d, late: p.late && d.trigger ? { month: p.month } : undefined, scenario: true });
    }
    const baseline = baselineRecords(e, {
      random: random.fork(`baseline-${e.id}`),
      firstMonday: FIRST_MONDAY,
      lastMonday: LAST_MONDAY,
      scenarioWeeks,
      quietWeeks,
      scenarioOvertime,
    });
    for (const d of baseline) drafts.push({ d, late: undefined, scenario: false });
    for (const { d, late, scenario } of drafts) {
      records.push({
        employeeId: e.id,
        start: d.start,
        end: d.end,
        kind: d.kind,
        cause: d.cause,
        registeredAt: registration(regRandom, d, late, scenario),
      });
    }
  }
  records.sort((a, b) => (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : a.start - b.start));
  return { employees, records, placements };
}

function dayOfDraft(d: DemoRecordDraft): number {
  return isoToDay(csvTime(d.start).slice(0, 10));
}

/**
 * Writes the raw files and imports them. The time system is exported twice, as the customer does:
 * a 2024 export and a 2025 export that repeats December 2024 (the importer does not double it).
 */
export async function runAmlDemo(ctx: DemoContext): Promise<void> {
  const { employees, records } = generateAmlDemo();
  const files = {
    employees: join(ctx.dir, 'ansatte.csv'),
    dispensations: join(ctx.dir, 'aml-dispensasjoner.csv'),
    records2024: join(ctx.dir, 'timeregistreringer-2024.csv'),
    records2025: join(ctx.dir, 'timeregistreringer-2025.csv'),
  };
  const split = localAt(isoToDay('2025-01-01'), 0);
  const overlap = localAt(isoToDay('2024-12-01'), 0);
  await writeFile(files.employees, employeesCsv(employees));
  await writeFile(files.dispensations, dispensationsCsv(employees));
  await writeFile(files.records2024, timeRecordsCsv(records.filter((r) => r.start < split)));
  await writeFile(files.records2025, timeRecordsCsv(records.filter((r) => r.start >= overlap)));
  await ctx.importFile('employees', files.employees);
  await ctx.importFile('dispensations', files.dispensations);
  await ctx.importFile('time-records', files.records2024);
  await ctx.importFile('time-records', files.records2025);
  ctx.log(`${employees.length} ansatte og ${records.length} timeregistreringer (desember 2023 – mai 2025) importert`);
}
