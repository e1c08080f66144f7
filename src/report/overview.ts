/** The period's report at a glance (status, history, publications, texts) and the editor's preview. */
import { AppError } from '../shared/errors.ts';
import type { YearMonth } from '../shared/period.ts';
import { type ReportDeps, reportModelWithProblems } from './build.ts';
import { allSections } from './model.ts';
import { sectionTexts } from './narratives.ts';
import { listPublications } from './publication.queries.ts';
import { workflowEvents, workflowState } from './workflow.queries.ts';

/** Status, history, publications and the sections' text state: the API document and the web page's data. */
export async function reportStatusDoc(deps: Pick<ReportDeps, 'db'>, period: YearMonth) {
  const state = await workflowState(deps.db, period);
  const texts = await sectionTexts(deps.db, period);
  return {
    period,
    status: state.status,
    version: state.version,
    events: await workflowEvents(deps.db, period),
    publications: await listPublications(deps.db, period),
    sections: texts.map((t) => ({
      id: t.id,
      title: t.title,
      depth: t.depth,
      state: t.narrative === null ? 'none' : t.narrative.inherited ? 'inherited' : 'own',
      from: t.narrative?.period ?? null,
      author: t.narrative?.author ?? null,
      savedAt: t.narrative?.createdAt ?? null,
    })),
  };
}

/** Preview of one section's Markdown against the period's numbering and live values. */
export async function previewNarrative(deps: ReportDeps, period: YearMonth, sectionId: string, markdown: string) {
  const texts = await sectionTexts(deps.db, period);
  if (!texts.some((t) => t.id === sectionId)) throw new AppError('NOT_FOUND', `Ingen seksjon «${sectionId}» med tekst i rapportmalen`);
  const narratives = new Map(texts.flatMap((t) => (t.narrative ? [[t.id, t.narrative] as const] : [])));
  narratives.set(sectionId, { sectionId, markdown, author: '', createdAt: '', period, inherited: false });
  const { model, problems } = await reportModelWithProblems(deps, { period, narratives });
  const section = allSections(model.sections).find((x) => x.id === sectionId);
  return { html: section?.narrative?.html.value ?? '', problems: problems.filter((p) => p.file === `tekst:${sectionId}`) };
}
