/**
 * Registered figures: numbers that have no source system behind them (the employee survey's response
 * rate, a customer-satisfaction score). Someone registers them in the web app or imports a file; every
 * change is audited (who, when, before and after), so a figure can be shown as known at any instant
 * and the report can say who registered it. Pure helpers; data access is in figures.queries.ts.
 */
import type { KpiUnit } from '../kpi/kpi.ts';
import { formatDate } from '../shared/format.ts';
import { localDateOf } from '../shared/period.ts';

export const FIGURE_UNITS = ['percent', 'count', 'number', 'MNOK'] as const satisfies readonly KpiUnit[];
export type FigureUnit = (typeof FIGURE_UNITS)[number];
export const UNIT_LABELS: Record<FigureUnit, string> = { percent: 'Prosent', count: 'Antall', number: 'Tall', MNOK: 'MNOK' };

export interface FigureDefinition {
  id: string;
  label: string;
  unit: FigureUnit;
  decimals: number;
}

export interface FigureChange {
  figureId: string;
  period: string;
  valueBefore: number | null;
  valueAfter: number;
  sourceBefore: string | null;
  sourceAfter: string;
  changedAt: string;
  changedBy: string;
}

/** Letters, digits, `.`, `_` and `-`, starting with a letter: usable as `{{ kpi.figure.<id> }}`. */
export const FIGURE_ID = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export function isFigureUnit(v: string): v is FigureUnit {
  return (FIGURE_UNITS as readonly string[]).includes(v);
}

/** "75", "75,5", "-1.25", "1 234,5" (spaces as thousands separators) → number; undefined if not a number. */
export function parseFigureValue(text: string): number | undefined {
  const v = text.trim().replace(/[\s\u00a0]/g, '');
  if (!/^-?\d+(?:[.,]\d+)?$/.test(v)) return undefined;
  return Number(v.replace(',', '.'));
}

/** The change in effect at `knownAt` (the last one registered by then), or undefined. Changes sorted by changedAt. */
export function changeKnownAt(changes: readonly FigureChange[], knownAt: string | undefined): FigureChange | undefined {
  if (knownAt === undefined) return changes.at(-1);
  const cutoff = Date.parse(knownAt);
  let found: FigureChange | undefined;
  for (const c of changes) if (Date.parse(c.changedAt) <= cutoff) found = c;
  return found;
}

/** "registrert manuelt av Kari Nordmann 04.06.2025 (kilde: …)". */
export function registeredText(change: FigureChange): string {
  return `registrert manuelt av ${change.changedBy} ${formatDate(localDateOf(Date.parse(change.changedAt)))} (kilde: ${change.sourceAfter})`;
}
