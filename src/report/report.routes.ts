/** The report's JSON API (under /api/report). Thin: validate, call one report function, return. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import type { YearMonth } from '../shared/period.ts';
import type { ReportDeps } from './build.ts';
import { cachedReportModel } from './cache.ts';
import { narrativeHistory } from './narratives.queries.ts';
import { saveNarrative, sectionTexts } from './narratives.ts';
import { dataFiles, provenanceDocument, reportHtml, reportPdf, valuesDocument } from './outputs.ts';
import { checkNarrative, previewNarrative, reportStatusDoc } from './overview.ts';
import { closeWarmBrowser, warmBrowser } from './pdf.ts';
import { listPublications, publicationFile, publicationFiles } from './publication.queries.ts';
import { changeStatus, publicationFileUrl, publishReport } from './publication.ts';
import { actorOf, requireWorkflowRight } from './report.access.ts';
import * as s from './report.schemas.ts';
import { effectiveTemplate, storeTemplate } from './template.queries.ts';
import { parseTemplate } from './template.ts';
import type { WorkflowAction } from './workflow.ts';

type PeriodReq = FastifyRequest<{ Params: { period: YearMonth } }>;

function send(
  reply: FastifyReply,
  file: { mediaType: string; bytes: Buffer; name: string; sha256?: string },
  download: boolean,
): FastifyReply {
  const base = file.name.split('/').pop() ?? file.name;
  reply.type(file.mediaType).header('content-length', file.bytes.length);
  if (file.sha256) reply.header('x-content-sha256', file.sha256);
  if (download || !file.mediaType.startsWith('text/html')) reply.header('content-disposition', `attachment; filename="${base}"`);
  return reply.send(file.bytes);
}

async function liveFile(deps: ReportDeps, period: YearMonth, name: string): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const model = await cachedReportModel(deps, period);
  if (name === 'report.html') return { name, mediaType: 'text/html; charset=utf-8', bytes: Buffer.from(reportHtml(model), 'utf8') };
  if (name === 'report.pdf')
    return {
      name,
      mediaType: 'application/pdf',
      bytes: await reportPdf(model, { chromiumPath: deps.config.chromiumPath, browser: await warmBrowser(deps.config.chromiumPath) }),
    };
  if (name === 'provenance.json' || name === 'values.json') {
    const doc = name === 'values.json' ? valuesDocument(model) : provenanceDocument(model);
    return { name, mediaType: 'application/json; charset=utf-8', bytes: Buffer.from(`${JSON.stringify(doc, null, 2)}\n`) };
  }
  const data = (await dataFiles(model)).find((f) => f.name === name);
  if (!data) throw new AppError('NOT_FOUND', `Rapporten for ${period} har ingen tabell eller figur med filen «${name}»`);
  return data;
}

export async function reportApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // PDFs in the server print in one browser kept warm between requests (src/report/pdf.ts).
  app.addHook('onClose', async () => closeWarmBrowser());
  app.get(
    '/report/template',
    { config: { permission: 'read' }, schema: s.templateSchema },
    async () => (await effectiveTemplate(deps.db)).template,
  );

  app.put('/report/template', { config: { permission: 'edit' }, schema: s.putTemplateSchema }, async (req) => {
    const template = parseTemplate(req.body, 'request');
    await storeTemplate(deps.db, template, actorOf(req, 'api'), new Date().toISOString());
    return { sections: template.sections.length };
  });

  app.get('/report/:period', { config: { permission: 'read' }, schema: s.reportStatusSchema }, async (req: PeriodReq) =>
    reportStatusDoc(deps, req.params.period),
  );

  app.get<{ Params: { period: YearMonth; sectionId: string } }>(
    '/report/:period/narratives/:sectionId',
    { config: { permission: 'read' }, schema: s.getNarrativeSchema },
    async (req) => {
      const { period, sectionId } = req.params;
      const text = (await sectionTexts(deps.db, period)).find((t) => t.id === sectionId);
      if (!text) throw new AppError('NOT_FOUND', `Ingen seksjon «${sectionId}» med tekst i rapportmalen`);
      const n = text.narrative;
      return {
        sectionId,
        title: text.title,
        markdown: n?.markdown ?? null,
        inheritedFrom: n?.inherited ? n.period : null,
        author: n?.author ?? null,
        savedAt: n?.createdAt ?? null,
        history: await narrativeHistory(deps.db, period, sectionId),
      };
    },
  );

  app.put<{ Params: { period: YearMonth; sectionId: string }; Body: { markdown: string; by?: string } }>(
    '/report/:period/narratives/:sectionId',
    { config: { permission: 'edit' }, schema: s.putNarrativeSchema },
    async (req) => {
      // Refused like the editor's save: a text the build would refuse is never stored.
      await checkNarrative(deps, req.params.period, req.params.sectionId, req.body.markdown);
      return saveNarrative(deps.db, {
        period: req.params.period,
        sectionId: req.params.sectionId,
        markdown: req.body.markdown,
        author: actorOf(req, 'api', req.body.by),
      });
    },
  );

  app.post<{ Params: { period: YearMonth }; Body: { sectionId: string; markdown: string } }>(
    '/report/:period/preview',
    { config: { permission: 'edit' }, schema: s.previewSchema },
    async (req) => previewNarrative(deps, req.params.period, req.body.sectionId, req.body.markdown),
  );

  app.post<{ Params: { period: YearMonth; action: WorkflowAction }; Body: { by?: string; comment?: string } | null }>(
    '/report/:period/actions/:action',
    // Declared `read`: the action decides (submit needs edit, approve/publish approve; report.access.ts).
    { config: { permission: 'read' }, schema: s.actionSchema },
    async (req) => {
      const { period, action } = req.params;
      requireWorkflowRight(req, action);
      const who = { actor: actorOf(req, 'api', req.body?.by), comment: req.body?.comment };
      if (action === 'publish') {
        const browser = await warmBrowser(deps.config.chromiumPath);
        const { state, publication } = await publishReport(deps, period, { ...who, browser });
        return { period, status: state.status, version: state.version, publication };
      }
      const state = await changeStatus(deps, period, action, who);
      return { period, status: state.status, version: state.version, publication: null };
    },
  );

  app.get<{ Params: { period: YearMonth; file: string } }>(
    '/report/:period/current/:file',
    { config: { permission: 'read' }, schema: s.liveFileSchema },
    async (req, reply) => send(reply, await liveFile(deps, req.params.period, req.params.file), req.params.file !== 'report.html'),
  );

  app.get<{ Params: { period: YearMonth; file: string } }>(
    '/report/:period/current/data/:file',
    { config: { permission: 'read' }, schema: s.liveDataSchema },
    async (req, reply) => send(reply, await liveFile(deps, req.params.period, `data/${req.params.file}`), true),
  );

  app.get<{ Params: { period: YearMonth; version: number } }>(
    '/report/:period/publications/:version/files',
    { config: { permission: 'read' }, schema: s.publicationFilesSchema },
    async (req) => {
      const { period, version } = req.params;
      const publication = (await listPublications(deps.db, period)).find((p) => p.version === version);
      if (!publication) throw new AppError('NOT_FOUND', `Rapporten for ${period} har ingen publisert versjon ${version}`);
      const files = await publicationFiles(deps.db, period, version);
      return { publication, files: files.map((f) => ({ ...f, url: publicationFileUrl(period, version, f.name) })) };
    },
  );

  app.get<{ Params: { period: YearMonth; version: number; '*': string } }>(
    '/report/:period/publications/:version/files/*',
    { config: { permission: 'read' }, schema: s.publicationFileSchema },
    async (req, reply) => {
      const file = await publicationFile(deps.db, req.params.period, req.params.version, req.params['*']);
      return send(reply, file, file.name !== 'report.html' && file.name !== 'web.html');
    },
  );
}
