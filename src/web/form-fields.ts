/**
 * Small accessible form helpers for register pages: a labelled field with hint and error text
 * (aria-invalid, aria-describedby) and an error summary linking to the fields.
 */
import { html, type SafeHtml } from './html.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface FormSpec {
  /** Prefix of every field id, so two forms on one page never share an id. */
  id: string;
  values: Record<string, string>;
  problems: readonly FieldProblem[];
  /** Norwegian label per field name. */
  labels: Record<string, string>;
}

/** A form body's string values (anything else becomes its string form). */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) out[k] = typeof v === 'string' ? v : String(v ?? '');
  return out;
}

export function formErrorSummary(f: FormSpec): SafeHtml | '' {
  if (f.problems.length === 0) return '';
  return html`<div class="notice notice--error" role="alert" tabindex="-1" id="${f.id}-errors">
<p><strong>Skjemaet ble ikke lagret (${f.problems.length === 1 ? 'én feil' : `${f.problems.length} feil`}):</strong></p>
<ul>${f.problems.map((p) => html`<li><a href="#${f.id}-${p.field}">${f.labels[p.field] ?? p.field}: ${p.message}</a></li>`)}</ul>
</div>`;
}

/** A labelled input (`type` text/date/number) or select (`options`: value → label). */
export function formField(
  f: FormSpec,
  name: string,
  opts: { type?: 'text' | 'date'; hint?: string; options?: Record<string, string>; required?: boolean; inputmode?: string } = {},
): SafeHtml {
  const id = `${f.id}-${name}`;
  const errors = f.problems.filter((p) => p.field === name);
  const described = [opts.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attrs = html`id="${id}" name="${name}"${opts.required ? html` required` : ''}${errors.length ? html` aria-invalid="true"` : ''}${
    described ? html` aria-describedby="${described}"` : ''
  }`;
  const value = f.values[name] ?? '';
  const control = opts.options
    ? html`<select ${attrs}>${Object.entries(opts.options).map(
        ([v, label]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${label}</option>`,
      )}</select>`
    : html`<input ${attrs} type="${opts.type ?? 'text'}" value="${value}"${opts.inputmode ? html` inputmode="${opts.inputmode}"` : ''}>`;
  return html`<div class="form-field">
<label for="${id}">${f.labels[name] ?? name}</label>
${opts.hint ? html`<span class="form-hint" id="${id}-hint">${opts.hint}</span>` : ''}
${errors.length ? html`<span class="form-error" id="${id}-error">${errors.map((e) => e.message).join(' ')}</span>` : ''}
${control}
</div>`;
}
