/** The "Importer" page: which import kinds exist and the recent import runs with their problems. */
import type { ImportRun } from '../imports/import-runs.ts';
import type { Importer } from '../imports/imports.ts';
import { formatProblem } from '../shared/errors.ts';
import { formatDate, formatNumber } from '../shared/format.ts';
import { localDateTimeOf } from '../shared/period.ts';
import { html, type SafeHtml } from './html.ts';

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

function kindsTable(importers: readonly Importer[]): SafeHtml {
  if (importers.length === 0) return html`<p>Ingen domener med importer er installert ennå.</p>`;
  const rows = importers.map((i) => html`<tr><td><code>${i.kind}</code></td><td>${i.label}</td><td>${i.description}</td></tr>`);
  return html`<table><caption class="sr-only">Importtyper</caption>
<thead><tr><th scope="col">Type</th><th scope="col">Innhold</th><th scope="col">Beskrivelse</th></tr></thead>
<tbody>${rows}</tbody></table>
<p>Importer fra kommandolinjen: <code>styrerom import &lt;type&gt; &lt;fil …&gt;</code>.</p>`;
}

function problemsCell(run: ImportRun): SafeHtml {
  if (run.problems.length === 0) return html`–`;
  return html`<ul>${run.problems.slice(0, 10).map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>${
    run.problems.length > 10 ? html`<p>… og ${run.problems.length - 10} til</p>` : ''
  }`;
}

function runsTable(runs: readonly ImportRun[]): SafeHtml {
  if (runs.length === 0) return html`<p>Ingen importer er kjørt ennå.</p>`;
  const rows = runs.map(
    (r) => html`<tr>
  <td>${r.fileName}</td><td><code>${r.kind}</code></td><td><code title="${r.sha256}">${r.sha256.slice(0, 12)}</code></td>
  <td>${formatInstant(r.startedAt)}</td><td class="num">${formatNumber(r.rowCount)}</td><td>${STATUS[r.status]}</td>
  <td>${problemsCell(r)}</td></tr>`,
  );
  return html`<table>
<thead><tr><th scope="col">Fil</th><th scope="col">Type</th><th scope="col">SHA-256</th><th scope="col">Tidspunkt</th>
<th scope="col" class="num">Rader</th><th scope="col">Status</th><th scope="col">Problemer</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

export function importPageBody(importers: readonly Importer[], runs: readonly ImportRun[]): SafeHtml {
  return html`<h2>Importtyper</h2>${kindsTable(importers)}<h2>Siste importer</h2>${runsTable(runs)}`;
}
