import type { Generated } from 'kysely';

/** An organisation's template override; the newest row wins. */
export interface ReportTemplateTable {
  id: Generated<number>;
  /** ReportTemplate as JSON text. */
  template: string;
  created_by: string;
  /** ISO instant */
  created_at: string;
}

/** Narrative history: one row per saved version; the newest row per (period, section) is current. */
export interface ReportNarrativeTable {
  id: Generated<number>;
  /** "YYYY-MM" */
  period: string;
  section_id: string;
  markdown: string;
  author: string;
  /** ISO instant */
  created_at: string;
}

/** The current workflow state of a period's report. */
export interface ReportWorkflowTable {
  /** "YYYY-MM" */
  period: string;
  /** 1 for the first edition; each revision after a publication adds one. */
  version: number;
  status: 'draft' | 'in-review' | 'approved' | 'published';
  updated_at: string;
  updated_by: string;
}

/** Every status change, for the publication history. */
export interface ReportEventTable {
  id: Generated<number>;
  period: string;
  version: number;
  from_status: string | null;
  to_status: string;
  actor: string;
  at: string;
  comment: string | null;
}

/** A published (frozen) edition of a period's report. */
export interface ReportPublicationTable {
  id: Generated<number>;
  period: string;
  version: number;
  published_at: string;
  published_by: string;
  /** The compile instant the frozen document was built with. */
  compiled_at: string;
  html_sha256: string;
  pdf_sha256: string;
  values_sha256: string;
  /** Set when a later version of the same period is published. */
  superseded_at: string | null;
  /** The previous publication's `record_sha256` (any period); null for the first. */
  previous_sha256: string | null;
  /** SHA-256 of this record and its files' hashes (publication-integrity.ts). */
  record_sha256: string | null;
}

/** The stored bytes of a publication: report.html, report.pdf, data/*.csv|xlsx, values.json, provenance.json. */
export interface ReportPublicationFileTable {
  id: Generated<number>;
  publication_id: number;
  name: string;
  media_type: string;
  sha256: string;
  size: number;
  content: Buffer;
}

export interface ReportTables {
  report_templates: ReportTemplateTable;
  report_narratives: ReportNarrativeTable;
  report_workflow: ReportWorkflowTable;
  report_events: ReportEventTable;
  report_publications: ReportPublicationTable;
  report_publication_files: ReportPublicationFileTable;
}
