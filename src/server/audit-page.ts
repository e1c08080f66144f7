/** The audit trail page (/revisjonslogg, admins only): newest first, a table with headers. */
import type { AuditEntry } from '../auth/audit.queries.ts';
import { html, type SafeHtml } from '../web/html.ts';

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'login.success': 'Innlogging',
  'login.failure': 'Mislykket innlogging',
  'login.limited': 'Innlogging sperret (for mange forsøk)',
  logout: 'Utlogging',
  'request.mutation': 'Endring',
  'token.mutation': 'Endring med API-nøkkel',
  'user.add': 'Bruker opprettet',
  'user.roles': 'Roller endret',
  'user.disable': 'Bruker deaktivert',
  'token.create': 'API-nøkkel laget',
  'token.revoke': 'API-nøkkel trukket tilbake',
  'narrative.edit': 'Tekst endret',
  'risk.create': 'Risiko opprettet',
  'risk.edit': 'Risiko endret',
  'risk.assessment': 'Risikovurdering lagret',
  'report.status': 'Rapportstatus endret',
  'forecast.edit': 'Prognose endret',
  'figure.edit': 'Registrert tall endret',
  'milestone.edit': 'Milepæl endret',
};

/** Before/after of an edit on two labelled lines; other details as JSON. */
function details(detail: AuditEntry['detail']): SafeHtml {
  if (!detail) return html``;
  if ('before' in detail && 'after' in detail) {
    const { before, after, ...rest } = detail;
    const more = Object.keys(rest).length > 0 ? html`<br><code>${JSON.stringify(rest)}</code>` : html``;
    return html`Før: <code>${JSON.stringify(before)}</code><br>Etter: <code>${JSON.stringify(after)}</code>${more}`;
  }
  return html`<code>${JSON.stringify(detail)}</code>`;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'medium' });
}

export function auditBody(entries: readonly AuditEntry[]): SafeHtml {
  if (entries.length === 0) return html`<p>Revisjonsloggen er tom.</p>`;
  const rows = entries.map(
    (e) => html`<tr><td>${when(e.at)}</td><td>${e.actor ?? '–'}</td><td>${e.address ?? '–'}</td>
<td>${AUDIT_ACTION_LABELS[e.action] ?? e.action}</td><td>${e.target ?? ''}</td><td>${details(e.detail)}</td></tr>`,
  );
  return html`<p>De siste ${entries.length} hendelsene, nyeste først.</p>
<table>
<caption class="sr-only">Revisjonslogg</caption>
<thead><tr><th scope="col">Tidspunkt</th><th scope="col">Hvem</th><th scope="col">Fra adresse</th><th scope="col">Hendelse</th><th scope="col">Hva</th><th scope="col">Detaljer</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}
