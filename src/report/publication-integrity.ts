/**
 * Tamper evidence for publications. Every stored file is checked against its SHA-256 whenever it is
 * read; every publication record carries the hash of its own content and of the record before it
 * (in publication order, across periods), so a file changed in the database, a record rewritten or
 * a version deleted is found by `verifyPublications` (`styrerom report verify`). The last record's
 * hash has nothing after it to vouch for it: note it down outside the database (verify prints it).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../shared/errors.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';

export interface ChainedRecord {
  period: string;
  version: number;
  published_at: string;
  published_by: string;
  compiled_at: string;
  html_sha256: string;
  pdf_sha256: string;
  values_sha256: string;
  previous_sha256: string | null;
}

export interface FileHash {
  name: string;
  sha256: string;
  size: number;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The hash of a record: never change the canonical form, stored chains depend on it. */
export function recordSha256(r: ChainedRecord, files: readonly FileHash[]): string {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sha256(
    JSON.stringify([
      r.period,
      Number(r.version),
      r.published_at,
      r.published_by,
      r.compiled_at,
      r.html_sha256,
      r.pdf_sha256,
      r.values_sha256,
      r.previous_sha256,
      sorted.map((f) => [f.name, f.sha256, Number(f.size)]),
    ]),
  );
}

/** The publication's own hash for the files it names in its record. */
function recordedHash(r: ChainedRecord, name: string): string | undefined {
  if (name === 'report.html') return r.html_sha256;
  if (name === 'report.pdf') return r.pdf_sha256;
  if (name === 'values.json') return r.values_sha256;
  return undefined;
}

/** Why a stored file no longer matches what was published, or null when it does. */
export function fileMismatch(r: ChainedRecord, file: FileHash & { content: Uint8Array }): string | null {
  const actual = sha256(file.content);
  const where = `${file.name} i publisert versjon ${r.version} for ${r.period}`;
  if (actual !== file.sha256 || file.content.length !== Number(file.size))
    return `${where} er endret etter publisering: SHA-256 er ${actual}, lagret ${file.sha256}`;
  const recorded = recordedHash(r, file.name);
  if (recorded !== undefined && recorded !== actual)
    return `${where} stemmer ikke med publiseringen: SHA-256 er ${actual}, publisert ${recorded}`;
  return null;
}

export function integrityError(message: string): AppError {
  return new AppError('INTEGRITY', `Integritetsfeil: ${message}. Filen vises ikke; kontroller med «styrerom report verify --all».`);
}

export interface VerifyResult {
  publications: number;
  files: number;
  problems: string[];
  /** record_sha256 of the newest publication: note it down to vouch for the end of the chain. */
  head: string | null;
}

type Row = ChainedRecord & { id: number; record_sha256: string | null };

async function recordProblems(db: Db, rows: readonly Row[], period: YearMonth | undefined, out: VerifyResult): Promise<void> {
  let previous: string | null = null;
  for (const r of rows) {
    const name = `publisert versjon ${r.version} for ${r.period}`;
    if ((r.previous_sha256 ?? null) !== previous)
      out.problems.push(`Kjeden er brutt før ${name}: forrige publisering mangler eller er endret`);
    const files = await db
      .selectFrom('report_publication_files')
      .select(['name', 'sha256', 'size'])
      .where('publication_id', '=', r.id)
      .execute();
    if (r.record_sha256 !== recordSha256(r, files)) out.problems.push(`Posten for ${name} er endret etter publisering`);
    previous = r.record_sha256;
    if (period === undefined || r.period === period) await fileProblems(db, r, out);
  }
  out.head = previous;
}

async function fileProblems(db: Db, r: Row, out: VerifyResult): Promise<void> {
  out.publications++;
  const names = await db.selectFrom('report_publication_files').select('name').where('publication_id', '=', r.id).orderBy('id').execute();
  for (const { name } of names) {
    // One file at a time: a publication's PDF and data files need not all sit in memory at once.
    const f = await db
      .selectFrom('report_publication_files')
      .select(['name', 'sha256', 'size', 'content'])
      .where('publication_id', '=', r.id)
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    out.files++;
    const problem = fileMismatch(r, f);
    if (problem) out.problems.push(problem);
  }
}

/** Checks the whole chain, and the stored files of one period (all when omitted). */
export async function verifyPublications(db: Db, { period }: { period?: YearMonth } = {}): Promise<VerifyResult> {
  const rows = (await db.selectFrom('report_publications').selectAll().orderBy('id').execute()) as Row[];
  const out: VerifyResult = { publications: 0, files: 0, problems: [], head: null };
  await recordProblems(db, rows, period, out);
  const published = await db.selectFrom('report_workflow').select(['period', 'version']).where('status', '=', 'published').execute();
  for (const w of published) {
    if (period !== undefined && w.period !== period) continue;
    if (!rows.some((r) => r.period === w.period && Number(r.version) === Number(w.version)))
      out.problems.push(`Rapporten for ${w.period} står som publisert i versjon ${w.version}, men publiseringen mangler`);
  }
  return out;
}
