/** Norwegian error pages for web routes (the API answers JSON instead; see server/http-errors.ts). */
import type { AppDeps } from '../module.ts';
import { type AppError, formatProblem } from '../shared/errors.ts';
import type { YearMonth } from '../shared/period.ts';
import { html } from './html.ts';
import { page } from './layout.ts';

function titleFor(status: number): string {
  if (status === 404) return 'Fant ikke siden';
  if (status === 401 || status === 403) return 'Ingen tilgang';
  if (status < 500) return 'Ugyldig forespørsel';
  return 'Noe gikk galt';
}

export function errorPage(deps: AppDeps, opts: { status: number; error: AppError; period: YearMonth; path: string }): string {
  const { error } = opts;
  const problems = error.problems.length ? html`<ul>${error.problems.map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>` : '';
  const body = html`<div class="notice notice--error" role="alert">
  <p>${error.message}</p>${problems}
  <p>Feilkode: <code>${error.code}</code> (HTTP ${opts.status})</p>
</div>
<p><a href="/?period=${opts.period}">Tilbake til oversikten</a></p>`;
  return page(deps, { title: titleFor(opts.status), period: opts.period, activePath: opts.path, body });
}

export function notFoundMessage(path: string): string {
  return `Siden «${path}» finnes ikke. Sjekk adressen, eller gå til oversikten.`;
}
