/** Stored publications: the frozen files of each published version, byte for byte. */
import { AppError } from '../shared/errors.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { fileMismatch, integrityError, recordSha256 } from './publication-integrity.ts';

export interface Publication {
  period: YearMonth;
  version: number;
  publishedAt: string;
  publishedBy: string;
  compiledAt: string;
  htmlSha256: string;
  pdfSha256: string;
  valuesSha256: string;
  supersededAt: string | null;
}

export interface StoredFile {
  name: string;
  mediaType: string;
  sha256: string;
  size: number;
}

type PublicationRow = {
  period: string;
  version: number;
  published_at: string;
  published_by: string;
  compiled_at: string;
  html_sha256: string;
  pdf_sha256: string;
  values_sha256: string;
  superseded_at: string | null;
};

function toPublication(r: PublicationRow): Publication {
  return {
    period: r.period,
    version: r.version,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    compiledAt: r.compiled_at,
    htmlSha256: r.html_sha256,
    pdfSha256: r.pdf_sha256,
    valuesSha256: r.values_sha256,
    supersededAt: r.superseded_at,
  };
}

/** Publications of a period (every period when omitted), newest version first. */
export async function listPublications(db: Db, period?: YearMonth): Promise<Publication[]> {
  let q = db.selectFrom('report_publications').selectAll();
  if (period) q = q.where('period', '=', period);
  const rows = await q.orderBy('period', 'desc').orderBy('version', 'desc').execute();
  return rows.map(toPublication);
}

async function publicationRow(db: Db, period: YearMonth, version: number) {
  const row = await db
    .selectFrom('report_publications')
    .selectAll()
    .where('period', '=', period)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Rapporten for ${period} har ingen publisert versjon ${version}`);
  return row;
}

async function publicationId(db: Db, period: YearMonth, version: number): Promise<number> {
  return (await publicationRow(db, period, version)).id;
}

export async function publicationFiles(db: Db, period: YearMonth, version: number): Promise<StoredFile[]> {
  const id = await publicationId(db, period, version);
  const rows = await db
    .selectFrom('report_publication_files')
    .select(['name', 'media_type', 'sha256', 'size'])
    .where('publication_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ name: r.name, mediaType: r.media_type, sha256: r.sha256, size: r.size }));
}

/**
 * One stored file, exactly the bytes that were published. The bytes are checked against the file's
 * SHA-256 and the publication record's hash on every read; a mismatch is an INTEGRITY error.
 */
export async function publicationFile(db: Db, period: YearMonth, version: number, name: string): Promise<StoredFile & { bytes: Buffer }> {
  const pub = await publicationRow(db, period, version);
  const hashes = await db
    .selectFrom('report_publication_files')
    .select(['name', 'sha256', 'size'])
    .where('publication_id', '=', pub.id)
    .execute();
  if (pub.record_sha256 !== recordSha256(pub, hashes))
    throw integrityError(`posten for publisert versjon ${version} for ${period} er endret etter publisering`);
  const row = await db
    .selectFrom('report_publication_files')
    .select(['name', 'media_type', 'sha256', 'size', 'content'])
    .where('publication_id', '=', pub.id)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Publisert versjon ${version} for ${period} har ingen fil «${name}»`);
  // better-sqlite3 and pg both hand back a Buffer: no copy of a file that may be megabytes.
  const bytes = Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content);
  const mismatch = fileMismatch(pub, { ...row, content: bytes });
  if (mismatch) throw integrityError(mismatch);
  return { name: row.name, mediaType: row.media_type, sha256: row.sha256, size: row.size, bytes };
}
