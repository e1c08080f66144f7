/** The `registered-figures` file: `figure;period;value;source`, optionally `label;unit;decimals` to define the figure. */
import type { ColumnSpec, TableRecord } from '../imports/table.ts';
import type { RowContext } from '../imports/table-importer.ts';
import { isYearMonth } from '../shared/period.ts';
import type { FigureValueInput } from './figures.queries.ts';
import { FIGURE_ID, type FigureDefinition, type FigureUnit, isFigureUnit, parseFigureValue } from './figures.ts';

export const FIGURE_COLUMNS: ColumnSpec[] = [
  { name: 'figure' },
  { name: 'period' },
  { name: 'value' },
  { name: 'source' },
  { name: 'label', required: false },
  { name: 'unit', required: false },
  { name: 'decimals', required: false },
];

export interface FigureRow {
  value: FigureValueInput;
  /** Present when the row defines (or redefines) the figure. */
  definition: FigureDefinition | null;
}

type Report = Pick<RowContext, 'problem'>;

export function checkFigureId(v: string, ctx: Report, column = 'figure'): string | undefined {
  const id = v.trim();
  if (!FIGURE_ID.test(id)) {
    ctx.problem(
      column,
      `ugyldig tall-ID «${id}» (bokstaver, sifre, punktum, bindestrek; starter med bokstav)`,
      `invalid figure id "${id}"`,
    );
    return undefined;
  }
  return id;
}

export function checkPeriod(v: string, ctx: Report): string | undefined {
  const p = v.trim();
  if (!isYearMonth(p)) {
    ctx.problem('period', `ugyldig periode «${p}», forventet ÅÅÅÅ-MM`, `invalid period "${p}", expected YYYY-MM`);
    return undefined;
  }
  return p;
}

export function checkValue(v: string, ctx: Report): number | undefined {
  const n = parseFigureValue(v);
  if (n === undefined) ctx.problem('value', `«${v.trim()}» er ikke et tall (skriv 75 eller 75,5, uten %)`, `"${v.trim()}" is not a number`);
  return n;
}

export function checkSource(v: string, ctx: Report): string | undefined {
  const s = v.trim();
  if (s === '') ctx.problem('source', 'kilden må oppgis (hvor tallet kommer fra)', 'the source is missing');
  else if (s.length > 500) ctx.problem('source', 'kilden kan være høyst 500 tegn', 'source longer than 500 characters');
  else return s;
  return undefined;
}

export function checkUnit(v: string, ctx: Report): FigureUnit | undefined {
  const u = v.trim();
  if (!isFigureUnit(u)) ctx.problem('unit', `ukjent enhet «${u}», forventet percent, count, number eller MNOK`, `unknown unit "${u}"`);
  else return u;
  return undefined;
}

export function checkDecimals(v: string, ctx: Report): number | undefined {
  const d = v.trim() === '' ? 0 : Number(v.trim());
  if (!Number.isInteger(d) || d < 0 || d > 3) ctx.problem('decimals', `desimaler må være 0–3, ikke «${v.trim()}»`, 'decimals must be 0–3');
  else return d;
  return undefined;
}

export function parseFigureRow(record: TableRecord, ctx: RowContext): FigureRow | undefined {
  const r = record.values;
  const figureId = checkFigureId(r.figure ?? '', ctx);
  const period = checkPeriod(r.period ?? '', ctx);
  const value = checkValue(r.value ?? '', ctx);
  const source = checkSource(r.source ?? '', ctx);
  const label = (r.label ?? '').trim();
  let definition: FigureDefinition | null = null;
  if (label !== '' || (r.unit ?? '').trim() !== '') {
    if (label === '') ctx.problem('label', 'navn mangler når enhet er oppgitt', 'label missing');
    const unit = checkUnit(r.unit ?? '', ctx);
    const decimals = checkDecimals(r.decimals ?? '', ctx);
    if (label === '' || unit === undefined || decimals === undefined) return undefined;
    if (figureId !== undefined) definition = { id: figureId, label, unit, decimals };
  }
  if (figureId === undefined || period === undefined || value === undefined || source === undefined) return undefined;
  return { value: { figureId, period, value, source }, definition };
}
