/**
 * The contract between domains and the report: a domain contributes named blocks (tables, figures,
 * KPI lines, rich HTML) computed from the database for a period; the report template places them in
 * sections, numbers figures and tables, and renders HTML/PDF/CSV/XLSX. Blocks carry both display text
 * (nb-NO formatted by shared/format.ts) and raw values (for CSV/XLSX and stored publications).
 */
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import type { SafeHtml } from '../web/html.ts';

export interface ReportBlockContext {
  db: Db;
  period: YearMonth;
  /** The report's compile time (ISO instant): "corrected" figures use knowledge up to here. */
  compiledAt: string;
  /** The template section the block is placed in (`projects.medielogg`), for blocks that depend on it. */
  sectionId?: string;
}

/** Where a table's or figure's numbers come from: the import kinds and the rule definitions. */
export interface Provenance {
  /** Import kinds read (`time-records`, `saf-t`, …); the report resolves them to import runs. */
  importKinds: string[];
  /** Short Norwegian statements of the rules used (e.g. the AML evaluation footnote). */
  rules: string[];
}

export interface TableCell {
  /** Raw value for CSV/XLSX: number unrounded (money in NOK), string, or null. */
  value: number | string | null;
  /** Display text, nb-NO formatted. */
  text: string;
}

export interface TableColumn {
  label: string;
  align?: 'left' | 'right';
}

export interface TableBlock {
  kind: 'table';
  /** Stable id used by cross-references `[@tab:<id>]` and data file names. */
  id: string;
  /** Caption without the "Tabell N:" prefix (the report numbers it). */
  caption: string;
  columns: TableColumn[];
  rows: { cells: TableCell[]; total?: boolean }[];
  note?: string;
  provenance: Provenance;
}

export interface FigureBlock {
  kind: 'figure';
  /** Stable id used by cross-references `[@fig:<id>]`. */
  id: string;
  caption: string;
  /** Vector SVG (src/web/charts.ts or a domain's own SVG such as the risk heat map). */
  svg: string;
  /** The numbers drawn, for CSV/XLSX. */
  data: { columns: string[]; rows: (number | string | null)[][] };
  note?: string;
  provenance: Provenance;
}

/** A few KPI lines ("Mai 2,35 %", "Indikator < 5 %") with target status. */
export interface KpiLinesBlock {
  kind: 'kpis';
  id: string;
  title?: string;
  items: { label: string; text: string; status: 'met' | 'not-met' | 'none' }[];
}

/** Free domain-rendered content (e.g. the risk list with status texts). Must be escaped/safe. */
export interface HtmlBlock {
  kind: 'html';
  id: string;
  html: SafeHtml;
}

export type ReportBlock = TableBlock | FigureBlock | KpiLinesBlock | HtmlBlock;

export interface ReportBlockProvider {
  /** Block id, e.g. `aml-by-rule`; referenced by the report template. */
  id: string;
  /** Builds the block(s) for the period; [] when there is no data. */
  build(ctx: ReportBlockContext): Promise<ReportBlock[]>;
}
