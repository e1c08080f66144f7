/** Places breach scenarios on employees and weeks so that no two scenarios of one employee interact. */
import type { Random } from '../../demo/random.ts';
import { isPublicHoliday } from '../../shared/holidays.ts';
import type { YearMonth } from '../../shared/period.ts';
import { DAY_MS, dayStartMs, dayToIso, isoToDay, mondayOf } from '../aml/rules/aml-time.ts';
import { type DemoEmployee, employedOn, fractionOnDate } from './aml-demo-org.ts';
import { CAUSE_UNITS, SCENARIOS, type ScenarioId } from './aml-demo-scenarios.ts';

export interface PlanItem {
  scenario: ScenarioId;
  cause: string;
  /** The scenario's extra work is approved after the month's first cut-off. */
  late: boolean;
}

export interface Placement extends PlanItem {
  employee: DemoEmployee;
  /** Monday of the scenario's last week. */
  monday: number;
  month: YearMonth;
}

export class Placer {
  private readonly spans = new Map<string, [number, number][]>();
  constructor(
    private readonly random: Random,
    private readonly staff: DemoEmployee[],
    /** The generated range: Mondays of the first and last week. */
    private readonly firstMonday: number,
    private readonly lastMonday: number,
  ) {}

  /** The weekdays are working days and the week has no DST change (which moves weekly rest by an hour). */
  private daysAreWorkdays(monday: number, weekdays: readonly number[]): boolean {
    if (dayStartMs(monday + 7) - dayStartMs(monday) !== 7 * DAY_MS) return false;
    return weekdays.every((d) => !isPublicHoliday(dayToIso(monday + d)));
  }

  private fits(e: DemoEmployee, first: number, last: number): boolean {
    for (let m = first; m <= last; m += 7) {
      for (let d = 0; d < 7; d++) {
        const date = dayToIso(m + d);
        if (!employedOn(e, date) || fractionOnDate(e, date) < 1) return false;
      }
    }
    const spans = this.spans.get(e.id) ?? [];
    // Four free weeks between scenarios (no 4-week window holds two) and at most 4 a year.
    if (spans.some(([a, b]) => first - b < 28 && a - last < 28)) return false;
    return spans.filter(([a]) => Math.abs(a - first) < 364).length < 4;
  }

  place(item: PlanItem, month: YearMonth): Placement | undefined {
    const kind = SCENARIOS[item.scenario];
    const units = CAUSE_UNITS[item.cause] ?? [];
    const mondays: number[] = [];
    for (let m = mondayOf(isoToDay(`${month}-01`)) - 7; m <= isoToDay(`${month}-28`) + 7; m += 7) {
      const breach = dayToIso(m + kind.breachWeekday);
      if (breach.slice(0, 7) !== month || m < this.firstMonday + 7 * (kind.weeks + 1) || m > this.lastMonday) continue;
      let free = true;
      for (let w = 0; w < kind.weeks; w++)
        free &&= this.daysAreWorkdays(m - 7 * w, w === 0 ? kind.keyDays : kind.weeks === 4 ? [0, 1, 2, 3, 4] : [6]);
      if (free) mondays.push(m);
    }
    const pool = this.staff.filter((e) => units.includes(e.unit) && e.pattern !== 'shift' && !e.exempt && e.dispensations.length === 0);
    for (const monday of this.random.shuffle(mondays)) {
      const first = monday - 7 * (kind.weeks - 1);
      const employee = this.random.shuffle(pool).find((e) => this.fits(e, first, monday));
      if (!employee) continue;
      this.spans.set(employee.id, [...(this.spans.get(employee.id) ?? []), [first, monday]]);
      return { ...item, employee, monday, month };
    }
    return undefined;
  }
}
