/**
 * The demo's sick-leave data. Reads the demo employees from the database, generates twelve months
 * of absence records (self-certified days, doctor-certified and graded cases, long cases registered
 * in instalments, a case that crosses the 16-day boundary after the month's first cut-off), writes
 * them as a CSV and imports it through the real `absences` importer. The figures the demo must
 * reproduce (demo-targets.md) live here and nowhere else; the engine computes them from the rows.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom, type Random } from '../../demo/random.ts';
import type { DemoContext } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { formatMonth, formatPercent } from '../../shared/format.ts';
import {
  addDays,
  firstDayOfMonth,
  lastDayOfMonth,
  parseYearMonth,
  rolling12Months,
  type YearMonth,
  ytdMonths,
} from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { findEmployees } from '../employees/employees.queries.ts';
import { sickLeaveKpiFigures } from '../sick-leave/sick-leave.section.ts';
import { type Absence, computeSickLeave, ratesOf, totalsOf } from '../sick-leave/sick-leave.ts';
import { dateOfDay, dayNumber } from '../sick-leave/sick-leave-calendar.ts';
import { DEFAULT_SICK_LEAVE_SETTINGS, firstReportedAt } from '../sick-leave/sick-leave-settings.ts';
import { AbsencePlan, bestFillingCase, type DemoEmployee, localTime, localWithOffset, workingDays } from './sick-leave-demo-plan.ts';

/** The report month's figures (percent, two decimals) from the May 2025 report. */
export const DEMO_TARGETS = Object.freeze({ monthShortPct: 1.34, monthLongPct: 0.1, ytdTotalPct: 2.6 });

/** Plausible sick-leave levels (percent) by calendar month for the months before the report month. */
const BACKGROUND_PCT: Record<number, number> = {
  1: 3.5,
  2: 3.2,
  3: 2.9,
  4: 2.4,
  5: 2.2,
  6: 3.0,
  7: 2.1,
  8: 2.8,
  9: 3.5,
  10: 4.0,
  11: 4.4,
  12: 4.1,
};
/** Year-to-date months are generated below their level first, then topped up to the YTD target exactly. */
const YTD_HEADROOM = 0.88;
/** How close (percentage points) each target is hit before rounding to two decimals. */
const TOLERANCE_PCT = 0.001;

type Kind = 'self' | 'doctor-short' | 'doctor-long';

function pickKind(random: Random): Kind {
  const r = random.next();
  return r < 0.5 ? 'self' : r < 0.8 ? 'doctor-short' : 'doctor-long';
}

/** A case of `kind` for `employeeId` starting on working day `start` (the records, not yet checked). */
function caseRecords(random: Random, employeeId: string, start: string, kind: Kind): Absence[] {
  if (kind === 'self') {
    const days = workingDays(start, addDays(start, 6));
    const to = dateOfDay(days[Math.min(random.int(0, 2), days.length - 1)]!);
    return [{ employeeId, from: start, to, grade: 1, type: 'self', registeredAt: localTime(random, start, 7, 10) }];
  }
  const registered = (from: string) => localTime(random, addDays(from, random.int(0, 2)), 9, 15);
  if (kind === 'doctor-short') {
    const to = addDays(start, random.int(4, 13));
    const grade = random.chance(0.2) ? random.pick([0.4, 0.5, 0.6]) : 1;
    return [{ employeeId, from: start, to, grade, type: 'doctor', registeredAt: registered(start) }];
  }
  // Long: a first sick note of two weeks, then extensions registered around the end of the previous one
  // (some late, after the month's cut-off: those months are restated).
  const length = random.int(17, 70);
  const records: Absence[] = [];
  let from = start;
  let grade = 1;
  while (dayNumber(from) < dayNumber(start) + length) {
    const to = dateOfDay(Math.min(dayNumber(from) + 13, dayNumber(start) + length - 1));
    const registeredAt =
      records.length === 0
        ? registered(from)
        : localTime(random, addDays(from, random.chance(0.3) ? random.int(2, 9) : -random.int(0, 2)), 9, 15);
    records.push({ employeeId, from, to, grade, type: 'doctor', registeredAt });
    from = addDays(to, 1);
    if (random.chance(0.35)) grade = random.pick([0.5, 0.6, 0.4]);
  }
  return records;
}

interface Window {
  from: string;
  to: string;
}

interface Cap {
  months: YearMonth[];
  max: number;
}

/**
 * Adds random cases starting in `startWindow` and ending by `endBy` until the lost days of `months`
 * reach `wanted`, never letting the lost days of any `caps` entry pass its `max`.
 */
function fillRandomly(
  plan: AbsencePlan,
  random: Random,
  o: { months: YearMonth[]; wanted: number; caps: Cap[]; startWindow: Window; endBy: string; kinds?: Kind[] },
): void {
  const starts = workingDays(o.startWindow.from, o.startWindow.to);
  for (let misses = 0; starts.length > 0 && misses < 1_000 && plan.lostIn(o.months) < o.wanted; misses++) {
    const kind = o.kinds ? random.pick(o.kinds) : pickKind(random);
    const employee = random.pick(plan.employees);
    const records = caseRecords(random, employee.id, dateOfDay(random.pick(starts)), kind);
    const last = records[records.length - 1]!;
    if (last.to > o.endBy || !plan.isFree(employee.id, records[0]!.from, last.to)) continue;
    const adds = plan.preview(records);
    const over = (c: Cap) => plan.lostIn(c.months) + c.months.reduce((s, m) => s + (adds.get(m) ?? 0), 0) > c.max;
    if (o.caps.some(over)) continue;
    plan.add(records);
    misses = 0;
  }
}

/** Tops `months` up to exactly `wanted` lost days with at most two filling (graded) cases. */
function fillExactly(plan: AbsencePlan, random: Random, o: { months: YearMonth[]; wanted: number; window: Window; tolerance: number }) {
  const fill = (target: number) => {
    const found = bestFillingCase(plan, {
      wanted: target,
      from: o.window.from,
      to: o.window.to,
      maxWorkingDays: 10,
      maxCalendarDays: 16,
      type: 'doctor',
      registeredAt: (date) => localTime(random, date, 9, 15),
    });
    if (found) plan.add(found.records);
  };
  const residual = () => o.wanted - plan.lostIn(o.months);
  if (residual() > o.tolerance) fill(residual() - 0.5);
  if (residual() > o.tolerance) fill(residual());
}

/** The boundary case(s): doctor-certified from late in the month, first note 14 days, extended after the cut-off. */
function crossTheBoundary(plan: AbsencePlan, random: Random, o: { period: YearMonth; wanted: number; tolerance: number }) {
  const monthEnd = lastDayOfMonth(o.period);
  const cutoff = firstReportedAt(o.period, DEFAULT_SICK_LEAVE_SETTINGS.firstCutoff);
  // Start so late that the first note still runs when the month is first reported.
  const starts = workingDays(addDays(monthEnd, -8), monthEnd).filter((d) => d + 13 > dayNumber(cutoff.slice(0, 10)));
  const build = (employeeId: string, start: number, grade: number): Absence[] => {
    const from = dateOfDay(start);
    const firstTo = dateOfDay(start + 13);
    const registeredLate = localTime(random, firstTo, 9, 15);
    return [
      { employeeId, from, to: firstTo, grade, type: 'doctor', registeredAt: localTime(random, from, 9, 15) },
      { employeeId, from: addDays(firstTo, 1), to: dateOfDay(start + 27), grade, type: 'doctor', registeredAt: registeredLate },
    ];
  };
  for (let round = 0; round < 50; round++) {
    const residual = o.wanted - plan.lostIn([o.period]);
    if (residual <= o.tolerance) return;
    let best: { records: Absence[]; error: number } | undefined;
    for (const e of random.shuffle(plan.employees)) {
      for (const s of starts) {
        const full = build(e.id, s, 1);
        if (!plan.isFree(e.id, full[0]!.from, full[1]!.to)) continue;
        const fullLost = plan.preview(full).get(o.period) ?? 0;
        if (fullLost <= 0) continue;
        const grade = Math.min(1, Math.max(0.2, Math.round((residual / fullLost) * 100) / 100));
        const error = Math.abs(fullLost * grade - residual);
        if (!best || error < best.error) best = { records: build(e.id, s, grade), error };
      }
    }
    if (!best) return;
    plan.add(best.records);
  }
}

/** Agreed days per month of the demo employees (no absences needed). */
function agreedDays(employees: readonly DemoEmployee[], months: YearMonth[]): Map<YearMonth, number> {
  const result = computeSickLeave({ employees, absences: [], months });
  return new Map(months.map((m) => [m, totalsOf(result, { months: [m] }).agreedDays]));
}

/** The demo's absence records for the 12 months ending with `period` (deterministic). */
export function planDemoAbsences(employees: readonly DemoEmployee[], period: YearMonth, seed = 'sick-leave'): Absence[] {
  const random = createRandom(seed);
  const months = rolling12Months(period);
  const ytd = ytdMonths(period);
  const agreed = agreedDays(employees, months);
  const pctToDays = (pct: number, ms: YearMonth[]) => (pct / 100) * ms.reduce((s, m) => s + (agreed.get(m) ?? 0), 0);
  const plan = new AbsencePlan(employees);
  const before = addDays(firstDayOfMonth(period), -8);

  const month = [period];
  const earlier = ytd.slice(0, -1);
  const monthTotal = pctToDays(DEMO_TARGETS.monthShortPct + DEMO_TARGETS.monthLongPct, month);
  /** Lost days the months before the report month must add up to for the YTD target. */
  const earlierWanted = pctToDays(DEMO_TARGETS.ytdTotalPct, ytd) - monthTotal;
  const levels = new Map(
    months.slice(0, -1).map((m) => {
      const level = BACKGROUND_PCT[parseYearMonth(m).month] ?? 3;
      return [m, pctToDays(level * (earlier.includes(m) ? YTD_HEADROOM : 1), [m])];
    }),
  );
  // No month may overshoot its level by much (long cases spill into the next month), and the months
  // before the report month must leave room for the exact YTD top-up.
  const caps: Cap[] = [...levels].map(([m, wanted]) => ({ months: [m], max: wanted * 1.1 + 1 }));
  caps.push({ months: earlier, max: earlierWanted - 6 });
  for (const [m, wanted] of levels) {
    fillRandomly(plan, random.fork(m), {
      months: [m],
      wanted,
      caps,
      startWindow: { from: firstDayOfMonth(m), to: lastDayOfMonth(m) },
      endBy: before,
    });
  }

  const inMonth = { from: firstDayOfMonth(period), to: lastDayOfMonth(period) };
  const tolerance = pctToDays(TOLERANCE_PCT, month);
  crossTheBoundary(plan, random.fork('boundary'), { period, wanted: pctToDays(DEMO_TARGETS.monthLongPct, month), tolerance });
  fillRandomly(plan, random.fork('month'), {
    months: month,
    wanted: monthTotal - 4,
    caps: [{ months: month, max: monthTotal - 2 }],
    startWindow: inMonth,
    endBy: inMonth.to,
    kinds: ['self', 'self', 'doctor-short'],
  });
  fillExactly(plan, random.fork('month-fill'), { months: month, wanted: monthTotal, window: inMonth, tolerance });

  if (earlier.length > 0) {
    const window = { from: firstDayOfMonth(ytd[0]!), to: before };
    fillRandomly(plan, random.fork('ytd'), {
      months: earlier,
      wanted: earlierWanted - 4,
      caps: [{ months: earlier, max: earlierWanted - 2 }],
      startWindow: window,
      endBy: before,
    });
    fillExactly(plan, random.fork('ytd-fill'), {
      months: earlier,
      wanted: earlierWanted,
      window,
      tolerance: pctToDays(TOLERANCE_PCT, ytd),
    });
  }
  return plan.records().sort((a, b) => a.from.localeCompare(b.from) || a.employeeId.localeCompare(b.employeeId));
}

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/** The demo's month and YTD figures, rounded as the report shows them. */
export async function demoFigures(db: Db, period: YearMonth) {
  const f = await sickLeaveKpiFigures(db, { period });
  return {
    monthShortPct: round2(f?.month.shortPct ?? null),
    monthLongPct: round2(f?.month.longPct ?? null),
    monthTotalPct: round2(f?.month.totalPct ?? null),
    ytdTotalPct: round2(f?.ytd.totalPct ?? null),
  };
}

export function absencesCsv(absences: readonly Absence[]): string {
  const grade = (a: Absence) => (a.type === 'self' ? '' : a.grade === 1 ? '1' : String(a.grade).replace('.', ','));
  const lines = absences.map((a) => [a.employeeId, a.from, a.to, grade(a), a.type, localWithOffset(a.registeredAt)].join(';'));
  return `employee_id;from;to;grade;type;registered_at\n${lines.join('\n')}\n`;
}

export async function runSickLeaveDemo(ctx: DemoContext): Promise<void> {
  const employees = await findEmployees(ctx.db);
  if (employees.length === 0) {
    // The employees come from the working-time demo (order 10); without them there is nothing to be absent from.
    ctx.log('Sykefravær: ingen ansatte i databasen, hopper over (no employees: run the employees demo first)');
    return;
  }
  const absences = planDemoAbsences(employees, ctx.period);
  const path = join(ctx.dir, 'absences.csv');
  await writeFile(path, absencesCsv(absences));
  const result = await ctx.importFile('absences', path);
  const got = await demoFigures(ctx.db, ctx.period);
  const want = { ...DEMO_TARGETS, monthTotalPct: round2(DEMO_TARGETS.monthShortPct + DEMO_TARGETS.monthLongPct) };
  const wrong = (Object.keys(want) as (keyof typeof want)[]).filter((k) => got[k] !== want[k]);
  if (wrong.length > 0) {
    throw new AppError('INTERNAL', `Sykefraværsdemoen traff ikke målene (demo missed its targets): ${JSON.stringify({ got, want })}`);
  }
  const total = ratesOf(totalsOf(computeSickLeave({ employees, absences, months: [ctx.period] }))).totalPct;
  ctx.log(
    `Sykefravær: ${result.rowCount} fraværsperioder, ${formatMonth(ctx.period)} totalt ${total === null || total === undefined ? '–' : formatPercent(total)}`,
  );
}
