import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, type Problem } from '../shared/errors.ts';
import { formatNumber } from '../shared/format.ts';
import type { Db } from '../storage/db.ts';
import { busyError, isBusyError } from '../storage/db-errors.ts';
import { problem } from './decode.ts';
import { acquireImportLock } from './import-lock.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.ts';
import { runOwner } from './recovery.ts';
import type { RequestedEncoding } from './text-stream.ts';

/** A file to import. Always a path: large files (SAF-T) are streamed, never held in memory. */
export interface ImportSource {
  /** The name users know the file by (used in problems and provenance). */
  fileName: string;
  path: string;
}

export function sourceFromPath(path: string): ImportSource {
  return { fileName: basename(path), path };
}

export interface ImportContext {
  /** The transaction every row is written through: all rows or none. */
  trx: Db;
  source: ImportSource;
  runId: number;
  importedBy: string;
  /** The import's clock (ISO instant): default for `registered_at` and similar. */
  now: string;
  /** Records a problem; any problem of severity 'error' fails the whole run. */
  report(p: Problem): void;
  /** Progress of long work, in bytes (or rows) done of total. */
  progress(done: number, total: number): void;
  /** The importer's declared options as given (`--project medielogg` → `{ project: 'medielogg' }`). */
  params: Readonly<Record<string, string>>;
  /** The caps every reader obeys (config.importLimits). */
  limits: ImportLimits;
  /** The text encoding asked for (`--encoding`); a CSV reader uses it unless a BOM says otherwise. */
  encoding: RequestedEncoding | undefined;
  /** A reader of text says which encoding it read; kept in the import history. */
  usedEncoding(encoding: string): void;
  /**
   * For an importer with `hashesSource`: every byte of the source, in order, as the importer reads
   * it (the SHA-256 for duplicate detection is computed in that pass instead of a read before it).
   */
  hash(bytes: Uint8Array): void;
  /**
   * For an importer with `hashesSource` that hashed the source elsewhere (a worker thread reading
   * it): the SHA-256 (hex) of its first `bytes` bytes, instead of the bytes through `hash`.
   */
  sourceHash(sha256: string, bytes: number): void;
}

/** An option an importer takes besides the file (`styrerom import jira <file> --project <id>`). */
export interface ImportOptionSpec {
  /** Long option name without dashes: `project`. */
  name: string;
  /** One line for `--help` (Norwegian). */
  description: string;
  required?: boolean;
}

export interface Importer {
  /** The `<kind>` of `styrerom import <kind> <file>`: `employees`, `saf-t`, … */
  kind: string;
  /** Norwegian label for the web app. */
  label: string;
  /** One line for `--help` and docs (English). */
  description: string;
  /** Options besides the file, passed on as ImportContext.params. */
  options?: ImportOptionSpec[];
  /** For a CSV/XLSX table: the header columns it reads (shown by `import --help`). */
  columns?: readonly { name: string; required?: boolean }[];
  /** Parses the source and writes rows through ctx.trx; returns the number of rows written. */
  run(ctx: ImportContext): Promise<number>;
  /**
   * The importer passes every byte it reads to ctx.hash, so runImport does not read the file
   * once more before it: a duplicate is then found after reading and rolled back.
   */
  hashesSource?: boolean;
}

export interface ImportResult {
  runId: number;
  kind: string;
  fileName: string;
  sha256: string;
  status: 'succeeded' | 'failed' | 'duplicate';
  rowCount: number;
  problems: Problem[];
  /** The text encoding the file was read as (CSV); null for XLSX/XML or a duplicate. */
  encoding?: string | null;
}

export interface RunImportOptions {
  importedBy?: string;
  /** ISO instant; defaults to the wall clock (injected for tests and the demo). */
  now?: string;
  onProgress?: (done: number, total: number) => void;
  /** Values of the importer's declared options. */
  params?: Readonly<Record<string, string>>;
  /** The caps (config.importLimits); defaults to the built-in defaults. */
  limits?: ImportLimits;
  /** The text encoding of a CSV, when not UTF-8 (`--encoding windows-1252`). */
  encoding?: RequestedEncoding | undefined;
}

/** At most this many problems are kept per run; the rest are counted in one "… og N til". */
export const MAX_PROBLEMS = 100;

/** Keeps the first MAX_PROBLEMS problems and counts the rest in a last one: "… og 1 234 til". */
export class ProblemList {
  readonly kept: Problem[] = [];
  private dropped = 0;
  private droppedErrors = 0;
  constructor(private readonly file: string) {}
  add(p: Problem): void {
    if (this.kept.length < MAX_PROBLEMS) this.kept.push(p);
    else {
      this.dropped++;
      if (p.severity === 'error') this.droppedErrors++;
    }
  }
  get hasError(): boolean {
    return this.droppedErrors > 0 || this.kept.some((p) => p.severity === 'error');
  }
  all(): Problem[] {
    if (this.dropped === 0) return [...this.kept];
    const more = problem(this.file, `… og ${formatNumber(this.dropped)} til`, `… and ${this.dropped} more`, {
      severity: this.droppedErrors > 0 ? 'error' : 'warning',
    });
    return [...this.kept, more];
  }
}

/** Checks params against the importer's declared options: unknown or missing ones are a usage error. */
export function checkImportParams(importer: Importer, params: Readonly<Record<string, string>>): void {
  const declared = importer.options ?? [];
  for (const name of Object.keys(params)) {
    if (!declared.some((o) => o.name === name)) {
      throw new AppError('VALIDATION', `Importtypen «${importer.kind}» har ikke valget «--${name}»`);
    }
  }
  for (const o of declared) {
    if (o.required && !params[o.name]?.trim()) {
      throw new AppError('VALIDATION', `Importtypen «${importer.kind}» krever «--${o.name}»: ${o.description}`);
    }
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

class ImportAborted extends Error {}

/** The content was imported before (found after reading, for an importer with `hashesSource`). */
class DuplicateFound extends Error {
  constructor(readonly problem: Problem) {
    super(problem.messageEn);
  }
}

async function previousImport(db: Db, kind: string, sha256: string) {
  return db
    .selectFrom('import_runs')
    .select(['id', 'started_at'])
    .where('kind', '=', kind)
    .where('sha256', '=', sha256)
    .where('status', '=', 'succeeded')
    .executeTakeFirst();
}

function duplicateProblem(file: string, previous: { id: number; started_at: string }): Problem {
  return problem(
    file,
    `samme innhold ble importert ${previous.started_at} (kjøring ${previous.id}); ingenting ble importert på nytt`,
    `the same content was imported at ${previous.started_at} (run ${previous.id}); nothing was imported again`,
    { severity: 'warning' },
  );
}

/**
 * Runs one import: records the run, rejects content already imported for this kind, and writes
 * every row in ONE transaction, rolled back if any error-severity problem was reported.
 */
export async function runImport(db: Db, importer: Importer, source: ImportSource, options: RunImportOptions = {}): Promise<ImportResult> {
  try {
    await stat(source.path);
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `${source.fileName}: fila finnes ikke eller kan ikke leses (file not found or unreadable)`, {
      cause: err,
      problems: [problem(source.fileName, 'fila finnes ikke eller kan ikke leses', 'file not found or unreadable')],
    });
  }
  const params = options.params ?? {};
  checkImportParams(importer, params);
  const now = options.now ?? new Date().toISOString();
  const release = await acquireImportLock(db, { kind: importer.kind, fileName: source.fileName, now });
  try {
    return await runLocked(db, importer, source, options, params, now);
  } finally {
    await release();
  }
}

async function runLocked(
  db: Db,
  importer: Importer,
  source: ImportSource,
  options: RunImportOptions,
  params: Readonly<Record<string, string>>,
  now: string,
): Promise<ImportResult> {
  // An importer that hashes while it reads gets its duplicate check after reading (one pass over the file).
  const hasher = importer.hashesSource ? createHash('sha256') : null;
  let hashed = 0;
  let given: { sha256: string; bytes: number } | undefined;
  let sha256 = hasher ? '' : await sha256OfFile(source.path);
  const importedBy = options.importedBy ?? 'cli';
  const previous = hasher ? undefined : await previousImport(db, importer.kind, sha256);
  const base = { kind: importer.kind, file_name: source.fileName, sha256, started_at: now, imported_by: importedBy };
  if (previous) {
    const dup = duplicateProblem(source.fileName, previous);
    const run = await db
      .insertInto('import_runs')
      .values({ ...base, finished_at: now, status: 'duplicate', problems: JSON.stringify([dup]) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { runId: run.id, kind: importer.kind, fileName: source.fileName, sha256, status: 'duplicate', rowCount: 0, problems: [dup] };
  }
  const run = await db
    .insertInto('import_runs')
    .values({ ...base, status: 'running', owner: runOwner() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const list = new ProblemList(source.fileName);
  let encoding: string | null = null;
  let rowCount = 0;
  try {
    await db.transaction().execute(async (trx) => {
      rowCount = await importer.run({
        trx,
        source,
        runId: run.id,
        importedBy,
        now,
        report: (p) => list.add(p),
        progress: (done, total) => options.onProgress?.(done, total),
        params,
        limits: options.limits ?? DEFAULT_IMPORT_LIMITS,
        encoding: options.encoding,
        usedEncoding: (e) => {
          encoding = e;
        },
        hash: (bytes) => {
          hasher?.update(bytes);
          hashed += bytes.length;
        },
        sourceHash: (hex, bytes) => {
          given = { sha256: hex, bytes };
        },
      });
      if (list.hasError) throw new ImportAborted();
      if (hasher) {
        // A reader that stopped early has not hashed every byte: hash the file apart then.
        const size = (await stat(source.path)).size;
        sha256 = given?.bytes === size ? given.sha256 : hashed === size ? hasher.digest('hex') : await sha256OfFile(source.path);
        const earlier = await previousImport(trx, importer.kind, sha256);
        if (earlier) throw new DuplicateFound(duplicateProblem(source.fileName, earlier));
      }
      await trx
        .updateTable('import_runs')
        .set({
          status: 'succeeded',
          row_count: rowCount,
          finished_at: new Date().toISOString(),
          problems: JSON.stringify(list.all()),
          encoding,
          sha256,
        })
        .where('id', '=', run.id)
        .execute();
    });
  } catch (err) {
    if (isBusyError(err)) {
      // Another writer holds the lock: nothing was written; record the run as failed if we can.
      const busy = busyError(err);
      await db
        .updateTable('import_runs')
        .set({
          status: 'failed',
          finished_at: new Date().toISOString(),
          problems: JSON.stringify([problem(source.fileName, busy.message, 'database busy')]),
        })
        .where('id', '=', run.id)
        .execute()
        .catch(() => undefined);
      throw busy;
    }
    if (err instanceof DuplicateFound) {
      await db
        .updateTable('import_runs')
        .set({ status: 'duplicate', sha256, finished_at: now, problems: JSON.stringify([err.problem]) })
        .where('id', '=', run.id)
        .execute();
      return {
        runId: run.id,
        kind: importer.kind,
        fileName: source.fileName,
        sha256,
        status: 'duplicate',
        rowCount: 0,
        problems: [err.problem],
      };
    }
    // A failed run of an importer that hashes while reading keeps the hash of the whole file only if it read it all.
    if (hasher && sha256 === '' && hashed === (await stat(source.path)).size) sha256 = hasher.digest('hex');
    if (!(err instanceof ImportAborted)) {
      if (err instanceof AppError && err.problems.length > 0) for (const p of err.problems) list.add(p);
      else list.add(problem(source.fileName, `importen feilet: ${String((err as Error).message ?? err)}`, `import failed: ${String(err)}`));
    }
    const problems = list.all();
    await db
      .updateTable('import_runs')
      .set({ status: 'failed', row_count: 0, finished_at: new Date().toISOString(), problems: JSON.stringify(problems), encoding, sha256 })
      .where('id', '=', run.id)
      .execute();
    return { runId: run.id, kind: importer.kind, fileName: source.fileName, sha256, status: 'failed', rowCount: 0, problems, encoding };
  }
  return {
    runId: run.id,
    kind: importer.kind,
    fileName: source.fileName,
    sha256,
    status: 'succeeded',
    rowCount,
    problems: list.all(),
    encoding,
  };
}

/** runImport, then an AppError('IMPORT_FAILED') carrying the problems if the run failed. */
export async function importOrThrow(
  db: Db,
  importer: Importer,
  source: ImportSource,
  options: RunImportOptions = {},
): Promise<ImportResult> {
  const result = await runImport(db, importer, source, options);
  if (result.status === 'failed') {
    const first = result.problems.find((p) => p.severity === 'error');
    throw new AppError(
      'IMPORT_FAILED',
      `Import av ${source.fileName} feilet; ingenting ble importert (Import failed, nothing imported)${first ? `: ${first.message}` : ''}`,
      {
        problems: result.problems,
      },
    );
  }
  return result;
}
