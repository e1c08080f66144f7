/**
 * Building blocks for the sick-leave demo generator: a plan of absence cases over the demo
 * employees that never merge with each other (so each case's lost days are known exactly), the lost
 * days a case adds per month, and a "filler" that finds the one graded case closest to a wanted
 * number of lost days. No target figure lives here; sick-leave.demo.ts holds them.
 */

import { Temporal } from 'temporal-polyfill';
import type { Random } from '../../demo/random.ts';
import { type IsoDate, parseLocalOrInstant, TIME_ZONE, type YearMonth } from '../../shared/period.ts';
import type { Absence, AbsenceType, PositionPeriod } from '../sick-leave/sick-leave.ts';
import { dateOfDay, dayNumber, isWorkingDayNumber, monthOfDay } from '../sick-leave/sick-leave-calendar.ts';

/** Calendar days kept free around every case so that no two cases of one employee merge. */
const GAP_DAYS = 7;

export interface PlannedCase {
  employeeId: string;
  records: Absence[];
}

export interface DemoEmployee {
  id: string;
  unit: string | null;
  positions: readonly PositionPeriod[];
}

function fractionOn(positions: readonly PositionPeriod[], day: number): number {
  const date = dateOfDay(day);
  for (const p of positions) if (p.from <= date && (p.to === null || date <= p.to)) return p.fraction;
  return 0;
}

function employedThroughout(positions: readonly PositionPeriod[], from: number, to: number): boolean {
  for (let d = from; d <= to; d++) if (fractionOn(positions, d) <= 0) return false;
  return true;
}

/** Lost days a single, isolated case adds per month: Σ fraction × grade over its working days. */
export function lostByMonth(employee: DemoEmployee, records: readonly Absence[]): Map<YearMonth, number> {
  const grade = new Map<number, number>();
  for (const r of records) {
    for (let d = dayNumber(r.from); d <= dayNumber(r.to); d++) grade.set(d, Math.max(grade.get(d) ?? 0, r.grade));
  }
  const out = new Map<YearMonth, number>();
  for (const [d, g] of grade) {
    if (!isWorkingDayNumber(d)) continue;
    const m = monthOfDay(d);
    out.set(m, (out.get(m) ?? 0) + fractionOn(employee.positions, d) * g);
  }
  return out;
}

/** The plan: cases per employee with the days they reserve, and lost days per month so far. */
export class AbsencePlan {
  readonly cases: PlannedCase[] = [];
  readonly lost = new Map<YearMonth, number>();
  private readonly reserved = new Map<string, { from: number; to: number }[]>();
  private readonly byId: Map<string, DemoEmployee>;

  constructor(readonly employees: readonly DemoEmployee[]) {
    this.byId = new Map(employees.map((e) => [e.id, e]));
  }

  employee(id: string): DemoEmployee {
    const e = this.byId.get(id);
    if (!e) throw new Error(`unknown demo employee ${id}`);
    return e;
  }

  /** Employed on every day of [from, to] and no other case within GAP_DAYS. */
  isFree(employeeId: string, from: IsoDate, to: IsoDate): boolean {
    const a = dayNumber(from);
    const b = dayNumber(to);
    for (const r of this.reserved.get(employeeId) ?? []) {
      if (!(b + GAP_DAYS < r.from || a - GAP_DAYS > r.to)) return false;
    }
    return employedThroughout(this.employee(employeeId).positions, a, b);
  }

  /** What the case would add per month. */
  preview(records: readonly Absence[]): Map<YearMonth, number> {
    const first = records[0];
    return first ? lostByMonth(this.employee(first.employeeId), records) : new Map();
  }

  add(records: readonly Absence[]): Map<YearMonth, number> {
    const first = records[0];
    if (!first) return new Map();
    const from = Math.min(...records.map((r) => dayNumber(r.from)));
    const to = Math.max(...records.map((r) => dayNumber(r.to)));
    const list = this.reserved.get(first.employeeId) ?? [];
    list.push({ from, to });
    this.reserved.set(first.employeeId, list);
    this.cases.push({ employeeId: first.employeeId, records: [...records] });
    const added = this.preview(records);
    for (const [m, v] of added) this.lost.set(m, (this.lost.get(m) ?? 0) + v);
    return added;
  }

  lostIn(months: readonly YearMonth[]): number {
    return months.reduce((s, m) => s + (this.lost.get(m) ?? 0), 0);
  }

  records(): Absence[] {
    return this.cases.flatMap((c) => c.records);
  }
}

/** Working days of [from, to] as day numbers. */
export function workingDays(from: IsoDate, to: IsoDate): number[] {
  const out: number[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) if (isWorkingDayNumber(d)) out.push(d);
  return out;
}

/** An instant (ISO, UTC) at a random local Europe/Oslo wall time on `date` between two whole hours. */
export function localTime(random: Random, date: IsoDate, fromHour: number, toHour: number): string {
  const h = random.int(fromHour, toHour - 1);
  const m = random.int(0, 59);
  const parsed = parseLocalOrInstant(`${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  if (!parsed.ok) throw new Error(`demo time on ${date} ${h}:${m} is ${parsed.problem}`);
  return new Date(parsed.epochMs).toISOString();
}

/** "2025-05-12T09:40:00+02:00": how the demo file writes an instant (local time with offset). */
export function localWithOffset(instant: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(TIME_ZONE).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

export interface FillOptions {
  /** Lost days wanted. */
  wanted: number;
  /** The case must lie inside [from, to]. */
  from: IsoDate;
  to: IsoDate;
  /** Longest case in working days, and in calendar days (16 keeps it short-term). */
  maxWorkingDays: number;
  maxCalendarDays: number;
  type: AbsenceType;
  /** Registration time of the record for a case starting on `date`. */
  registeredAt(date: IsoDate): string;
}

/**
 * The single case (employee, start, length, grade in whole percent 20–100) whose lost days come
 * closest to `wanted`, among employees free in the window. Returns undefined when nothing fits.
 */
export function bestFillingCase(plan: AbsencePlan, o: FillOptions): { records: Absence[]; lost: number } | undefined {
  const days = workingDays(o.from, o.to);
  let best: { employeeId: string; i: number; n: number; grade: number; error: number } | undefined;
  for (const e of plan.employees) {
    const fractions = days.map((d) => fractionOn(e.positions, d));
    for (let i = 0; i < days.length; i++) {
      let sum = 0;
      for (let n = 1; n <= o.maxWorkingDays && i + n - 1 < days.length; n++) {
        const f = fractions[i + n - 1]!;
        if (f <= 0) break;
        sum += f;
        if (days[i + n - 1]! - days[i]! + 1 > o.maxCalendarDays) break;
        const grades = o.type === 'self' ? [1] : [Math.min(1, Math.max(0.2, Math.round((o.wanted / sum) * 100) / 100))];
        for (const grade of grades) {
          const error = Math.abs(sum * grade - o.wanted);
          if (best && error >= best.error) continue;
          if (!plan.isFree(e.id, dateOfDay(days[i]!), dateOfDay(days[i + n - 1]!))) continue;
          best = { employeeId: e.id, i, n, grade, error };
        }
      }
    }
  }
  if (!best) return undefined;
  const from = dateOfDay(days[best.i]!);
  const to = dateOfDay(days[best.i + best.n - 1]!);
  const records: Absence[] = [
    { employeeId: best.employeeId, from, to, grade: best.grade, type: o.type, registeredAt: o.registeredAt(from) },
  ];
  return { records, lost: [...plan.preview(records).values()].reduce((s, v) => s + v, 0) };
}
