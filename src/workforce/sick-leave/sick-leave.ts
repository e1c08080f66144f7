/**
 * The sick-leave engine (working-time.md §7), pure: employees with position fractions over time and
 * absence records in, agreed days and lost days per month and organisational unit out. Month, YTD
 * and rolling-12 figures are ratios of sums over these cells, never averages of percentages.
 */
import type { IsoDate, YearMonth } from '../../shared/period.ts';
import {
  dateOfDay,
  dayNumber,
  isWorkingDayNumber,
  monthOfDay,
  onlyNonWorkingDaysBetween,
  workingDaysOfMonth,
} from './sick-leave-calendar.ts';

export type AbsenceType = 'self' | 'doctor';
/** `whole-case` (default): the whole case takes one band. `day-based`: days 1–16 short, 17+ long. */
export type BandRule = 'whole-case' | 'day-based';
export type Band = 'short' | 'long';

/** A case of at most this many calendar days is short-term (korttidsfravær). */
export const SHORT_TERM_MAX_DAYS = 16;

export interface PositionPeriod {
  from: IsoDate;
  /** Inclusive; null = open-ended. */
  to: IsoDate | null;
  /** 0–1 */
  fraction: number;
}

/** Structurally the `Employee` of employees.queries.ts; only what the engine needs. */
export interface SickLeaveEmployee {
  id: string;
  unit?: string | null;
  positions: readonly PositionPeriod[];
}

export interface Absence {
  employeeId: string;
  /** Inclusive dates. */
  from: IsoDate;
  to: IsoDate;
  /** 0.2–1.0 (self-certified = 1.0). */
  grade: number;
  type: AbsenceType;
  /** ISO instant the record was registered in the source system. */
  registeredAt: string;
}

export interface SickLeaveOptions {
  bandRule?: BandRule;
  /** Knowledge cut-off (ISO instant): only absences registered by then exist. Undefined = all. */
  knownAt?: string | undefined;
}

export interface SickLeaveCase {
  employeeId: string;
  from: IsoDate;
  to: IsoDate;
  /** Calendar days from first to last day, both inclusive. */
  lengthDays: number;
  /** The band of the whole case (what the default rule uses). */
  band: Band;
  types: AbsenceType[];
  /** Day number → sick-leave grade on that day (the highest grade of the records covering it). */
  grades: ReadonlyMap<number, number>;
}

export interface SickLeaveTotals {
  /** Avtalte dagsverk: working days weighted by position fraction. */
  agreedDays: number;
  /** Tapte dagsverk in short-term and long-term cases. */
  lostShort: number;
  lostLong: number;
}

export interface SickLeaveRates {
  shortPct: number | null;
  longPct: number | null;
  totalPct: number | null;
}

export interface SickLeaveCell {
  month: YearMonth;
  unit: string | null;
  totals: SickLeaveTotals;
}

export interface SickLeaveResult {
  months: YearMonth[];
  /** One cell per (month, unit) that has agreed or lost days. */
  cells: SickLeaveCell[];
}

export const EMPTY_TOTALS: Readonly<SickLeaveTotals> = Object.freeze({ agreedDays: 0, lostShort: 0, lostLong: 0 });

/** The absences that exist at `knownAt` (all of them when undefined). */
export function knownAbsences<A extends Pick<Absence, 'registeredAt'>>(absences: readonly A[], knownAt: string | undefined): A[] {
  if (knownAt === undefined) return [...absences];
  const cutoff = Date.parse(knownAt);
  return absences.filter((a) => Date.parse(a.registeredAt) <= cutoff);
}

function toCase(employeeId: string, days: number[], grades: Map<number, number>, types: Set<AbsenceType>): SickLeaveCase {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const lengthDays = last - first + 1;
  return {
    employeeId,
    from: dateOfDay(first),
    to: dateOfDay(last),
    lengthDays,
    band: lengthDays <= SHORT_TERM_MAX_DAYS ? 'short' : 'long',
    types: [...types].sort(),
    grades,
  };
}

/** One employee's cases: absences that touch, overlap or are separated only by non-working days merge. */
function casesOfEmployee(employeeId: string, absences: readonly Absence[]): SickLeaveCase[] {
  const grade = new Map<number, number>();
  const type = new Map<number, Set<AbsenceType>>();
  for (const a of absences) {
    for (let d = dayNumber(a.from), end = dayNumber(a.to); d <= end; d++) {
      grade.set(d, Math.max(grade.get(d) ?? 0, a.grade));
      const t = type.get(d) ?? new Set<AbsenceType>();
      t.add(a.type);
      type.set(d, t);
    }
  }
  const days = [...grade.keys()].sort((x, y) => x - y);
  const cases: SickLeaveCase[] = [];
  let run: number[] = [];
  let runGrades = new Map<number, number>();
  let runTypes = new Set<AbsenceType>();
  for (const d of days) {
    const prev = run[run.length - 1];
    if (prev !== undefined && !onlyNonWorkingDaysBetween(prev, d)) {
      cases.push(toCase(employeeId, run, runGrades, runTypes));
      run = [];
      runGrades = new Map();
      runTypes = new Set();
    }
    run.push(d);
    runGrades.set(d, grade.get(d)!);
    for (const t of type.get(d)!) runTypes.add(t);
  }
  if (run.length > 0) cases.push(toCase(employeeId, run, runGrades, runTypes));
  return cases;
}

/** Every employee's cases, as known at `options.knownAt`, sorted by employee and start. */
export function buildCases(absences: readonly Absence[], options: SickLeaveOptions = {}): SickLeaveCase[] {
  const byEmployee = new Map<string, Absence[]>();
  for (const a of knownAbsences(absences, options.knownAt)) {
    const list = byEmployee.get(a.employeeId) ?? [];
    list.push(a);
    byEmployee.set(a.employeeId, list);
  }
  return [...byEmployee.keys()].sort().flatMap((id) => casesOfEmployee(id, byEmployee.get(id)!));
}

interface DayRange {
  from: number;
  to: number;
  fraction: number;
}

function positionRanges(e: SickLeaveEmployee): DayRange[] {
  return e.positions.map((p) => ({
    from: dayNumber(p.from),
    to: p.to === null ? Number.POSITIVE_INFINITY : dayNumber(p.to),
    fraction: p.fraction,
  }));
}

function fractionOnDay(ranges: readonly DayRange[], day: number): number {
  for (const r of ranges) if (r.from <= day && day <= r.to) return r.fraction;
  return 0;
}

/** The band a day of a case counts in, under the chosen rule. */
export function bandOfDay(c: Pick<SickLeaveCase, 'band' | 'from'>, day: number, rule: BandRule): Band {
  if (rule === 'whole-case') return c.band;
  return day - dayNumber(c.from) + 1 <= SHORT_TERM_MAX_DAYS ? 'short' : 'long';
}

/**
 * Agreed and lost days per (month, unit) for `months`. Lost days = Σ over the agreed days of a case
 * of position fraction × grade; a case's length (and so its band) counts days outside `months`
 * too, so pass absences from a little before and after the months (any margin > 16 days suffices).
 */
export function computeSickLeave(
  input: { employees: readonly SickLeaveEmployee[]; absences: readonly Absence[]; months: readonly YearMonth[] },
  options: SickLeaveOptions = {},
): SickLeaveResult {
  const rule = options.bandRule ?? 'whole-case';
  const wanted = new Set(input.months);
  const cells = new Map<string, SickLeaveCell>();
  const cell = (month: YearMonth, unit: string | null): SickLeaveTotals => {
    const key = `${month}\u0000${unit ?? ''}`;
    let c = cells.get(key);
    if (!c) {
      c = { month, unit, totals: { ...EMPTY_TOTALS } };
      cells.set(key, c);
    }
    return c.totals;
  };
  const staff = new Map(input.employees.map((e) => [e.id, { unit: e.unit ?? null, ranges: positionRanges(e) }]));
  for (const [, e] of staff) {
    for (const month of input.months) {
      let agreed = 0;
      for (const d of workingDaysOfMonth(month)) agreed += fractionOnDay(e.ranges, d);
      if (agreed > 0) cell(month, e.unit).agreedDays += agreed;
    }
  }
  for (const c of buildCases(input.absences, options)) {
    const e = staff.get(c.employeeId);
    if (!e) continue;
    for (const [day, grade] of c.grades) {
      const month = monthOfDay(day);
      if (!wanted.has(month) || !isWorkingDayNumber(day)) continue;
      const lost = fractionOnDay(e.ranges, day) * grade;
      if (lost === 0) continue;
      const totals = cell(month, e.unit);
      if (bandOfDay(c, day, rule) === 'short') totals.lostShort += lost;
      else totals.lostLong += lost;
    }
  }
  return { months: [...input.months], cells: [...cells.values()].sort((a, b) => a.month.localeCompare(b.month)) };
}

/** Sums the cells of `months` (default: all) and of one unit (default: every unit). */
export function totalsOf(result: SickLeaveResult, filter: { months?: readonly YearMonth[]; unit?: string | null } = {}): SickLeaveTotals {
  const months = filter.months ? new Set(filter.months) : undefined;
  const out = { ...EMPTY_TOTALS };
  for (const c of result.cells) {
    if (months && !months.has(c.month)) continue;
    if (filter.unit !== undefined && c.unit !== filter.unit) continue;
    out.agreedDays += c.totals.agreedDays;
    out.lostShort += c.totals.lostShort;
    out.lostLong += c.totals.lostLong;
  }
  return out;
}

/** Percentages of agreed days; null when there are no agreed days. */
export function ratesOf(t: SickLeaveTotals): SickLeaveRates {
  if (t.agreedDays <= 0) return { shortPct: null, longPct: null, totalPct: null };
  const shortPct = (t.lostShort / t.agreedDays) * 100;
  const longPct = (t.lostLong / t.agreedDays) * 100;
  return { shortPct, longPct, totalPct: ((t.lostShort + t.lostLong) / t.agreedDays) * 100 };
}

/** The units present in a result, sorted (null = employees without a unit, last). */
export function unitsOf(result: SickLeaveResult): (string | null)[] {
  const units = [...new Set(result.cells.map((c) => c.unit))];
  return units.sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'nb')));
}
