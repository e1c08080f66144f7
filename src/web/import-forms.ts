/**
 * The import page's upload forms (one per import kind) and the outcome of one upload: the run's
 * result, or the reason it was refused, with every problem by file, line and field in Norwegian.
 * The forms post as they are without JavaScript; upload-script.ts adds drag and drop and progress.
 */
import type { ImportRun } from '../imports/import-runs.ts';
import type { Importer } from '../imports/imports.ts';
import type { Problem } from '../shared/errors.ts';
import { formatNumber, formatQuantity } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import { html, type SafeHtml } from './html.ts';

/** The most problems listed on the page; the rest are counted. */
const MAX_LISTED = 200;

/** 536870912 → "512 MB", 1572864 → "1,5 MB" (binary megabytes, as the setting is given). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${formatNumber(mb, Number.isInteger(mb) ? 0 : 1)}\u00a0MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))}\u00a0kB`;
}

/** "fil.csv, linje 3, felt «beløp»: …", Norwegian only. */
export function problemText(p: Problem): string {
  const where = [p.file, p.line === undefined ? '' : `linje ${p.line}`, p.column ? `felt «${p.column}»` : ''].filter(Boolean).join(', ');
  return `${where}: ${p.message}`;
}

export function problemsTable(problems: readonly Problem[]): SafeHtml {
  if (problems.length === 0) return html``;
  const rows = problems.slice(0, MAX_LISTED).map(
    (p) => html`<tr><td>${p.file}</td><td class="num">${p.line ?? '–'}</td><td>${p.column ?? '–'}</td>
<td>${p.severity === 'warning' ? 'Advarsel' : 'Feil'}</td><td>${p.message}</td></tr>`,
  );
  const more = problems.length - MAX_LISTED;
  return html`<table class="problems"><caption>Problemer (${formatNumber(problems.length)})</caption>
<thead><tr><th scope="col">Fil</th><th scope="col" class="num">Linje</th><th scope="col">Felt</th><th scope="col">Alvorlighet</th><th scope="col">Melding</th></tr></thead>
<tbody>${rows}</tbody></table>${more > 0 ? html`<p>… og ${formatQuantity(more, 'problem', 'problemer')} til.</p>` : ''}`;
}

/** The outcome of the run the page was sent back for (`?kjoring=<id>` after an upload). */
export function runResult(run: ImportRun): SafeHtml {
  const rows = formatQuantity(run.rowCount, 'rad', 'rader');
  if (run.status === 'succeeded') {
    return html`<div class="notice" id="resultat" tabindex="-1" role="status">
<h2>Importen er fullført</h2><p>${run.fileName} (${run.kind}): ${rows} importert.</p>${problemsTable(run.problems)}</div>`;
  }
  if (run.status === 'duplicate') {
    return html`<div class="notice" id="resultat" tabindex="-1" role="status">
<h2>Fila er importert før</h2><p>${run.fileName} (${run.kind}) har samme innhold som en tidligere import; ingenting ble importert på nytt.</p>
${problemsTable(run.problems)}</div>`;
  }
  if (run.status === 'running') {
    return html`<div class="notice" id="resultat" tabindex="-1" role="status"><h2>Importen pågår</h2><p>${run.fileName} (${run.kind}) importeres nå.</p></div>`;
  }
  return html`<div class="notice notice--error" id="resultat" tabindex="-1">
<h2>Importen feilet – ingenting ble importert</h2>
<p>${run.fileName} (${run.kind}): rett problemene under og last opp fila på nytt.</p>${problemsTable(run.problems)}</div>`;
}

/** An upload refused before or by the importer (too large, no file, unknown kind, busy). */
export function uploadError(error: { message: string; problems: readonly Problem[] }): SafeHtml {
  return html`<div class="notice notice--error" id="resultat" tabindex="-1">
<h2>Fila ble ikke importert</h2><p>${error.message}</p>${problemsTable(error.problems)}</div>`;
}

export interface UploadFormOptions {
  period: YearMonth;
  maxUploadBytes: number;
}

function optionField(importer: Importer, o: NonNullable<Importer['options']>[number]): SafeHtml {
  const id = `valg-${importer.kind}-${o.name}`;
  return html`<p class="field"><label for="${id}">${o.description}${o.required ? '' : ' (valgfritt)'}</label>
<input id="${id}" name="${o.name}" type="text" maxlength="200"${o.required ? html` required` : ''}></p>`;
}

/** One import kind's form: its options first (multipart fields must precede the file), then the file. */
export function uploadForm(importer: Importer, o: UploadFormOptions): SafeHtml {
  const k = importer.kind;
  const max = formatBytes(o.maxUploadBytes);
  return html`<form class="upload-form" method="post" action="/import/${encodeURIComponent(k)}?period=${o.period}"
 enctype="multipart/form-data" data-max-bytes="${o.maxUploadBytes}" data-max-text="${max}">
${(importer.options ?? []).map((opt) => optionField(importer, opt))}
<p class="field"><label for="koding-${k}">Tegnkoding (CSV uten BOM)</label>
<select id="koding-${k}" name="encoding"><option value="">UTF-8 (standard)</option>
<option value="windows-1252">Windows-1252 (Excel «CSV (semikolondelt)»)</option>
<option value="iso-8859-1">ISO-8859-1</option></select></p>
<div class="drop-zone">
<label for="fil-${k}">Fil for ${importer.label.toLowerCase()}</label>
<input id="fil-${k}" name="fil" type="file" required aria-describedby="hint-${k}">
<p id="hint-${k}" class="muted">Velg en fil eller dra den hit. Største filstørrelse: ${max}. Alle rader eller ingen blir importert.</p>
</div>
<progress max="100" value="0" hidden aria-label="Opplasting av ${importer.label.toLowerCase()}"></progress>
<p class="upload-status" role="status"></p>
<button type="submit">Last opp og importer</button>
</form>`;
}

/** Every import kind as a disclosure holding its form; the kind just used is open. */
export function uploadSections(importers: readonly Importer[], o: UploadFormOptions & { openKind?: string }): SafeHtml {
  if (importers.length === 0) return html`<p>Ingen domener med importer er installert ennå.</p>`;
  return html`<div class="uploads">${importers.map(
    (i) => html`<details class="upload" id="type-${i.kind}"${i.kind === o.openKind ? html` open` : ''}>
<summary>${i.label} <code>${i.kind}</code></summary>
${uploadForm(i, o)}</details>`,
  )}</div>
<p>Fra kommandolinjen: <code>styrerom import &lt;type&gt; &lt;fil …&gt;</code>.</p>`;
}
