/**
 * The sick-leave figures of one month as the API, the web page and the report show them: month
 * short/long/total, year to date, rolling 12 months, the indicator, a 12-month trend with "as first
 * reported" where it differs, per-unit figures and the definition footnote.
 */
import { type KpiStatus, type KpiTarget, kpiStatus } from '../../kpi/kpi.ts';
import { formatDate } from '../../shared/format.ts';
import { localDateOf, rolling12Months, type YearMonth, ytdMonths } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { countAbsences, loadSickLeaveInput, type SickLeaveInput } from './sick-leave.queries.ts';
import {
  type BandRule,
  computeSickLeave,
  ratesOf,
  type SickLeaveRates,
  type SickLeaveResult,
  type SickLeaveTotals,
  totalsOf,
  unitsOf,
} from './sick-leave.ts';
import { DEFAULT_SICK_LEAVE_SETTINGS, firstReportedAt, type SickLeaveSettings } from './sick-leave-settings.ts';

export interface SickLeaveFigures extends SickLeaveTotals, SickLeaveRates {}

export interface SickLeaveTrendPoint extends SickLeaveFigures {
  period: YearMonth;
  /** The month as first reported, only when its rounded percentages differ from the corrected ones. */
  firstReported: (SickLeaveFigures & { knownAt: string }) | null;
}

export interface SickLeaveOverview {
  period: YearMonth;
  /** False when no absences were ever imported or nobody is employed: figures are then empty. */
  hasData: boolean;
  /** Knowledge used for the corrected figures (ISO instant); null = everything imported. */
  knownAt: string | null;
  bandRule: BandRule;
  month: SickLeaveFigures;
  ytd: SickLeaveFigures & { months: YearMonth[] };
  rolling12: SickLeaveFigures;
  indicator: { target: KpiTarget; monthStatus: KpiStatus; ytdStatus: KpiStatus };
  /** The month as first reported (cut-off rule of the settings), when it differs from corrected. */
  firstReported: (SickLeaveFigures & { knownAt: string }) | null;
  /** The 12 months ending with `period`, oldest first. */
  trend: SickLeaveTrendPoint[];
  /** Per organisational unit (never per person); `unit` null = employees without a unit. */
  units: { unit: string | null; month: SickLeaveFigures; ytd: SickLeaveFigures }[];
  /** Norwegian footnote stating the rules used. */
  definition: string;
}

export function figures(totals: SickLeaveTotals): SickLeaveFigures {
  return { ...totals, ...ratesOf(totals) };
}

/** The Norwegian statement of the rules, printed under the tables (report) and on the page. */
export function definitionFootnote(bandRule: BandRule): string {
  const band =
    bandRule === 'whole-case'
      ? 'Hele tilfellet regnes som korttidsfravær (≤ 16 kalenderdager) eller langtidsfravær (> 16 kalenderdager).'
      : 'Dag 1–16 i et tilfelle regnes som korttidsfravær, dag 17 og senere som langtidsfravær.';
  return (
    'Sykefravær = tapte dagsverk i prosent av avtalte dagsverk. Avtalte dagsverk er virkedager (mandag–fredag unntatt ' +
    'helligdager) i ansettelsen, vektet med stillingsandel; ferie er ikke trukket fra. Tapte dagsverk = stillingsandel × ' +
    'sykmeldingsgrad per avtalt dag. Fravær som bare skilles av helg eller helligdager, regnes som ett tilfelle. ' +
    `${band} Hittil i år og 12 måneder er sum tapte delt på sum avtalte dagsverk, ikke snitt av månedsprosenter.`
  );
}

/** "Først rapportert" text: "status per 05.06.2025". */
export function firstReportedLabel(knownAt: string): string {
  return `status per ${formatDate(localDateOf(Date.parse(knownAt)))}`;
}

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

function differs(a: SickLeaveRates, b: SickLeaveRates): boolean {
  return round2(a.shortPct) !== round2(b.shortPct) || round2(a.longPct) !== round2(b.longPct) || round2(a.totalPct) !== round2(b.totalPct);
}

function earlier(a: string, b: string | undefined): string {
  return b !== undefined && Date.parse(b) < Date.parse(a) ? b : a;
}

/** Month M as first reported: knownAt = M's first cut-off (or the corrected knowledge, if earlier). */
function firstReportedOf(
  input: SickLeaveInput,
  month: YearMonth,
  corrected: SickLeaveFigures,
  options: { settings: SickLeaveSettings; knownAt?: string | undefined },
): (SickLeaveFigures & { knownAt: string }) | null {
  const knownAt = earlier(firstReportedAt(month, options.settings.firstCutoff), options.knownAt);
  const result = computeSickLeave({ ...input, months: [month] }, { bandRule: options.settings.bandRule, knownAt });
  const first = figures(totalsOf(result));
  return differs(first, corrected) ? { ...first, knownAt } : null;
}

/** Pure: the overview from already loaded input (the months must cover the rolling 12 months). */
export function buildOverview(
  input: SickLeaveInput,
  options: { period: YearMonth; settings: SickLeaveSettings; knownAt?: string | undefined; hasAbsences: boolean },
): SickLeaveOverview {
  const { period, settings, knownAt } = options;
  const months = rolling12Months(period);
  const ytd = ytdMonths(period);
  const result: SickLeaveResult = computeSickLeave({ ...input, months }, { bandRule: settings.bandRule, knownAt });
  const month = figures(totalsOf(result, { months: [period] }));
  const ytdFigures = figures(totalsOf(result, { months: ytd }));
  const trend = months.map((m) => {
    const corrected = figures(totalsOf(result, { months: [m] }));
    return { period: m, ...corrected, firstReported: firstReportedOf(input, m, corrected, { settings, knownAt }) };
  });
  return {
    period,
    hasData: options.hasAbsences && month.agreedDays > 0,
    knownAt: knownAt ?? null,
    bandRule: settings.bandRule,
    month,
    ytd: { ...ytdFigures, months: ytd },
    rolling12: figures(totalsOf(result)),
    indicator: {
      target: settings.target,
      monthStatus: kpiStatus(settings.target, month.totalPct),
      ytdStatus: kpiStatus(settings.target, ytdFigures.totalPct),
    },
    firstReported: trend[trend.length - 1]?.firstReported ?? null,
    trend,
    units: unitsOf(result).map((unit) => ({
      unit,
      month: figures(totalsOf(result, { months: [period], unit })),
      ytd: figures(totalsOf(result, { months: ytd, unit })),
    })),
    definition: definitionFootnote(settings.bandRule),
  };
}

export async function sickLeaveOverview(
  db: Db,
  options: { period: YearMonth; settings?: SickLeaveSettings; knownAt?: string | undefined },
): Promise<SickLeaveOverview> {
  const input = await loadSickLeaveInput(db, rolling12Months(options.period));
  const hasAbsences = (await countAbsences(db)) > 0;
  return buildOverview(input, { ...options, settings: options.settings ?? DEFAULT_SICK_LEAVE_SETTINGS, hasAbsences });
}

/** Month and YTD figures only (what the KPIs need), as known at `knownAt`; null without data. */
export async function sickLeaveKpiFigures(
  db: Db,
  options: { period: YearMonth; settings?: SickLeaveSettings; knownAt?: string | undefined },
): Promise<{ month: SickLeaveFigures; ytd: SickLeaveFigures } | null> {
  if ((await countAbsences(db)) === 0) return null;
  const months = ytdMonths(options.period);
  const input = await loadSickLeaveInput(db, months);
  const bandRule = (options.settings ?? DEFAULT_SICK_LEAVE_SETTINGS).bandRule;
  const result = computeSickLeave(input, { bandRule, knownAt: options.knownAt });
  const month = figures(totalsOf(result, { months: [options.period] }));
  if (month.agreedDays <= 0) return null;
  return { month, ytd: figures(totalsOf(result)) };
}
