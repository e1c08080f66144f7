/**
 * A month's result must never be counted twice: a trial balance names no company, so its lines and a
 * SAF-T file's postings for the same month would add up. Whichever comes second is refused (an error
 * problem naming the months and the file already imported); to switch a month from one source to
 * the other, import a corrected file of the same source that no longer covers it.
 */
import type { Problem } from '../../shared/errors.ts';
import { yearMonth } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';

type Source = 'saf-t' | 'trial-balance';

const LABEL: Record<Source, string> = { 'saf-t': 'SAF-T-fila', 'trial-balance': 'saldobalansen' };

/** year*100 + period (0..13) → year*100 + month: the opening period 0 is January, 13 is December. */
export function monthOfPeriod(period: number): number {
  const p = period % 100;
  return period - p + Math.min(12, Math.max(1, p));
}

/** Every month key (year*100 + month) from first to last period, inclusive. */
export function monthsOfRange(firstPeriod: number, lastPeriod: number): number[] {
  const out: number[] = [];
  for (let m = monthOfPeriod(firstPeriod); m <= monthOfPeriod(lastPeriod); m = m % 100 === 12 ? m + 89 : m + 1) out.push(m);
  return out;
}

/**
 * Problems (errors) for the months of `months` that already hold postings from the other source,
 * one per file found there.
 */
export async function doubleCountProblems(
  trx: Db,
  options: { importing: Source; months: Iterable<number>; file: string },
): Promise<Problem[]> {
  const months = new Set(options.months);
  if (months.size === 0) return [];
  const other: Source = options.importing === 'saf-t' ? 'trial-balance' : 'saf-t';
  const keys = [...months];
  const from = Math.floor(Math.min(...keys) / 100) * 100;
  const to = Math.floor(Math.max(...keys) / 100) * 100 + 13;
  const rows = await trx
    .selectFrom('ledger_postings')
    .innerJoin('ledger_files', 'ledger_files.id', 'ledger_postings.ledger_file_id')
    .select(['ledger_files.id as fileId', 'ledger_files.file_name as fileName', 'ledger_postings.period as period'])
    .distinct()
    .where('ledger_files.source', '=', other)
    .where('ledger_files.replaced_by_id', 'is', null)
    .where('ledger_postings.period', '>=', from)
    .where('ledger_postings.period', '<=', to)
    .execute();
  const byFile = new Map<number, { fileName: string; months: Set<number> }>();
  for (const r of rows) {
    const month = monthOfPeriod(r.period);
    if (!months.has(month)) continue;
    const entry = byFile.get(r.fileId) ?? { fileName: r.fileName, months: new Set<number>() };
    entry.months.add(month);
    byFile.set(r.fileId, entry);
  }
  return [...byFile.values()].map(({ fileName, months: clash }) => {
    const list = [...clash].sort((a, b) => a - b).map((m) => yearMonth(Math.floor(m / 100), m % 100));
    const what = list.length === 1 ? `måneden ${list[0]}` : `månedene ${list.join(', ')}`;
    return {
      file: options.file,
      message: `${what} har allerede tall fra ${LABEL[other]} «${fileName}»; ${LABEL[options.importing]} ville telt ${list.length === 1 ? 'den' : 'dem'} to ganger, så ingenting ble importert. Bruk enten SAF-T eller saldobalanse for en måned`,
      messageEn: `${list.join(', ')} already hold ${other} figures from "${fileName}"; importing this ${options.importing} would count them twice`,
      severity: 'error' as const,
    };
  });
}
