/**
 * The demo's everyday working time: office days, on-call weeks with evening and Saturday-morning
 * call-outs, the servicedesk's shift rotation, occasional overtime, late approvals. Built to keep
 * within every AML limit, so every breach the engine finds comes from a placed scenario.
 */
import type { Random } from '../../demo/random.ts';
import { isPublicHoliday } from '../../shared/holidays.ts';
import type { RecordKind } from '../aml/aml-model.ts';
import { dayToIso } from '../aml/rules/aml-time.ts';
import { type DemoEmployee, employedOn, fractionOnDate } from './aml-demo-org.ts';
import type { DemoRecordDraft } from './aml-demo-scenarios.ts';
import { localAt } from './aml-demo-time.ts';

const H = 60;

/** Overtime caps the baseline keeps (hours): well inside 10 h/week, 25 h/4 weeks, 200 h/52 weeks. */
const WEEK_CAP = 3;
const FOUR_WEEK_CAP = 10;
const YEAR_CAP = 150;

const OVERTIME_CAUSES: Record<string, readonly string[]> = {
  Servicedesk: ['staff-shortage'],
  Nødnett: ['firewall', 'incident'],
  Telefoni: ['supplier-change', 'incident'],
  Video: ['supplier-change', 'incident'],
  Drift: ['patching', 'incident'],
  Prosjekt: ['project:KAK', 'project:KAK', 'project:Medielogg'],
  Ledelse: ['incident'],
};

export interface BaselineContext {
  random: Random;
  /** Mondays (day numbers) of the first and last generated week. */
  firstMonday: number;
  lastMonday: number;
  /** Weeks (Mondays) whose records a scenario provides. */
  scenarioWeeks: ReadonlySet<number>;
  /** Weeks (Mondays) without any extra work (around scenarios). */
  quietWeeks: ReadonlySet<number>;
  /** Overtime hours the scenarios put in each week (Monday → hours). */
  scenarioOvertime: ReadonlyMap<number, number>;
}

class OvertimeBudget {
  private readonly byWeek = new Map<number, number>();
  constructor(scenario: ReadonlyMap<number, number>) {
    for (const [w, h] of scenario) this.byWeek.set(w, h);
  }
  private sum(from: number, to: number): number {
    let s = 0;
    for (let w = from; w <= to; w += 7) s += this.byWeek.get(w) ?? 0;
    return s;
  }
  /** Adds `hours` in week `monday` if every window containing it stays under its cap. */
  take(monday: number, hours: number): boolean {
    const week = (this.byWeek.get(monday) ?? 0) + hours;
    if (week > WEEK_CAP) return false;
    for (let end = monday; end <= monday + 21; end += 7) if (this.sum(end - 21, end) + hours > FOUR_WEEK_CAP) return false;
    for (let end = monday; end <= monday + 51 * 7; end += 7) if (this.sum(end - 51 * 7, end) + hours > YEAR_CAP) return false;
    this.byWeek.set(monday, week);
    return true;
  }
}

function draft(dn: number, from: number, to: number, kind: RecordKind = 'ordinary', cause: string | null = null): DemoRecordDraft {
  return { start: localAt(dn, from), end: localAt(dn, to), kind, cause, trigger: false };
}

/** Three consecutive summer weeks a year (staggered between employees). */
function vacationWeeks(random: Random, firstMonday: number, lastMonday: number): Set<number> {
  const julyByYear = new Map<string, number[]>();
  for (let m = firstMonday; m <= lastMonday; m += 7) {
    const thursday = dayToIso(m + 3);
    if (thursday.slice(5, 7) !== '07') continue;
    const list = julyByYear.get(thursday.slice(0, 4)) ?? [];
    list.push(m);
    julyByYear.set(thursday.slice(0, 4), list);
  }
  const out = new Set<number>();
  for (const july of julyByYear.values()) {
    const start = random.int(0, Math.max(0, july.length - 3));
    for (const m of july.slice(start, start + 3)) out.add(m);
  }
  return out;
}

function officeDays(e: DemoEmployee, monday: number): number[] {
  const days: number[] = [];
  for (let d = 0; d < 5; d++) {
    const dn = monday + d;
    const date = dayToIso(dn);
    if (!employedOn(e, date) || isPublicHoliday(date)) continue;
    if (fractionOnDate(e, date) < 1 && d === 4) continue;
    days.push(dn);
  }
  return days;
}

function officeWeek(e: DemoEmployee, monday: number, ctx: BaselineContext, budget: OvertimeBudget, onCall: boolean): DemoRecordDraft[] {
  const { random } = ctx;
  const out: DemoRecordDraft[] = [];
  const quiet = ctx.quietWeeks.has(monday);
  const overtimeChance = e.unit === 'Prosjekt' ? 0.12 : 0.05;
  for (const dn of officeDays(e, monday)) {
    const start = e.dayStart + (random.chance(0.2) ? random.pick([-15, 15]) : 0);
    if (e.splitLunch) out.push(draft(dn, start, start + 3.5 * H), draft(dn, start + 4 * H, start + 8 * H));
    else out.push(draft(dn, start, start + 7.5 * H));
    const end = start + (e.splitLunch ? 8 : 7.5) * H;
    if (quiet) continue;
    if (random.chance(overtimeChance)) {
      const minutes = random.pick([30, 45, 60, 90]);
      if (budget.take(monday, minutes / H)) out.push(draft(dn, end, end + minutes, 'overtime', random.pick(OVERTIME_CAUSES[e.unit]!)));
    }
    // Evening call-outs end at least 12 h before the next morning's start.
    if (onCall && random.chance(0.3)) {
      const from = random.pick([17.5, 18, 18.5, 19]) * H;
      const minutes = random.pick([30, 45, 60]);
      const latestEnd = e.dayStart + 24 * H - 12 * H - 15;
      if (from + minutes <= latestEnd && budget.take(monday, minutes / H)) out.push(draft(dn, from, from + minutes, 'callout', 'on-call'));
    }
  }
  // Saturday-morning call-outs end by 12:30, leaving at least 35 h to Monday.
  if (onCall && !quiet && random.chance(0.4) && employedOn(e, dayToIso(monday + 5))) {
    const from = random.pick([8, 9, 10, 10.5]) * H;
    const minutes = Math.min(random.pick([45, 60, 90, 120]), 12.5 * H - from);
    if (budget.take(monday, minutes / H)) out.push(draft(monday + 5, from, from + minutes, 'callout', 'on-call'));
  }
  return out;
}

/** Servicedesk: 4-week rotation day / evening / day / day + weekend. */
function shiftWeek(e: DemoEmployee, monday: number, weekIndex: number, ctx: BaselineContext, budget: OvertimeBudget): DemoRecordDraft[] {
  const out: DemoRecordDraft[] = [];
  const type = (weekIndex + e.rotation) % 4;
  const kveldDag = e.dispensations.some((d) => d.type === 'rest');
  const employed = (dn: number) => employedOn(e, dayToIso(dn));
  const quiet = ctx.quietWeeks.has(monday);
  for (let d = 0; d < 5; d++) {
    const dn = monday + d;
    if (!employed(dn) || (type === 3 && d > 2)) continue;
    const evening = type === 1 && !(kveldDag && d === 4);
    if (evening) out.push(draft(dn, 14 * H, 22 * H));
    else out.push(draft(dn, 7 * H, 15 * H));
    if (!quiet && ctx.random.chance(0.04) && budget.take(monday, 1)) {
      out.push(evening ? draft(dn, 13 * H, 14 * H, 'overtime', 'staff-shortage') : draft(dn, 15 * H, 16 * H, 'overtime', 'staff-shortage'));
    }
  }
  if (type === 3) for (const d of [5, 6]) if (employed(monday + d)) out.push(draft(monday + d, 9 * H, 19 * H));
  return out;
}

/** Senior staff (exempt): long days and some weekend work; never evaluated. */
function managerWeek(e: DemoEmployee, monday: number, random: Random): DemoRecordDraft[] {
  const out: DemoRecordDraft[] = [];
  for (const dn of officeDays(e, monday)) out.push(draft(dn, 8 * H, random.pick([16, 17, 17.5, 18.5]) * H));
  if (random.chance(0.2)) out.push(draft(monday + 5, 10 * H, 14 * H));
  return out;
}

/** One employee's everyday records over the whole demo range. */
export function baselineRecords(e: DemoEmployee, ctx: BaselineContext): DemoRecordDraft[] {
  const budget = new OvertimeBudget(ctx.scenarioOvertime);
  const vacation = vacationWeeks(ctx.random, ctx.firstMonday, ctx.lastMonday);
  const onCallOffset = ctx.random.int(0, 5);
  const out: DemoRecordDraft[] = [];
  for (let m = ctx.firstMonday, i = 0; m <= ctx.lastMonday; m += 7, i++) {
    if (ctx.scenarioWeeks.has(m) || vacation.has(m)) continue;
    if (e.pattern === 'shift') out.push(...shiftWeek(e, m, i, ctx, budget));
    else if (e.pattern === 'manager') out.push(...managerWeek(e, m, ctx.random));
    else out.push(...officeWeek(e, m, ctx, budget, e.pattern === 'office-on-call' && (i + onCallOffset) % 6 === 0));
  }
  return out;
}
