/** Field decoders shared by the workforce imports (employees, time records, dispensations, absences). */
import type { RowContext } from '../imports/table-importer.ts';
import { isIsoDate } from '../shared/period.ts';

/** A required YYYY-MM-DD date, or undefined after reporting a problem. */
export function dateField(value: string | undefined, column: string, ctx: RowContext): string | undefined {
  const v = (value ?? '').trim();
  if (v === '') {
    ctx.problem(column, `«${column}» mangler`, `"${column}" is missing`);
    return undefined;
  }
  if (!isIsoDate(v)) {
    ctx.problem(column, `ugyldig dato «${v}», forventet ÅÅÅÅ-MM-DD`, `invalid date "${v}", expected YYYY-MM-DD`);
    return undefined;
  }
  return v;
}

/** An optional date: null when empty, undefined after a problem. */
export function optionalDateField(value: string | undefined, column: string, ctx: RowContext): string | null | undefined {
  const v = (value ?? '').trim();
  if (v === '') return null;
  return dateField(v, column, ctx);
}

const TRUE = new Set(['1', 'ja', 'j', 'yes', 'y', 'true', 'sann', 'x']);
const FALSE = new Set(['', '0', 'nei', 'n', 'no', 'false', 'usann']);

/** 0/1, ja/nei, true/false; empty = false. */
export function flagField(value: string | undefined, column: string, ctx: RowContext): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  ctx.problem(column, `ugyldig verdi «${value}», forventet 0/1 eller ja/nei`, `invalid flag "${value}", expected 0/1 or yes/no`);
  return undefined;
}

/** Empty → null, otherwise the trimmed text. */
export function optionalText(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  return v === '' ? null : v;
}

/** A required id-like text field. */
export function requiredText(value: string | undefined, column: string, ctx: RowContext): string | undefined {
  const v = (value ?? '').trim();
  if (v === '') {
    ctx.problem(column, `«${column}» mangler`, `"${column}" is missing`);
    return undefined;
  }
  return v;
}
