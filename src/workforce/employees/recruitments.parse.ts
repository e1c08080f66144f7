/** The `recruitments` file: one row per position being recruited for. */
import type { ColumnSpec, TableRecord } from '../../imports/table.ts';
import type { RowContext } from '../../imports/table-importer.ts';
import { dateField, optionalDateField, requiredText } from '../fields.ts';
import type { Recruitment, RecruitmentStatus } from './hiring.ts';

export const RECRUITMENT_COLUMNS: ColumnSpec[] = [
  { name: 'position' },
  { name: 'unit' },
  { name: 'role' },
  { name: 'started' },
  { name: 'status' },
  { name: 'filled_on', required: false },
];

/** Accepted spellings of each status (English ids and Norwegian words). */
const STATUS_WORDS: Record<string, RecruitmentStatus> = {
  open: 'open',
  åpen: 'open',
  pågår: 'open',
  filled: 'filled',
  besatt: 'filled',
  cancelled: 'cancelled',
  avbrutt: 'cancelled',
};

export const STATUS_LABELS: Record<RecruitmentStatus, string> = { open: 'Pågår', filled: 'Besatt', cancelled: 'Avbrutt' };

export function parseRecruitmentStatus(value: string | undefined, ctx: Pick<RowContext, 'problem'>): RecruitmentStatus | undefined {
  const v = (value ?? '').trim().toLowerCase();
  const status = STATUS_WORDS[v];
  if (!status) {
    ctx.problem('status', `ugyldig status «${value ?? ''}», forventet åpen, besatt eller avbrutt`, `invalid status "${value ?? ''}"`);
  }
  return status;
}

/** Checks that only need the row itself: filled_on iff filled, and not before started. */
export function checkRecruitment(r: Recruitment, ctx: Pick<RowContext, 'problem'>): boolean {
  if (r.status === 'filled' && r.filledOn === null) {
    ctx.problem('filled_on', 'status besatt krever dato i «filled_on»', 'status filled needs filled_on');
    return false;
  }
  if (r.status !== 'filled' && r.filledOn !== null) {
    ctx.problem('filled_on', '«filled_on» kan bare fylles ut når status er besatt', 'filled_on only with status filled');
    return false;
  }
  if (r.filledOn !== null && r.filledOn < r.started) {
    ctx.problem(
      'filled_on',
      `filled_on ${r.filledOn} er før started ${r.started}`,
      `filled_on ${r.filledOn} is before started ${r.started}`,
    );
    return false;
  }
  return true;
}

export function parseRecruitmentRow(record: TableRecord, ctx: RowContext): Recruitment | undefined {
  const v = record.values;
  const position = requiredText(v.position, 'position', ctx);
  const unit = requiredText(v.unit, 'unit', ctx);
  const role = requiredText(v.role, 'role', ctx);
  const started = dateField(v.started, 'started', ctx);
  const status = parseRecruitmentStatus(v.status, ctx);
  const filledOn = optionalDateField(v.filled_on, 'filled_on', ctx);
  if (
    position === undefined ||
    unit === undefined ||
    role === undefined ||
    started === undefined ||
    status === undefined ||
    filledOn === undefined
  ) {
    return undefined;
  }
  const r: Recruitment = { position, unit, role, started, status, filledOn };
  return checkRecruitment(r, ctx) ? r : undefined;
}
