import { formatMnok, formatNumber, formatPercent, formatSeconds } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';

export type KpiUnit = 'percent' | 'count' | 'MNOK' | 'seconds' | 'number';

export interface KpiTarget {
  op: '<' | '<=' | '>' | '>=';
  value: number;
}

export interface KpiContext {
  db: Db;
  period: YearMonth;
  /** Knowledge cut-off (ISO instant): only data registered by then counts. Undefined = all. */
  knownAt?: string | undefined;
}

export interface KpiDefinition {
  /** Stable id, `<domain>.<name>[.<sub>]`, e.g. `workforce.sickLeave.total`. */
  id: string;
  /** Norwegian label. */
  label: string;
  unit: KpiUnit;
  /** Decimals shown (the JSON value is never rounded). */
  decimals: number;
  target?: KpiTarget;
  /** The web page and table behind the value (`/okonomi`, `ok-resultat`); default: the domain's first page. */
  page?: { path: string; anchor?: string };
  /** null when there is no data for the period. */
  compute(ctx: KpiContext): Promise<number | null>;
  /**
   * Where a value without a source system comes from, for the report's provenance appendix
   * ("registrert manuelt av … 04.06.2025"); null or absent for values computed from imports.
   */
  source?(ctx: KpiContext): Promise<string | null>;
}

export type KpiStatus = 'met' | 'not-met' | 'none';

export interface KpiValue {
  id: string;
  label: string;
  value: number | null;
  unit: KpiUnit;
  target: KpiTarget | null;
  status: KpiStatus;
}

export function kpiStatus(target: KpiTarget | undefined, value: number | null): KpiStatus {
  if (!target || value === null) return 'none';
  const ok =
    target.op === '<'
      ? value < target.value
      : target.op === '<='
        ? value <= target.value
        : target.op === '>'
          ? value > target.value
          : value >= target.value;
  return ok ? 'met' : 'not-met';
}

export async function evaluateKpi(def: KpiDefinition, ctx: KpiContext): Promise<KpiValue> {
  const value = await def.compute(ctx);
  return { id: def.id, label: def.label, value, unit: def.unit, target: def.target ?? null, status: kpiStatus(def.target, value) };
}

export async function evaluateKpis(defs: readonly KpiDefinition[], ctx: KpiContext): Promise<KpiValue[]> {
  const out: KpiValue[] = [];
  for (const d of defs) out.push(await evaluateKpi(d, ctx));
  return out;
}

/** nb-NO text of a KPI value: "2,35 %", "3 stk.", "1,5 MNOK", "3,1 s". */
export function formatKpiValue(value: number | null, unit: KpiUnit, decimals: number): string {
  if (value === null) return '–';
  switch (unit) {
    case 'percent':
      return formatPercent(value, decimals);
    case 'count':
      return `${formatNumber(value, decimals)}\u00a0stk.`;
    case 'MNOK':
      return formatMnok(value * 100 * 1_000_000, decimals);
    case 'seconds':
      return formatSeconds(value, decimals);
    case 'number':
      return formatNumber(value, decimals);
  }
}

/** "< 5 %", "≥ 80 %", "< 8 stk." */
export function formatKpiTarget(target: KpiTarget | null, unit: KpiUnit, decimals = 0): string {
  if (!target) return '';
  const op = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' }[target.op];
  return `${op} ${formatKpiValue(target.value, unit, decimals)}`;
}
