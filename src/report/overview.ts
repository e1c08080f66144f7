/** The period's report at a glance (status, history, publications, texts) and the editor's preview. */
import { kpiDefinitionsWithData } from '../kpi/registry.ts';
import { AppError } from '../shared/errors.ts';
import type { YearMonth } from '../shared/period.ts';
import { type ReportDeps, reportModelWithProblems } from './build.ts';
import { allSections, type ReportModel } from './model.ts';
import { type KnownIds, narrativeRefused, withSuggestions } from './narrative-check.ts';
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
  const { html, problems } = await previewWithModel(deps, period, sectionId, markdown);
  return { html, problems };
}

/** The preview plus the report model it was built with (the editor lists its figures and tables: one build, not two). */
export async function previewWithModel(deps: ReportDeps, period: YearMonth, sectionId: string, markdown: string) {
  const texts = await sectionTexts(deps.db, period);
  if (!texts.some((t) => t.id === sectionId)) throw new AppError('NOT_FOUND', `Ingen seksjon «${sectionId}» med tekst i rapportmalen`);
  const narratives = new Map(texts.flatMap((t) => (t.narrative ? [[t.id, t.narrative] as const] : [])));
  narratives.set(sectionId, { sectionId, markdown, author: '', createdAt: '', period, inherited: false });
  const { model, problems } = await reportModelWithProblems(deps, { period, narratives });
  const section = allSections(model.sections).find((x) => x.id === sectionId);
  const own = problems.filter((p) => p.file === `tekst:${sectionId}`);
  return {
    html: section?.narrative?.html.value ?? '',
    problems: own.length === 0 ? own : withSuggestions(own, markdown, await knownIds(deps, model)),
    model,
  };
}

/** What a narrative may point at in this report: its figures and tables, and every KPI (registered figures too). */
export async function knownIds(deps: Pick<ReportDeps, 'db' | 'domains'>, model: ReportModel): Promise<KnownIds> {
  return {
    refs: [...model.figures.map((f) => `fig:${f.block.id}`), ...model.tables.map((t) => `tab:${t.block.id}`)],
    kpis: (await kpiDefinitionsWithData(deps.domains, deps.db)).map((k) => k.definition.id),
  };
}

/** Throws the Norwegian refusal when the build would refuse the text (the editor's and the API's save). */
export async function checkNarrative(deps: ReportDeps, period: YearMonth, sectionId: string, markdown: string): Promise<void> {
  const refused = narrativeRefused((await previewNarrative(deps, period, sectionId, markdown)).problems);
  if (refused) throw refused;
}
