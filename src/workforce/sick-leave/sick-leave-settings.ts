/** The sick-leave settings (working-time.md §7 marks the band rule as a *setting*) and the cut-off rule. */
import { Temporal } from 'temporal-polyfill';
import type { KpiTarget } from '../../kpi/kpi.ts';
import { lastDayOfMonth, TIME_ZONE, type YearMonth } from '../../shared/period.ts';
import type { BandRule } from './sick-leave.ts';

export interface SickLeaveSettings {
  bandRule: BandRule;
  /** The indicator: total sick leave per month (and year to date). */
  target: KpiTarget;
  /**
   * "As first reported" for month M: knownAt = `days` after M's last day at `time` local, the same
   * rule the working-time (AML) figures use, so both restatements share one cut-off.
   */
  firstCutoff: { days: number; time: string };
}

export const DEFAULT_SICK_LEAVE_SETTINGS: Readonly<SickLeaveSettings> = Object.freeze<SickLeaveSettings>({
  bandRule: 'whole-case',
  target: { op: '<', value: 5 },
  firstCutoff: { days: 5, time: '23:59' },
});

/** The knowledge cut-off (ISO instant, UTC) at which month M's figures were first reported. */
export function firstReportedAt(month: YearMonth, cutoff: SickLeaveSettings['firstCutoff']): string {
  const day = Temporal.PlainDate.from(lastDayOfMonth(month)).add({ days: cutoff.days });
  const local = day.toPlainDateTime(Temporal.PlainTime.from(cutoff.time));
  return new Date(local.toZonedDateTime(TIME_ZONE).epochMilliseconds).toISOString();
}
