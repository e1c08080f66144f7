/**
 * Workflow actions, and publishing: the report is built once more with status "published", and its
 * HTML, PDF, data files, provenance and the values shown are stored in the database with SHA-256s.
 * Nothing reads them back through the engines again, so later data changes never alter them; a
 * correction is a new version (`revise`), and the older one is marked superseded.
 */
import type { Browser } from 'playwright-core';
import type { YearMonth } from '../shared/period.ts';
import { type ReportDeps, reportModel } from './build.ts';
import { type OutputFile, renderOutputs, sha256 } from './outputs.ts';
import type { Publication } from './publication.queries.ts';
import { recordSha256 } from './publication-integrity.ts';
import { reportArticle } from './render-document.ts';
import { applyAction, type WorkflowState, workflowState } from './workflow.queries.ts';
import { nextStatus, type WorkflowAction } from './workflow.ts';

export interface Actor {
  actor: string;
  /** ISO instant; default now. */
  at?: string;
  comment?: string;
}

/** Where the web app serves a stored publication's files. */
export function publicationFileUrl(period: YearMonth, version: number, name: string): string {
  return `/api/report/${period}/publications/${version}/files/${name}`;
}

/** submit, approve, reject and revise; publish goes through publishReport. */
export async function changeStatus(
  deps: Pick<ReportDeps, 'db'>,
  period: YearMonth,
  action: Exclude<WorkflowAction, 'publish'>,
  who: Actor,
) {
  const at = who.at ?? new Date().toISOString();
  return deps.db.transaction().execute((trx) => applyAction(trx, period, action, { actor: who.actor, at, comment: who.comment }));
}

function findFile(files: readonly OutputFile[], name: string): OutputFile {
  const f = files.find((x) => x.name === name);
  if (!f) throw new Error(`missing ${name}`);
  return f;
}

export async function publishReport(
  deps: ReportDeps,
  period: YearMonth,
  who: Actor & { browser?: Browser },
): Promise<{ state: WorkflowState; publication: Publication }> {
  const at = who.at ?? new Date().toISOString();
  const state = await workflowState(deps.db, period);
  nextStatus(state.status, 'publish'); // fail before the slow build if not approved
  const model = await reportModel(deps, { period, compiledAt: at, status: 'published', version: state.version });
  const files = await renderOutputs(model, { chromiumPath: deps.config.chromiumPath, pdf: true, browser: who.browser });
  const web = reportArticle(model, { mode: 'web', dataHref: (id, ext) => publicationFileUrl(period, state.version, `data/${id}.${ext}`) });
  files.push({ name: 'web.html', mediaType: 'text/html; charset=utf-8', bytes: Buffer.from(web.value, 'utf8') });
  const row = {
    period,
    version: state.version,
    published_at: at,
    published_by: who.actor,
    compiled_at: model.compiledAt,
    html_sha256: sha256(findFile(files, 'report.html').bytes),
    pdf_sha256: sha256(findFile(files, 'report.pdf').bytes),
    values_sha256: sha256(findFile(files, 'values.json').bytes),
    superseded_at: null,
  };
  return deps.db.transaction().execute(async (trx) => {
    const next = await applyAction(trx, period, 'publish', { actor: who.actor, at, comment: who.comment });
    const head = await trx.selectFrom('report_publications').select('record_sha256').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const chained = { ...row, previous_sha256: head?.record_sha256 ?? null };
    const fileHashes = files.map((f) => ({ name: f.name, sha256: sha256(f.bytes), size: f.bytes.length }));
    await trx
      .updateTable('report_publications')
      .set({ superseded_at: at })
      .where('period', '=', period)
      .where('superseded_at', 'is', null)
      .execute();
    const { id } = await trx
      .insertInto('report_publications')
      .values({ ...chained, record_sha256: recordSha256(chained, fileHashes) })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const f of files) {
      await trx
        .insertInto('report_publication_files')
        .values({
          publication_id: id,
          name: f.name,
          media_type: f.mediaType,
          sha256: sha256(f.bytes),
          size: f.bytes.length,
          content: f.bytes,
        })
        .execute();
    }
    const publication: Publication = {
      period,
      version: row.version,
      publishedAt: at,
      publishedBy: who.actor,
      compiledAt: row.compiled_at,
      htmlSha256: row.html_sha256,
      pdfSha256: row.pdf_sha256,
      valuesSha256: row.values_sha256,
      supersededAt: null,
    };
    return { state: next, publication };
  });
}
