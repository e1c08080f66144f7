/**
 * Field decoders of the service imports. (The workforce domain has its own; a shared module can
 * take both once the workforce reorganisation has landed.)
 */
import type { RowContext } from '../imports/table-importer.ts';
import { isIsoDate } from '../shared/period.ts';
import { parseOutageTime } from './availability/service-time.ts';

export function text(value: string | undefined, column: string, ctx: RowContext): string | undefined {
  const v = (value ?? '').trim();
  if (v === '') ctx.problem(column, `«${column}» mangler`, `"${column}" is missing`);
  return v === '' ? undefined : v;
}

const TRUE = new Set(['1', 'ja', 'j', 'yes', 'y', 'true', 'sann', 'x']);
const FALSE = new Set(['', '0', 'nei', 'n', 'no', 'false', 'usann']);

/** 0/1, ja/nei, true/false; empty = false. */
export function flag(value: string | undefined, column: string, ctx: RowContext): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  ctx.problem(column, `ugyldig verdi «${value}», forventet ja/nei eller 1/0`, `invalid flag "${value}", expected yes/no or 1/0`);
  return undefined;
}

/** A number ≥ 0 (decimal comma or point); `empty` is returned for an empty cell. */
export function nonNegative(value: string | undefined, column: string, ctx: RowContext, empty?: number): number | undefined {
  const v = (value ?? '').trim();
  if (v === '' && empty !== undefined) return empty;
  if (!/^\d+(?:[.,]\d+)?$/.test(v)) {
    ctx.problem(column, `ugyldig tall «${v}», forventet et tall ≥ 0`, `invalid number "${v}", expected a number ≥ 0`);
    return undefined;
  }
  return Number(v.replace(',', '.'));
}

/** An ISO 8601 instant, or Europe/Oslo wall time, as epoch ms. */
export function instant(value: string | undefined, column: string, ctx: RowContext): number | undefined {
  const v = (value ?? '').trim();
  const ms = v === '' ? null : parseOutageTime(v);
  if (ms === null) {
    ctx.problem(
      column,
      `ugyldig tidspunkt «${v}», forventet f.eks. 2025-05-12T08:30 (norsk tid) eller 2025-05-12T06:30:00Z`,
      `invalid time "${v}", expected e.g. 2025-05-12T08:30 (Oslo time) or 2025-05-12T06:30:00Z`,
    );
    return undefined;
  }
  return ms;
}

export function date(value: string | undefined, column: string, ctx: RowContext): string | undefined {
  const v = (value ?? '').trim();
  if (!isIsoDate(v)) {
    ctx.problem(column, `ugyldig dato «${v}», forventet ÅÅÅÅ-MM-DD`, `invalid date "${v}", expected YYYY-MM-DD`);
    return undefined;
  }
  return v;
}
