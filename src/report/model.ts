/**
 * The assembled report: the template's sections with their domain blocks, numbered figures and
 * tables, rendered narratives and provenance. Everything the HTML, PDF, data files and a
 * publication are made from; it holds no I/O.
 */
import type { YearMonth } from '../shared/period.ts';
import type { SafeHtml } from '../web/html.ts';
import type { FigureBlock, HtmlBlock, KpiLinesBlock, TableBlock } from './blocks.ts';
import type { RenderedNarrative } from './narrative.ts';
import type { ImportRef } from './provenance.ts';

export type ReportStatus = 'draft' | 'in-review' | 'approved' | 'published';

export const STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  draft: 'Utkast',
  'in-review': 'Til gjennomgang',
  approved: 'Godkjent',
  published: 'Publisert',
};

interface Numbered {
  /** 1, 2, … in document order, separately for figures and tables. */
  number: number;
  /** "Figur 2" / "Tabell 1" */
  label: string;
  /** Element id: `fig-<id>` / `tab-<id>`. */
  anchor: string;
  /** The section the block is placed in. */
  sectionId: string;
  imports: ImportRef[];
}

export interface PlacedTable extends Numbered {
  kind: 'table';
  block: TableBlock;
}

export interface PlacedFigure extends Numbered {
  kind: 'figure';
  block: FigureBlock;
}

export type PlacedBlock = PlacedTable | PlacedFigure | { kind: 'kpis'; block: KpiLinesBlock } | { kind: 'html'; block: HtmlBlock };

export interface SectionNarrative {
  markdown: string;
  html: SafeHtml;
  author: string;
  createdAt: string;
  /** Inherited from an earlier period and not yet edited for this one. */
  inheritedFrom: YearMonth | null;
  liveValues: RenderedNarrative['liveValues'];
}

export interface ReportSection {
  id: string;
  title: string;
  /** "2.1" */
  number: string;
  /** 1 = top level */
  depth: number;
  /** <h2> for depth 1, <h3> for depth 2, … */
  headingLevel: number;
  anchor: string;
  /** The narrative goes before blocks[narrativeAt] (blocks.length = after all blocks). */
  narrativeAt: number;
  narrative: SectionNarrative | null;
  blocks: PlacedBlock[];
  sections: ReportSection[];
}

export interface ReportModel {
  /** "Virksomhetsrapport per mai 2025" */
  title: string;
  organisation: string;
  period: YearMonth;
  /** ISO instant the data was read at. */
  compiledAt: string;
  /**
   * The date on the cover, from the workflow: the approval of this version once approved or
   * published, the submission while in review, the compile time of a draft.
   */
  dated: { at: string; label: string };
  /** The footer line ("Vedlegg 1 sak 20-2025"), or null. */
  headerLine: string | null;
  /** The organisation's logo (data URL), or null. */
  logo: string | null;
  status: ReportStatus;
  version: number;
  /** Only sections with content; numbered after empty ones are left out. */
  sections: ReportSection[];
  figures: PlacedFigure[];
  tables: PlacedTable[];
  /** Omitted template slots and inherited texts, for `report build` and the web page. */
  warnings: string[];
}

/** Every section of the model in document order. */
export function allSections(sections: readonly ReportSection[]): ReportSection[] {
  return sections.flatMap((s) => [s, ...allSections(s.sections)]);
}

export function sectionLabel(s: Pick<ReportSection, 'number' | 'title'>): string {
  return `${s.number} ${s.title}`;
}
