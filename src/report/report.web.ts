/** The report's web pages: /rapport (the report in the app shell) and the narrative editor. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { kpiDefinitionsWithData } from '../kpi/registry.ts';
import type { AppDeps } from '../module.ts';
import { AppError, isAppError } from '../shared/errors.ts';
import { monthOf, type YearMonth } from '../shared/period.ts';
import { VersionedCache } from '../storage/versioned-cache.ts';
import { raw, type SafeHtml } from '../web/html.ts';
import { page } from '../web/layout.ts';
import { resolvePeriod, todayInOslo } from '../web/period-param.ts';
import { cachedReportModel, cachedWebArticle } from './cache.ts';
import { EDITOR_JS, editorPageBody } from './editor-page.ts';
import { narrativeRefused } from './narrative-check.ts';
import { narrativeHistory } from './narratives.queries.ts';
import { saveNarrative, sectionTexts } from './narratives.ts';
import { previewWithModel, reportStatusDoc } from './overview.ts';
import { warmBrowser } from './pdf.ts';
import { publicationFile } from './publication.queries.ts';
import { changeStatus, publishReport } from './publication.ts';
import { actorOf, requireWorkflowRight } from './report.access.ts';
import { reportPageBody } from './report-page.ts';
import { isWorkflowAction } from './workflow.ts';

const liveDataHref = (period: YearMonth) => (id: string, ext: 'csv' | 'xlsx') => `/api/report/${period}/current/data/${id}.${ext}`;

function sendPage(reply: FastifyReply, body: string | Buffer): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(body);
}

/** The page body of the period's report: the published copy (checked on every read) or the draft. */
async function reportBody(deps: AppDeps, period: YearMonth, doc: Awaited<ReturnType<typeof reportStatusDoc>>): Promise<SafeHtml> {
  if (doc.status === 'published') {
    const stored = await publicationFile(deps.db, period, doc.version, 'web.html');
    return reportPageBody({ period, doc, model: null, article: raw(stored.bytes.toString('utf8')), error: null });
  }
  try {
    const model = await cachedReportModel(deps, period);
    const article = await cachedWebArticle(deps, period, liveDataHref(period));
    return reportPageBody({ period, doc, model, article, error: null });
  } catch (err) {
    if (!isAppError(err) || err.code !== 'REPORT_BUILD') throw err;
    return reportPageBody({ period, doc, model: null, article: null, error: { message: err.message, problems: err.problems } });
  }
}

/**
 * The draft's whole page per period, encoded once: kept until the data's version moves (status and
 * texts included) or the month of today changes (the period picker's last month). A cache hit costs
 * one version query; wrapping tables and encoding the page (most of a build's CPU) happen once.
 */
const draftPages = new VersionedCache<Buffer | null>(12);

async function reportPage(deps: AppDeps, period: YearMonth): Promise<Buffer | string> {
  const whole = async (doc: Awaited<ReturnType<typeof reportStatusDoc>>) =>
    page(deps, { title: 'Rapport', period, activePath: '/rapport', body: await reportBody(deps, period, doc) });
  const key = `${period}|${monthOf(todayInOslo())}|${deps.config.organisationName}`;
  const draft = await draftPages.get(deps.db, deps.domains, key, async () => {
    const doc = await reportStatusDoc(deps, period);
    return doc.status === 'published' ? null : Buffer.from(await whole(doc), 'utf8');
  });
  // A published report is read (and its hash checked) on every request.
  return draft ?? whole(await reportStatusDoc(deps, period));
}

interface EditorState {
  markdown?: string;
  saved: boolean;
  /** The refusal of a save the build would refuse. */
  refused?: AppError;
  /** Who saves: the signed-in user. */
  author?: string;
  /** The preview already built for this Markdown (a refused save). */
  preview?: Awaited<ReturnType<typeof previewWithModel>>;
}

async function editorPage(deps: AppDeps, period: YearMonth, sectionId: string, o: EditorState): Promise<string> {
  const text = (await sectionTexts(deps.db, period)).find((t) => t.id === sectionId);
  if (!text) throw new AppError('NOT_FOUND', `Rapportmalen har ingen seksjon «${sectionId}» med tekst`);
  const markdown = o.markdown ?? text.narrative?.markdown ?? '';
  const doc = await reportStatusDoc(deps, period);
  // One build serves the preview and the figures and tables the picker offers.
  const preview = o.preview ?? (await previewWithModel(deps, period, sectionId, markdown));
  const body = editorPageBody({
    period,
    text,
    markdown,
    preview,
    history: await narrativeHistory(deps.db, period, sectionId),
    model: preview.model,
    domains: deps.domains,
    editable: doc.status === 'draft',
    saved: o.saved,
    refused: o.refused,
    author: o.author,
    kpis: await kpiDefinitionsWithData(deps.domains, deps.db),
  });
  return page(deps, { title: `Tekst: ${text.title}`, period, activePath: '/rapport', body });
}

type Form = Record<string, string | undefined>;

export async function reportWeb(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/rapport/editor.js', { config: { permission: 'public' } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(EDITOR_JS),
  );

  app.get('/rapport', { config: { permission: 'read' } }, async (req, reply) =>
    sendPage(reply, await reportPage(deps, resolvePeriod(req.query, deps.config))),
  );

  app.post<{ Body: Form }>('/rapport/status', { config: { permission: 'read' } }, async (req, reply) => {
    const period = resolvePeriod(req.query, deps.config);
    const action = req.body?.action ?? '';
    if (!isWorkflowAction(action)) throw new AppError('VALIDATION', `Ukjent handling «${action}»`);
    requireWorkflowRight(req, action);
    const who = { actor: actorOf(req, 'web', req.body?.by), comment: req.body?.comment || undefined };
    if (action === 'publish') await publishReport(deps, period, { ...who, browser: await warmBrowser(deps.config.chromiumPath) });
    else await changeStatus(deps, period, action, who);
    return reply.redirect(`/rapport?period=${period}`, 303);
  });

  app.get<{ Params: { sectionId: string }; Querystring: { lagret?: string } }>(
    '/rapport/tekst/:sectionId',
    { config: { permission: 'read' } },
    async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      return sendPage(
        reply,
        await editorPage(deps, period, req.params.sectionId, { saved: req.query.lagret === '1', author: req.user?.email }),
      );
    },
  );

  app.post<{ Params: { sectionId: string }; Body: Form }>(
    '/rapport/tekst/:sectionId',
    { config: { permission: 'edit' } },
    async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const { sectionId } = req.params;
      const markdown = req.body?.markdown ?? '';
      const author = req.user?.email;
      if (req.body?.intent === 'preview')
        return sendPage(reply, await editorPage(deps, period, sectionId, { markdown, saved: false, author }));
      const preview = await previewWithModel(deps, period, sectionId, markdown);
      const refused = narrativeRefused(preview.problems);
      if (refused) {
        return sendPage(reply.status(400), await editorPage(deps, period, sectionId, { markdown, saved: false, refused, author, preview }));
      }
      await saveNarrative(deps.db, { period, sectionId, markdown, author: actorOf(req, 'web', req.body?.by) });
      return reply.redirect(`/rapport/tekst/${encodeURIComponent(sectionId)}?period=${period}&lagret=1`, 303);
    },
  );
}
