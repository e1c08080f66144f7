/**
 * Hires, leavers, headcount, FTE and turnover from the employee register's employment periods, and
 * recruitments started, filled and open from the recruitment register. Pure: plain rows in, figures
 * out, for an explicit month.
 *
 * Definitions (docs/workforce.md):
 * - An employment spell is a run of periods where each starts the day after the previous one ends
 *   (a change of position fraction is not a new hire). A gap of one day or more ends the spell.
 * - A hire is the first day of a spell in the month; a leaver is the last day of a spell in the month.
 *   An employee who leaves and comes back is a leaver once and a hire twice.
 * - Headcount and FTE are taken on the month's last day (someone whose last day it is still counts).
 * - 12-month turnover = leavers in the 12 months up to and including the month, divided by the
 *   average of the 12 month-end headcounts, in percent.
 */
import { addDays, firstDayOfMonth, type IsoDate, lastDayOfMonth, rolling12Months, type YearMonth } from '../../shared/period.ts';

/** One stored employment period (a row of the employee register). */
export interface EmploymentPeriod {
  employeeId: string;
  from: IsoDate;
  /** Inclusive; null = open-ended. */
  to: IsoDate | null;
  fraction: number;
  unit: string | null;
  role: string | null;
}

export interface EmploymentSpell {
  employeeId: string;
  from: IsoDate;
  to: IsoDate | null;
  /** Unit and role of the spell's first period (where the employee was hired). */
  startUnit: string | null;
  startRole: string | null;
  /** Unit and role of the spell's last period (where the employee left from). */
  endUnit: string | null;
  endRole: string | null;
}

/** A hire or a leaver, without the person: the board output never names anyone. */
export interface Movement {
  unit: string | null;
  role: string | null;
  date: IsoDate;
}

export interface WorkforceMonth {
  period: YearMonth;
  hires: Movement[];
  leavers: Movement[];
  /** Employees with a position on the month's last day. */
  headcount: number;
  /** Sum of their position fractions. */
  fte: number;
}

/** Joins each employee's adjoining periods into spells, sorted by employee and start. */
export function employmentSpells(periods: readonly EmploymentPeriod[]): EmploymentSpell[] {
  const sorted = [...periods].sort((a, b) =>
    a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
  );
  const out: EmploymentSpell[] = [];
  let current: EmploymentSpell | undefined;
  for (const p of sorted) {
    const adjoins = current && current.employeeId === p.employeeId && current.to !== null && addDays(current.to, 1) >= p.from;
    if (current && adjoins) {
      current.to = p.to;
      current.endUnit = p.unit;
      current.endRole = p.role;
      continue;
    }
    current = { employeeId: p.employeeId, from: p.from, to: p.to, startUnit: p.unit, startRole: p.role, endUnit: p.unit, endRole: p.role };
    out.push(current);
  }
  return out;
}

function within(date: IsoDate, from: IsoDate, to: IsoDate): boolean {
  return from <= date && date <= to;
}

/** Hires, leavers, headcount and FTE of one month. */
export function workforceMonth(periods: readonly EmploymentPeriod[], period: YearMonth): WorkforceMonth {
  return workforceMonthOf(employmentSpells(periods), periods, period);
}

function workforceMonthOf(spells: readonly EmploymentSpell[], periods: readonly EmploymentPeriod[], period: YearMonth): WorkforceMonth {
  const first = firstDayOfMonth(period);
  const last = lastDayOfMonth(period);
  const hires: Movement[] = [];
  const leavers: Movement[] = [];
  for (const s of spells) {
    if (within(s.from, first, last)) hires.push({ unit: s.startUnit, role: s.startRole, date: s.from });
    if (s.to !== null && within(s.to, first, last)) leavers.push({ unit: s.endUnit, role: s.endRole, date: s.to });
  }
  const onLastDay = new Map<string, number>();
  for (const p of periods) {
    if (p.from <= last && (p.to === null || last <= p.to)) onLastDay.set(p.employeeId, (onLastDay.get(p.employeeId) ?? 0) + p.fraction);
  }
  let fte = 0;
  for (const f of onLastDay.values()) fte += f;
  return { period, hires, leavers, headcount: onLastDay.size, fte: Math.round(fte * 1000) / 1000 };
}

/** The 12 months up to and including `period`, oldest first. */
export function workforceTrend(periods: readonly EmploymentPeriod[], period: YearMonth): WorkforceMonth[] {
  const spells = employmentSpells(periods);
  return rolling12Months(period).map((m) => workforceMonthOf(spells, periods, m));
}

/** Leavers in the 12 months up to `period` per average month-end headcount, in percent (null without staff). */
export function turnover12(periods: readonly EmploymentPeriod[], period: YearMonth): number | null {
  const months = workforceTrend(periods, period);
  const average = months.reduce((s, m) => s + m.headcount, 0) / months.length;
  if (average === 0) return null;
  const leavers = months.reduce((s, m) => s + m.leavers.length, 0);
  return (leavers / average) * 100;
}

/** Counts by unit and role, sorted by unit then role ("Uten enhet"/"Uten stilling" for missing values). */
export function countByUnitAndRole(
  items: readonly { unit: string | null; role: string | null }[],
): { unit: string; role: string; count: number }[] {
  const counts = new Map<string, { unit: string; role: string; count: number }>();
  for (const i of items) {
    const unit = i.unit ?? 'Uten enhet';
    const role = i.role ?? 'Uten stilling';
    const key = `${unit}\u0000${role}`;
    const c = counts.get(key) ?? { unit, role, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'nb') || a.role.localeCompare(b.role, 'nb'));
}

// ---------- recruitments ----------

export const RECRUITMENT_STATUSES = ['open', 'filled', 'cancelled'] as const;
export type RecruitmentStatus = (typeof RECRUITMENT_STATUSES)[number];

export interface Recruitment {
  position: string;
  unit: string;
  role: string;
  started: IsoDate;
  status: RecruitmentStatus;
  /** Set when status is `filled`. */
  filledOn: IsoDate | null;
}

export interface RecruitmentMonth {
  period: YearMonth;
  started: Recruitment[];
  filled: Recruitment[];
  /** Started by the month's last day and neither filled by then nor cancelled. */
  open: Recruitment[];
}

export function recruitmentMonth(recruitments: readonly Recruitment[], period: YearMonth): RecruitmentMonth {
  const first = firstDayOfMonth(period);
  const last = lastDayOfMonth(period);
  return {
    period,
    started: recruitments.filter((r) => within(r.started, first, last)),
    filled: recruitments.filter((r) => r.status === 'filled' && r.filledOn !== null && within(r.filledOn, first, last)),
    open: recruitments.filter(
      (r) => r.started <= last && (r.status === 'open' || (r.status === 'filled' && r.filledOn !== null && r.filledOn > last)),
    ),
  };
}
