/** Helpers for AML tests: records written as local Europe/Oslo wall times. */
import { AppError } from '../../shared/errors.ts';
import { parseLocalOrInstant } from '../../shared/period.ts';
import { evaluateEmployee } from './aml.ts';
import type { AmlSettings, Breach, Dispensation, RecordKind, TimeRecord } from './aml-model.ts';

export function at(local: string): number {
  const r = parseLocalOrInstant(local);
  if (!r.ok) throw new AppError('VALIDATION', `bad test time ${local}: ${r.problem}`);
  return r.epochMs;
}

export function rec(
  start: string,
  end: string,
  kind: RecordKind = 'ordinary',
  cause: string | null = null,
  registered?: string,
): TimeRecord {
  return { start: at(start), end: at(end), kind, cause, registeredAt: registered ? at(registered) : 0 };
}

/** Mon–Fri style day shifts: rec for each date `HH:MM`–`HH:MM`. */
export function shifts(dates: string[], from: string, to: string, kind: RecordKind = 'ordinary'): TimeRecord[] {
  return dates.map((d) => rec(`${d}T${from}`, `${d}T${to}`, kind));
}

export interface CheckOptions {
  from?: string;
  to?: string;
  dispensations?: Dispensation[];
  knownAt?: string;
  settings?: AmlSettings;
}

/** Breaches of one employee as `rule@date` (cause appended when present). */
export function check(records: TimeRecord[], options: CheckOptions = {}): Breach[] {
  return evaluateEmployee(
    { employeeId: 'E1', records, dispensations: options.dispensations ?? [] },
    {
      from: options.from ?? '2000-01-01',
      to: options.to ?? '2100-12-31',
      knownAt: options.knownAt === undefined ? undefined : at(options.knownAt),
      ...(options.settings ? { settings: options.settings } : {}),
    },
  );
}

export function summary(breaches: Breach[]): string[] {
  return breaches.map((b) => `${b.rule}@${b.date}${b.cause ? `:${b.cause}` : ''}`);
}

export const ALWAYS = (type: Dispensation['type']): Dispensation => ({ type, from: null, to: null });
