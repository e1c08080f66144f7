/** Editing one milestone (web form and API): the same rules as a re-import of one CSV row. */

import { AppError } from '../../shared/errors.ts';
import { auditChange } from '../../storage/audit.ts';
import type { Db } from '../../storage/db.ts';
import { parseDate } from './milestones.parse.ts';
import { applyMilestoneRows } from './milestones.plan.ts';
import { listMilestones, saveMilestones } from './milestones.queries.ts';

export interface MilestoneEdit {
  project: string;
  milestone: string;
  /** YYYY-MM-DD or DD.MM.YYYY; '' clears */
  planned: string;
  actual: string;
  reason: string;
}

export interface FieldError {
  field: 'planned' | 'actual' | 'reason';
  message: string;
}

/** Applies the edit; returns field errors instead of writing when the input is wrong. */
export async function editMilestone(
  db: Db,
  edit: MilestoneEdit,
  stamp: { at: string; by: string },
): Promise<{ changed: boolean; errors: FieldError[] }> {
  const stored = await listMilestones(db, edit.project);
  const current = stored.find((m) => m.id === edit.milestone);
  if (!current) throw new AppError('NOT_FOUND', `Milepælen «${edit.milestone}» finnes ikke i prosjektet ${edit.project}`);
  const errors: FieldError[] = [];
  const planned = parseDate(edit.planned);
  const actual = parseDate(edit.actual);
  if (planned === undefined)
    errors.push({ field: 'planned', message: `Ugyldig dato «${edit.planned}»; bruk DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD.` });
  if (actual === undefined) errors.push({ field: 'actual', message: `Ugyldig dato «${edit.actual}»; bruk DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD.` });
  if (planned !== undefined && planned !== current.planned && edit.reason.trim() === '') {
    errors.push({ field: 'reason', message: 'Skriv en begrunnelse når planlagt dato endres.' });
  }
  if (edit.reason.length > 500) errors.push({ field: 'reason', message: 'Begrunnelsen kan være høyst 500 tegn.' });
  if (errors.length > 0 || planned === undefined || actual === undefined) return { changed: false, errors };
  const applied = applyMilestoneRows(stored, [{ ...current, planned, actual, reason: edit.reason.trim() }], stamp);
  const changed = applied.changes.length > 0 || actual !== current.actual;
  if (changed)
    await db.transaction().execute(async (trx) => {
      await saveMilestones(trx, applied.milestones, applied.changes, { now: stamp.at, importRunId: null });
      await auditChange(trx, {
        actor: stamp.by,
        action: 'milestone.edit',
        target: `${edit.project}/${edit.milestone}`,
        before: { planned: current.planned, actual: current.actual },
        after: { planned, actual },
        ...(edit.reason.trim() ? { extra: { reason: edit.reason.trim() } } : {}),
      });
    });
  return { changed, errors: [] };
}
