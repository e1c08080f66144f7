/**
 * The AML section model: what the report, the JSON API and the web page show for a month. Counts
 * only; employee-level breaches are available separately (amlBreachList) for the web app.
 */
import { type KpiStatus, kpiStatus } from '../../kpi/kpi.ts';
import { lastDayOfMonth, rolling12Months, type YearMonth, ytdMonths } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { type AmlQuery, evaluateAml, firstCutoffMs, monthRange } from './aml.service.ts';
import { compareBreaches } from './aml.ts';
import { cached, hasTimeRecords } from './aml-cache.ts';
import { amlFootnote, causeLabel, RULE_LABELS, ruleLimit } from './aml-labels.ts';
import { AML_RULES, type AmlRule, type AmlSettings, type Breach, DEFAULT_AML_SETTINGS } from './aml-model.ts';

export interface AmlRuleCount {
  rule: AmlRule;
  label: string;
  /** The legal limit from the settings: "11 t eller 8 t v/disp.". */
  limit: string;
  count: number;
  /** Share of the month's breaches in percent (unrounded); null when the month has none. */
  sharePct: number | null;
}

export interface AmlCauseCount {
  /** Cause code, null when the source gave none. */
  cause: string | null;
  label: string;
  count: number;
}

export interface AmlRestatementRow {
  month: YearMonth;
  /** The knowledge cut-off "as first reported" used (ISO instant). */
  cutoff: string;
  firstReported: number;
  corrected: number;
  /** Breach keys added / removed by the correction (set difference on keys). */
  added: number;
  removed: number;
}

export interface AmlSection {
  period: YearMonth;
  /** Knowledge used for the corrected figures (ISO instant). */
  knownAt: string;
  hasData: boolean;
  indicator: { target: AmlSettings['indicator']; monthStatus: KpiStatus };
  month: { count: number; byRule: AmlRuleCount[]; byCause: AmlCauseCount[] };
  ytd: { count: number; months: YearMonth[] };
  restatement: AmlRestatementRow[];
  trend: { month: YearMonth; count: number }[];
  footnote: string;
}

function byRule(breaches: readonly Breach[], settings: AmlSettings): AmlRuleCount[] {
  const total = breaches.length;
  return AML_RULES.map((rule) => {
    const count = breaches.filter((b) => b.rule === rule).length;
    return {
      rule,
      label: RULE_LABELS[rule],
      limit: ruleLimit(rule, settings),
      count,
      sharePct: total === 0 ? null : (count / total) * 100,
    };
  });
}

function byCause(breaches: readonly Breach[]): AmlCauseCount[] {
  const counts = new Map<string | null, number>();
  for (const b of breaches) counts.set(b.cause, (counts.get(b.cause) ?? 0) + 1);
  return [...counts]
    .map(([cause, count]) => ({ cause, label: causeLabel(cause), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'nb'));
}

function inMonth(breaches: readonly Breach[], month: YearMonth): Breach[] {
  return breaches.filter((b) => b.month === month);
}

export interface AmlSectionOptions {
  period: YearMonth;
  /** Knowledge for the corrected figures (the report's compile time or now), ISO instant. */
  knownAt: string;
  settings?: AmlSettings;
}

/** The section for a month; "first reported" for each month of the year uses its first cut-off. */
export async function amlSection(db: Db, o: AmlSectionOptions): Promise<AmlSection> {
  const settings = o.settings ?? DEFAULT_AML_SETTINGS;
  const knownAtMs = Date.parse(o.knownAt);
  const ytd = ytdMonths(o.period);
  const trendMonths = rolling12Months(o.period);
  const range = monthRange([...trendMonths, ...ytd]);
  const cutoffs = ytd.map((m) => Math.min(firstCutoffMs(m, settings), knownAtMs));
  const queries: AmlQuery[] = [
    { ...range, knownAt: knownAtMs },
    ...ytd.map((m, i) => ({ from: `${m}-01`, to: lastDayOfMonth(m), knownAt: cutoffs[i] })),
  ];
  const [corrected = [], ...firsts] = await cached(db, 'section', queries, settings, () => evaluateAml(db, queries, { settings }));
  const month = inMonth(corrected, o.period);
  const ytdCount = ytd.reduce((s, m) => s + inMonth(corrected, m).length, 0);
  return {
    period: o.period,
    knownAt: new Date(knownAtMs).toISOString(),
    hasData: await hasTimeRecords(db, range),
    indicator: { target: settings.indicator, monthStatus: kpiStatus(settings.indicator, month.length) },
    month: { count: month.length, byRule: byRule(month, settings), byCause: byCause(month) },
    ytd: { count: ytdCount, months: ytd },
    restatement: ytd.map((m, i) => {
      const before = new Set((firsts[i] ?? []).map((b) => b.key));
      const after = new Set(inMonth(corrected, m).map((b) => b.key));
      return {
        month: m,
        cutoff: new Date(cutoffs[i]!).toISOString(),
        firstReported: before.size,
        corrected: after.size,
        added: [...after].filter((k) => !before.has(k)).length,
        removed: [...before].filter((k) => !after.has(k)).length,
      };
    }),
    trend: trendMonths.map((m) => ({ month: m, count: inMonth(corrected, m).length })),
    footnote: amlFootnote(settings),
  };
}

/** Counts for KPIs: the month, year to date, and per rule, with knowledge up to `knownAt` (undefined = all). */
export async function amlCounts(
  db: Db,
  o: { period: YearMonth; knownAt?: string | undefined; settings?: AmlSettings },
): Promise<{ month: number; ytd: number; byRule: Record<AmlRule, number> } | null> {
  const settings = o.settings ?? DEFAULT_AML_SETTINGS;
  const ytd = ytdMonths(o.period);
  const range = monthRange(ytd);
  if (!(await hasTimeRecords(db, { from: `${o.period}-01`, to: lastDayOfMonth(o.period) }))) return null;
  const queries: AmlQuery[] = [{ ...range, knownAt: o.knownAt === undefined ? undefined : Date.parse(o.knownAt) }];
  const [breaches = []] = await cached(db, 'counts', queries, settings, () => evaluateAml(db, queries, { settings }));
  const month = inMonth(breaches, o.period);
  const rules = Object.fromEntries(AML_RULES.map((r) => [r, month.filter((b) => b.rule === r).length])) as Record<AmlRule, number>;
  return { month: month.length, ytd: breaches.length, byRule: rules };
}

/** The month's breaches, employee by employee (web app only, never the board report). */
export async function amlBreachList(
  db: Db,
  o: { period: YearMonth; knownAt?: string | undefined; settings?: AmlSettings },
): Promise<Breach[]> {
  const settings = o.settings ?? DEFAULT_AML_SETTINGS;
  const queries: AmlQuery[] = [
    { from: `${o.period}-01`, to: lastDayOfMonth(o.period), knownAt: o.knownAt === undefined ? undefined : Date.parse(o.knownAt) },
  ];
  const [breaches = []] = await cached(db, 'list', queries, settings, () => evaluateAml(db, queries, { settings }));
  return [...breaches].sort(compareBreaches);
}
