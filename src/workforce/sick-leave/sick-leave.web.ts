/** The "Sykefravær" page (/sykefravaer): the month's figures, the 12-month chart and a per-unit breakdown. */
import type { FastifyInstance } from 'fastify';
import { formatKpiTarget, type KpiStatus } from '../../kpi/kpi.ts';
import type { AppDeps } from '../../module.ts';
import { formatMonth, formatMonthCapitalised, formatNumber, formatPercent } from '../../shared/format.ts';
import { html, raw, type SafeHtml } from '../../web/html.ts';
import { page } from '../../web/layout.ts';
import { emptyState } from '../../web/overview.ts';
import { resolvePeriod } from '../../web/period-param.ts';
import { maySeeUnits } from './sick-leave.access.ts';
import { firstReportedLabel, type SickLeaveFigures, type SickLeaveOverview, sickLeaveOverview } from './sick-leave.section.ts';
import { bandLabels, restatementNote, trendChart } from './sick-leave-blocks.ts';
import { DEFAULT_SICK_LEAVE_SETTINGS, type SickLeaveSettings } from './sick-leave-settings.ts';

export const SICK_LEAVE_PATH = '/sykefravaer';

const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, 2));
const STATUS_TEXT: Record<KpiStatus, string> = { met: '✓ Under indikatoren', 'not-met': '✗ Over indikatoren', none: 'Ingen data' };

function tile(label: string, value: number | null, status: KpiStatus | undefined, target: string): SafeHtml {
  return html`<li class="tile tile--${status ?? 'none'}">
  <span class="tile-label">${label}</span>
  <span class="tile-value">${pct(value)}</span>
  ${status ? html`<span class="tile-target">Indikator: ${target}</span><span class="tile-status">${STATUS_TEXT[status]}</span>` : ''}
</li>`;
}

function tiles(o: SickLeaveOverview): SafeHtml {
  const labels = bandLabels(o.bandRule);
  const target = formatKpiTarget(o.indicator.target, 'percent');
  return html`<ul class="tiles">
  ${tile(`Sykefravær ${formatMonth(o.period)}`, o.month.totalPct, o.indicator.monthStatus, target)}
  ${tile(labels.short, o.month.shortPct, undefined, target)}
  ${tile(labels.long, o.month.longPct, undefined, target)}
  ${tile('Totalt sykefravær hittil i år', o.ytd.totalPct, o.indicator.ytdStatus, target)}
</ul>`;
}

function figureCells(f: SickLeaveFigures): SafeHtml {
  return html`<td class="num">${pct(f.shortPct)}</td><td class="num">${pct(f.longPct)}</td><td class="num">${pct(f.totalPct)}</td>`;
}

/** "korttid 2,10 %, langtid 0,00 %, totalt 2,10 % (status per 05.06.2025)": the split can change while the total does not. */
function firstReportedText(f: NonNullable<SickLeaveOverview['firstReported']>): string {
  return `korttid ${pct(f.shortPct)}, langtid ${pct(f.longPct)}, totalt ${pct(f.totalPct)} (${firstReportedLabel(f.knownAt)})`;
}

function trendTable(o: SickLeaveOverview): SafeHtml {
  const rows = o.trend.map(
    (t) => html`<tr><th scope="row">${formatMonthCapitalised(t.period)}</th>${figureCells(t)}
<td class="num">${formatNumber(t.agreedDays, 1)}</td>
<td>${t.firstReported ? firstReportedText(t.firstReported) : ''}</td></tr>`,
  );
  return html`<table>
<caption class="sr-only">Sykefravær per måned, siste 12 måneder</caption>
<thead><tr><th scope="col">Måned</th><th scope="col" class="num">Korttid</th><th scope="col" class="num">Langtid</th>
<th scope="col" class="num">Totalt</th><th scope="col" class="num">Avtalte dagsverk</th><th scope="col">Først rapportert, der tallene senere er korrigert</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function unitTable(o: SickLeaveOverview): SafeHtml {
  const rows = o.units.map(
    (u) => html`<tr><th scope="row">${u.unit ?? 'Uten enhet'}</th>${figureCells(u.month)}<td class="num">${pct(u.ytd.totalPct)}</td></tr>`,
  );
  return html`<table>
<caption class="sr-only">Sykefravær per enhet, ${formatMonth(o.period)}</caption>
<thead><tr><th scope="col">Enhet</th><th scope="col" class="num">Korttid</th><th scope="col" class="num">Langtid</th>
<th scope="col" class="num">Totalt ${formatMonth(o.period)}</th><th scope="col" class="num">Hittil i år</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function unitSection(o: SickLeaveOverview): SafeHtml {
  return html`<section aria-labelledby="sf-enheter">
  <h2 id="sf-enheter">Per enhet</h2>
  <p>Fordelingen per enhet er for ledere og HR; styrerapporten viser bare hele virksomheten, aldri enkeltpersoner.</p>
  ${unitTable(o)}
</section>`;
}

export function sickLeaveBody(o: SickLeaveOverview, options: { units: boolean } = { units: true }): SafeHtml {
  if (!o.hasData) return emptyState(o.period);
  const note = restatementNote(o.firstReported, o.bandRule);
  return html`<section aria-labelledby="sf-nokkeltall">
  <h2 id="sf-nokkeltall">Nøkkeltall</h2>
  ${tiles(o)}
  ${note ? html`<p class="notice" role="note">${note}</p>` : ''}
</section>
<section aria-labelledby="sf-trend">
  <h2 id="sf-trend">Siste 12 måneder</h2>
  <figure>${raw(trendChart(o, { width: 760, height: 320 }))}
  <figcaption>Sykefravær per måned, korttid og langtid, i prosent av avtalte dagsverk. Stiplet linje: indikatoren.</figcaption></figure>
  ${trendTable(o)}
</section>
${options.units ? unitSection(o) : ''}
<section aria-labelledby="sf-definisjon">
  <h2 id="sf-definisjon">Slik regnes tallene</h2>
  <p>${o.definition}</p>
</section>`;
}

export function sickLeaveWeb(settings: SickLeaveSettings = DEFAULT_SICK_LEAVE_SETTINGS) {
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    app.get(SICK_LEAVE_PATH, { config: { permission: 'read' } }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const overview = await sickLeaveOverview(deps.db, { period, settings });
      reply.type('text/html; charset=utf-8');
      return page(deps, {
        title: 'Sykefravær',
        period,
        activePath: SICK_LEAVE_PATH,
        body: sickLeaveBody(overview, { units: maySeeUnits(req) }),
      });
    });
  };
}
