/**
 * The "Importer" page: an upload form per import kind, the outcome of the last upload, and the
 * import history (who, when, content hash, rows, problems).
 */
import type { ImportRun } from '../imports/import-runs.ts';
import type { Importer } from '../imports/imports.ts';
import type { Problem } from '../shared/errors.ts';
import { formatDate, formatNumber } from '../shared/format.ts';
import { localDateTimeOf, type YearMonth } from '../shared/period.ts';
import { html, type SafeHtml } from './html.ts';
import { problemText, runResult, uploadError, uploadSections } from './import-forms.ts';

const STATUS: Record<ImportRun['status'], string> = {
  succeeded: 'Fullført',
  failed: 'Feilet',
  duplicate: 'Duplikat (ikke importert på nytt)',
  running: 'Pågår',
};

/** ISO instant → "31.05.2025 14:03" local Oslo time. */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = localDateTimeOf(ms);
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

function problemsCell(run: ImportRun): SafeHtml {
  if (run.problems.length === 0) return html`–`;
  return html`<ul>${run.problems.slice(0, 10).map((p) => html`<li>${problemText(p)}</li>`)}</ul>${
    run.problems.length > 10 ? html`<p>… og ${run.problems.length - 10} til</p>` : ''
  }`;
}

function runsTable(runs: readonly ImportRun[]): SafeHtml {
  if (runs.length === 0) return html`<p>Ingen importer er kjørt ennå.</p>`;
  const rows = runs.map(
    (r) => html`<tr>
  <td>${r.fileName}</td><td><code>${r.kind}</code></td><td><code title="${r.sha256}">${r.sha256.slice(0, 12)}</code></td>
  <td>${formatInstant(r.startedAt)}</td><td>${r.importedBy}</td><td class="num">${formatNumber(r.rowCount)}</td><td>${STATUS[r.status]}</td>
  <td>${problemsCell(r)}</td></tr>`,
  );
  return html`<table class="import-runs"><caption class="sr-only">Importhistorikk</caption>
<thead><tr><th scope="col">Fil</th><th scope="col">Type</th><th scope="col">SHA-256</th><th scope="col">Tidspunkt</th><th scope="col">Importert av</th>
<th scope="col" class="num">Rader</th><th scope="col">Status</th><th scope="col">Problemer</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

export interface ImportPageOptions {
  importers: readonly Importer[];
  runs: readonly ImportRun[];
  period: YearMonth;
  maxUploadBytes: number;
  /** The run an upload just made (`?kjoring=<id>`), shown first. */
  resultRunId?: number;
  /** An upload refused before the importer could record a run. */
  error?: { message: string; problems: readonly Problem[]; details?: Record<string, unknown> };
  /** The kind the refused upload was for: its form stays open. */
  kind?: string;
}

export function importPageBody(o: ImportPageOptions): SafeHtml {
  const run = o.resultRunId === undefined ? undefined : o.runs.find((r) => r.id === o.resultRunId);
  const outcome = o.error ? uploadError(o.error) : run ? runResult(run) : '';
  const openKind = o.kind ?? run?.kind;
  return html`${outcome}<h2>Last opp en fil</h2>
${uploadSections(o.importers, { period: o.period, maxUploadBytes: o.maxUploadBytes, openKind })}
<h2>Siste importer</h2>${runsTable(o.runs)}`;
}
