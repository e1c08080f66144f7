/**
 * Narrative storage: every save is a new row (who, when), so the history is kept; the newest row
 * of a (period, section) is the current text. A period without its own text for a section starts
 * from the newest earlier period's text, marked as inherited (a draft to edit).
 */
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';

export interface Narrative {
  sectionId: string;
  markdown: string;
  author: string;
  /** ISO instant of the save. */
  createdAt: string;
  /** The period the text was written for; differs from the asked period when inherited. */
  period: YearMonth;
  inherited: boolean;
}

export interface NarrativeVersion {
  id: number;
  markdown: string;
  author: string;
  createdAt: string;
}

export async function insertNarrative(
  db: Db,
  n: { period: YearMonth; sectionId: string; markdown: string; author: string; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('report_narratives')
    .values({ period: n.period, section_id: n.sectionId, markdown: n.markdown, author: n.author, created_at: n.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The current text of every section for `period`, inherited from earlier periods where missing. */
export async function currentNarratives(db: Db, period: YearMonth): Promise<Map<string, Narrative>> {
  const rows = await db
    .selectFrom('report_narratives')
    .select(['period', 'section_id', 'markdown', 'author', 'created_at'])
    .where('period', '<=', period)
    .orderBy('period', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const out = new Map<string, Narrative>();
  for (const r of rows) {
    if (out.has(r.section_id)) continue;
    out.set(r.section_id, {
      sectionId: r.section_id,
      markdown: r.markdown,
      author: r.author,
      createdAt: r.created_at,
      period: r.period,
      inherited: r.period !== period,
    });
  }
  return out;
}

/** Every saved version of one section's text for a period, newest first. */
export async function narrativeHistory(db: Db, period: YearMonth, sectionId: string): Promise<NarrativeVersion[]> {
  const rows = await db
    .selectFrom('report_narratives')
    .select(['id', 'markdown', 'author', 'created_at'])
    .where('period', '=', period)
    .where('section_id', '=', sectionId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, markdown: r.markdown, author: r.author, createdAt: r.created_at }));
}
