/**
 * THE guard for every CSV and XLSX cell the product writes: text that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`, which
 * Excel and LibreOffice show as text and our importers strip again. Numbers are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value with text neutralised; numbers, null and other values unchanged. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/** The leading `'` our exports add, removed again on import. */
export function stripFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
