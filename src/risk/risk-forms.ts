/**
 * The register's HTML forms: add/edit a risk, add an assessment, close a risk. Errors are shown in
 * Norwegian in a summary at the top (linked to the fields) and beside each field, with aria-invalid
 * and aria-describedby so screen readers announce them.
 */
import { html, type SafeHtml } from '../web/html.ts';
import type { FieldProblem } from './risk.parse.ts';
import { CATEGORY_LABELS, ENTERPRISE_SCOPE } from './risk.ts';
import { type RiskMatrix, SCALE } from './risk-level.ts';

export type FormValues = Record<string, string>;

export interface FormState {
  values: FormValues;
  problems: FieldProblem[];
}

export const emptyForm = (values: FormValues = {}): FormState => ({ values, problems: [] });

const LABELS: Record<string, string> = {
  id: 'Risiko-ID',
  title: 'Tittel',
  description: 'Beskrivelse',
  owner: 'Risikoeier',
  category: 'Kategori',
  scope: 'Omfang',
  opened: 'Åpnet',
  closed: 'Lukket',
  period: 'Periode',
  probability: 'Sannsynlighet',
  consequence: 'Konsekvens',
  status_text: 'Status siden forrige periode',
  assessed_by: 'Vurdert av',
  assessed_at: 'Vurderingsdato',
  state: 'Status på vurderingen',
};

/** Field ids are prefixed per form so two forms on one page never share an id. */
function fieldId(form: string, name: string): string {
  return `${form}-${name}`;
}

export function errorSummary(form: string, state: FormState): SafeHtml | '' {
  if (state.problems.length === 0) return '';
  return html`<div class="notice notice--error risk-errors" role="alert" tabindex="-1" data-error-summary id="${form}-errors">
<p><strong>Skjemaet har ${state.problems.length === 1 ? 'én feil' : `${state.problems.length} feil`}:</strong></p>
<ul>${state.problems.map((p) => html`<li><a href="#${fieldId(form, p.field)}">${LABELS[p.field] ?? p.field}: ${p.message}</a></li>`)}</ul>
</div>`;
}

function field(form: string, name: string, state: FormState, control: (attrs: SafeHtml) => SafeHtml, hint?: string): SafeHtml {
  const id = fieldId(form, name);
  const errors = state.problems.filter((p) => p.field === name);
  const described = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attrs = html`id="${id}" name="${name}"${errors.length ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}`;
  return html`<div class="risk-field${errors.length ? ' risk-field--error' : ''}">
<label for="${id}">${LABELS[name] ?? name}</label>
${hint ? html`<span class="risk-hint" id="${id}-hint">${hint}</span>` : ''}
${errors.length ? html`<span class="risk-error" id="${id}-error">${errors.map((e) => e.message).join(' ')}</span>` : ''}
${control(attrs)}
</div>`;
}

const text = (
  form: string,
  name: string,
  state: FormState,
  opts: { type?: string; required?: boolean; hint?: string; placeholder?: string } = {},
) =>
  field(
    form,
    name,
    state,
    (a) =>
      html`<input type="${opts.type ?? 'text'}" ${a} value="${state.values[name] ?? ''}"${opts.required ? html` required` : ''}${opts.placeholder ? html` placeholder="${opts.placeholder}"` : ''}>`,
    opts.hint,
  );

const textarea = (form: string, name: string, state: FormState, rows: number, hint?: string) =>
  field(form, name, state, (a) => html`<textarea ${a} rows="${rows}">${state.values[name] ?? ''}</textarea>`, hint);

function select(form: string, name: string, state: FormState, options: [string, string][], hint?: string): SafeHtml {
  const value = state.values[name] ?? '';
  const all: [string, string][] = value !== '' && !options.some(([v]) => v === value) ? [...options, [value, value]] : options;
  return field(
    form,
    name,
    state,
    (a) =>
      html`<select ${a}>${all.map(([v, label]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${label}</option>`)}</select>`,
    hint,
  );
}

/** Add (no `riskId`) or edit a risk. */
export function riskForm(opts: { action: string; state: FormState; creating: boolean; cancelHref: string }): SafeHtml {
  const f = opts.creating ? 'new-risk' : 'edit-risk';
  // The stored code for the organisation's own risks is never shown: an empty field means the organisation.
  const scope = opts.state.values.scope === ENTERPRISE_SCOPE ? '' : (opts.state.values.scope ?? '');
  const s: FormState = { ...opts.state, values: { ...opts.state.values, scope } };
  const categories: [string, string][] = [['', '(velg)'], ...Object.entries(CATEGORY_LABELS)];
  return html`${errorSummary(f, s)}
<form method="post" action="${opts.action}" class="risk-form" novalidate>
${opts.creating ? text(f, 'id', s, { required: true, hint: 'Unik og brukes aldri om igjen, f.eks. OR-631.' }) : ''}
${text(f, 'title', s, { required: true })}
${textarea(f, 'description', s, 3)}
<div class="risk-row">
${text(f, 'owner', s)}
${select(f, 'category', s, categories)}
${text(f, 'scope', s, { hint: 'Tomt for foretaket, ellers prosjektets ID (f.eks. KAK).' })}
</div>
<div class="risk-row">
${text(f, 'opened', s, { type: 'date', required: true, hint: 'ÅÅÅÅ-MM-DD' })}
${opts.creating ? '' : text(f, 'closed', s, { type: 'date', hint: 'Tom mens risikoen er åpen.' })}
</div>
<p class="risk-actions"><button type="submit">${opts.creating ? 'Opprett risiko' : 'Lagre endringer'}</button> <a href="${opts.cancelHref}">Avbryt</a></p>
</form>`;
}

export function assessmentForm(opts: { action: string; state: FormState; matrix: RiskMatrix }): SafeHtml {
  const f = 'assessment';
  const s = opts.state;
  const scale = (labels: readonly string[]): [string, string][] => [
    ['', '(velg)'],
    ...SCALE.map((v): [string, string] => [String(v), `${v} – ${labels[v - 1] ?? ''}`]),
  ];
  return html`${errorSummary(f, s)}
<form method="post" action="${opts.action}" class="risk-form" novalidate>
<div class="risk-row">
${text(f, 'period', s, { type: 'month', required: true, hint: 'ÅÅÅÅ-MM', placeholder: 'ÅÅÅÅ-MM' })}
${select(f, 'probability', s, scale(opts.matrix.probabilityLabels))}
${select(f, 'consequence', s, scale(opts.matrix.consequenceLabels))}
</div>
${textarea(f, 'status_text', s, 5, 'Hva er gjort siden forrige periode? Blank linje gir nytt avsnitt i rapporten.')}
<div class="risk-row">
${text(f, 'assessed_by', s, { required: true })}
${text(f, 'assessed_at', s, { type: 'date', hint: 'ÅÅÅÅ-MM-DD' })}
${select(f, 'state', s, [
  ['final', 'Endelig'],
  ['draft', 'Utkast'],
])}
</div>
<p class="risk-actions"><button type="submit">Lagre vurdering</button></p>
</form>`;
}

export function closeForm(opts: { action: string; state: FormState }): SafeHtml {
  return html`${errorSummary('close', opts.state)}
<form method="post" action="${opts.action}" class="risk-form risk-form--inline" novalidate>
${text('close', 'closed', opts.state, { type: 'date', required: true })}
<p class="risk-actions"><button type="submit">Lukk risikoen</button></p>
</form>`;
}
