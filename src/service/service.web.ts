/**
 * The "Kundeservice" page (/kundeservice: service desk, per-queue drill-down, complaints) and the
 * "Tjenester" page (/tjenester: availability, outages, volumes). Every table downloads as CSV/XLSX.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { evaluateKpis } from '../kpi/kpi.ts';
import type { AppDeps } from '../module.ts';
import type { TableBlock } from '../report/blocks.ts';
import { AppError } from '../shared/errors.ts';
import { addMonths, firstDayOfMonth, lastDayOfMonth, monthBoundsMs, type YearMonth } from '../shared/period.ts';
import { html, raw, type SafeHtml } from '../web/html.ts';
import { kpiTiles } from '../web/kpi-tiles.ts';
import { page } from '../web/layout.ts';
import { emptyState } from '../web/overview.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { type ExportFormat, exportFileName, exportTable, tableWithExports } from '../web/table-export.ts';
import { AVAILABILITY_RULE, availabilityTable } from './availability/availability.blocks.ts';
import { monthAvailability } from './availability/availability.figures.ts';
import { findOutages } from './availability/availability.queries.ts';
import { answerRateFigure, last12, serviceLevelDefinition } from './calls/calls.blocks.ts';
import { callMetricsByQueue, callMetricsSeries, monthCallMetrics } from './calls/calls.figures.ts';
import { findComplaints } from './complaints/complaints.queries.ts';
import { serviceKpis } from './service.kpis.ts';
import { complaintsTable, monthsTable, outagesTable, queuesTable, volumesTable } from './service.tables.ts';
import type { ServiceSettings } from './service-settings.ts';
import { findVolumes, listVolumeServices } from './volumes/volumes.queries.ts';
import { vendorsOf, volumesByMonth } from './volumes/volumes.ts';

export const CUSTOMER_SERVICE_PATH = '/kundeservice';
export const SERVICES_PATH = '/tjenester';

interface PageData {
  hasData: boolean;
  top: SafeHtml;
  tables: TableBlock[];
}

async function customerServiceData(deps: AppDeps, settings: ServiceSettings, period: YearMonth, queue: string | null): Promise<PageData> {
  const months = last12(period);
  const series = queue === null ? await callMetricsSeries(deps.db, { months, settings }) : [];
  if (queue !== null) for (const m of months) series.push(await monthCallMetrics(deps.db, { period: m, queue, settings }));
  const byQueue = await callMetricsByQueue(deps.db, { period, settings });
  const complaints = await findComplaints(deps.db, { fromDate: firstDayOfMonth(period), toDate: lastDayOfMonth(period) });
  const kpis = serviceKpis(settings).filter((k) => k.id.startsWith('service.desk.') || k.id === 'service.complaints');
  const values = await evaluateKpis(kpis, { db: deps.db, period });
  const tiles = kpiTiles(kpis.map((definition, i) => ({ definition, value: values[i] as (typeof values)[number], domainId: 'service' })));
  const queueLinks = byQueue.map(
    (m) => html`<li><a href="${CUSTOMER_SERVICE_PATH}/ko/${encodeURIComponent(m.queue ?? '')}?period=${period}">${m.queue ?? ''}</a></li>`,
  );
  const top = html`<section aria-labelledby="ks-nokkeltall">
  <h2 id="ks-nokkeltall">Nøkkeltall${queue === null ? '' : ` (alle køer)`}</h2>
  ${tiles}
</section>
<section aria-labelledby="ks-sl">
  <h2 id="ks-sl">Servicenivå siste 12 måneder${queue === null ? '' : `, kø ${queue}`}</h2>
  <figure>${raw(answerRateFigure(series, settings).svg)}
  <figcaption>${serviceLevelDefinition(settings)}</figcaption></figure>
</section>
${queue === null && byQueue.length > 0 ? html`<nav aria-label="Køer"><h2>Per kø</h2><ul class="inline-list">${queueLinks}</ul></nav>` : html`<p><a href="${CUSTOMER_SERVICE_PATH}?period=${period}">Tilbake til alle køer</a></p>`}`;
  const tables = [
    monthsTable(series, queue),
    ...(queue === null ? [queuesTable(byQueue, period), complaintsTable(complaints, period)] : []),
  ];
  return { hasData: series.some((m) => m.offered + m.outbound > 0) || complaints.length > 0, top, tables };
}

async function servicesData(deps: AppDeps, period: YearMonth): Promise<PageData> {
  const availability = await monthAvailability(deps.db, period);
  const { startMs, endMs } = monthBoundsMs(period);
  const outages = await findOutages(deps.db, { fromMs: startMs, toMs: endMs });
  const tables: TableBlock[] = [availabilityTable(availability), outagesTable(outages, period)];
  const months = last12(period);
  for (const service of await listVolumeServices(deps.db)) {
    const records = await findVolumes(deps.db, { fromMonth: addMonths(period, -11), toMonth: period, service });
    const block = volumesTable(service, vendorsOf(records, service), volumesByMonth(records, service, months));
    tables.push({ ...block, id: `service-volumes-${tables.length}` });
  }
  const top = html`<p>${AVAILABILITY_RULE}</p>`;
  return { hasData: availability.services.length > 0 || tables.length > 2, top, tables };
}

function body(data: PageData, period: YearMonth, href: (block: TableBlock, format: ExportFormat) => string): SafeHtml {
  if (!data.hasData) return emptyState(period);
  return html`${data.top}${data.tables.map((t) => html`<section>${tableWithExports(t, (f) => href(t, f))}</section>`)}`;
}

async function sendExport(reply: FastifyReply, tables: TableBlock[], file: string, period: YearMonth) {
  const m = /^([a-z0-9-]+)\.(csv|xlsx)$/.exec(file);
  const block = m ? tables.find((t) => t.id === m[1]) : undefined;
  if (!m || !block) throw new AppError('NOT_FOUND', `Ukjent tabell «${file}»`);
  const format = m[2] as ExportFormat;
  const { body: content, contentType } = await exportTable(block, format);
  return reply
    .type(contentType)
    .header('content-disposition', `attachment; filename="${exportFileName(block, period, format)}"`)
    .send(content);
}

export function serviceWeb(settings: ServiceSettings) {
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    const read = { permission: 'read' as const };
    const html200 = (reply: FastifyReply, title: string, period: YearMonth, activePath: string, content: SafeHtml) =>
      reply.type('text/html; charset=utf-8').send(page(deps, { title, period, activePath, body: content }));

    app.get(CUSTOMER_SERVICE_PATH, { config: read }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const data = await customerServiceData(deps, settings, period, null);
      const href = (t: TableBlock, f: ExportFormat) => `${CUSTOMER_SERVICE_PATH}/${t.id}.${f}?period=${period}`;
      return html200(reply, 'Kundeservice', period, CUSTOMER_SERVICE_PATH, body(data, period, href));
    });
    app.get<{ Params: { queue: string } }>(`${CUSTOMER_SERVICE_PATH}/ko/:queue`, { config: read }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const queue = req.params.queue;
      const data = await customerServiceData(deps, settings, period, queue);
      const base = `${CUSTOMER_SERVICE_PATH}/ko/${encodeURIComponent(queue)}`;
      const href = (t: TableBlock, f: ExportFormat) => `${base}/${t.id}.${f}?period=${period}`;
      return html200(reply, `Kundeservice: kø ${queue}`, period, CUSTOMER_SERVICE_PATH, body(data, period, href));
    });
    app.get<{ Params: { queue: string; file: string } }>(
      `${CUSTOMER_SERVICE_PATH}/ko/:queue/:file`,
      { config: read },
      async (req, reply) => {
        const period = resolvePeriod(req.query, deps.config);
        const data = await customerServiceData(deps, settings, period, req.params.queue);
        return sendExport(reply, data.tables, req.params.file, period);
      },
    );
    app.get<{ Params: { file: string } }>(`${CUSTOMER_SERVICE_PATH}/:file`, { config: read }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      return sendExport(reply, (await customerServiceData(deps, settings, period, null)).tables, req.params.file, period);
    });
    app.get(SERVICES_PATH, { config: read }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const href = (t: TableBlock, f: ExportFormat) => `${SERVICES_PATH}/${t.id}.${f}?period=${period}`;
      return html200(reply, 'Tjenester', period, SERVICES_PATH, body(await servicesData(deps, period), period, href));
    });
    app.get<{ Params: { file: string } }>(`${SERVICES_PATH}/:file`, { config: read }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      return sendExport(reply, (await servicesData(deps, period)).tables, req.params.file, period);
    });
  };
}
