/**
 * The AML breach engine (working-time spec §1–5): a pure function of one employee's records and
 * dispensations, a period and a knowledge cut-off. Nothing here reads the clock or the database.
 */

import { type AmlRule, type AmlSettings, type Breach, DEFAULT_AML_SETTINGS, type Dispensation, type TimeRecord } from './aml-model.ts';
import { hours7dBreaches, hoursDayBreaches } from './rules/aml-hours.ts';
import { overtimeBreaches } from './rules/aml-overtime.ts';
import { rest7dBreaches, rest24Breaches } from './rules/aml-rest.ts';
import { sundaysBreaches } from './rules/aml-sundays.ts';
import { isoToDay } from './rules/aml-time.ts';
import { buildTimeline, type Timeline } from './rules/aml-timeline.ts';

export interface EmployeeHistory {
  employeeId: string;
  /** Senior/independent positions are never evaluated. */
  exempt?: boolean;
  records: readonly TimeRecord[];
  dispensations?: readonly Dispensation[];
}

export interface EvaluateOptions {
  /** Breaches with breach dates in [from, to] (YYYY-MM-DD, inclusive) are returned. */
  from: string;
  to: string;
  /** Only records registered at or before this instant (epoch ms) exist. Undefined = all. */
  knownAt?: number | undefined;
  settings?: AmlSettings;
}

const RULES: Record<AmlRule, (tl: Timeline) => Breach[]> = {
  rest24: rest24Breaches,
  rest7d: rest7dBreaches,
  hoursDay: hoursDayBreaches,
  hours7d: hours7dBreaches,
  overtime7d: (tl) => overtimeBreaches(tl, 'overtime7d'),
  overtime4w: (tl) => overtimeBreaches(tl, 'overtime4w'),
  overtime52w: (tl) => overtimeBreaches(tl, 'overtime52w'),
  sundays: sundaysBreaches,
};

const RULE_ORDER = Object.keys(RULES) as AmlRule[];

/** Every breach of one employee in [from, to], sorted by date then rule. */
export function evaluateEmployee(history: EmployeeHistory, options: EvaluateOptions): Breach[] {
  // Stryker disable next-line ConditionalExpression: without records every rule finds nothing, so skipping the no-records shortcut returns [] all the same
  if (history.exempt || history.records.length === 0) return [];
  const tl = buildTimeline({
    employeeId: history.employeeId,
    records: history.records,
    dispensations: history.dispensations ?? [],
    settings: options.settings ?? DEFAULT_AML_SETTINGS,
    fromDn: isoToDay(options.from),
    toDn: isoToDay(options.to),
    knownAt: options.knownAt,
  });
  const out: Breach[] = [];
  for (const rule of RULE_ORDER) out.push(...RULES[rule](tl));
  return out.sort(compareBreaches);
}

export function compareBreaches(a: Breach, b: Breach): number {
  // Stryker disable next-line EqualityOperator: the dates differ here, so < and <= agree
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  // Stryker disable next-line EqualityOperator: the employees differ here, so < and <= agree
  if (a.employeeId !== b.employeeId) return a.employeeId < b.employeeId ? -1 : 1;
  return RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule);
}
