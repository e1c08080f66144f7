/**
 * Narratives per section and period: saving (only into a draft, only for a section of the template
 * that has a narrative slot) and listing every section with the state of its text.
 */

import { AppError } from '../shared/errors.ts';
import { parseYearMonth, type YearMonth } from '../shared/period.ts';
import { auditChange } from '../storage/audit.ts';
import type { Db } from '../storage/db.ts';
import { currentNarratives, insertNarrative, type Narrative } from './narratives.queries.ts';
import { effectiveTemplate } from './template.queries.ts';
import { flattenSections, type ReportTemplate } from './template.ts';
import { workflowState } from './workflow.queries.ts';
import { assertEditable } from './workflow.ts';

export interface SectionText {
  id: string;
  title: string;
  depth: number;
  /** The current text (possibly inherited from an earlier period), or null. */
  narrative: Narrative | null;
}

/** Markdown larger than this is surely a mistake (a pasted file), not a section's prose. */
const MAX_MARKDOWN = 100_000;

export function narrativeSections(template: ReportTemplate): { id: string; title: string; depth: number }[] {
  return flattenSections(template.sections)
    .filter((s) => s.section.narrative !== 'none')
    .map((s) => ({ id: s.section.id, title: s.section.title, depth: s.depth }));
}

export async function sectionTexts(db: Db, period: YearMonth, templateFile?: string): Promise<SectionText[]> {
  parseYearMonth(period);
  const { template } = await effectiveTemplate(db, templateFile);
  const texts = await currentNarratives(db, period);
  return narrativeSections(template).map((s) => ({ ...s, narrative: texts.get(s.id) ?? null }));
}

export async function saveNarrative(
  db: Db,
  n: { period: YearMonth; sectionId: string; markdown: string; author: string; at?: string; templateFile?: string },
): Promise<{ id: number }> {
  parseYearMonth(n.period);
  const { template } = await effectiveTemplate(db, n.templateFile);
  const section = narrativeSections(template).find((s) => s.id === n.sectionId);
  if (!section) {
    const known = narrativeSections(template)
      .map((s) => s.id)
      .join(', ');
    throw new AppError('NOT_FOUND', `Rapportmalen har ingen seksjon «${n.sectionId}» med tekst. Kjente seksjoner: ${known}`);
  }
  if (n.markdown.length > MAX_MARKDOWN) {
    throw new AppError('VALIDATION', `Teksten er for lang (${n.markdown.length} tegn, maks ${MAX_MARKDOWN})`);
  }
  assertEditable((await workflowState(db, n.period)).status);
  const markdown = n.markdown.replace(/\r\n?/g, '\n');
  const before = (await currentNarratives(db, n.period)).get(n.sectionId);
  const createdAt = n.at ?? new Date().toISOString();
  const write = async (trx: Db) => {
    const id = await insertNarrative(trx, { period: n.period, sectionId: n.sectionId, markdown, author: n.author, createdAt });
    await auditChange(trx, {
      actor: n.author,
      action: 'narrative.edit',
      target: `${n.period}/${n.sectionId}`,
      before: before ? { markdown: before.markdown, author: before.author, period: before.period } : null,
      after: { markdown },
    });
    return { id };
  };
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}
