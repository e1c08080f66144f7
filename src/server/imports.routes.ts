/**
 * The generic import endpoint: the raw file is the request body (no multipart), streamed to a
 * temporary file and run through the same importer the CLI uses.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { listImportRuns } from '../imports/import-runs.ts';
import { type ImportResult, runImport } from '../imports/imports.ts';
import { formatMb } from '../imports/limits.ts';
import { uploadDir } from '../imports/recovery.ts';
import { findImporter } from '../imports/registry.ts';
import { parseEncoding, TEXT_ENCODINGS } from '../imports/text-stream.ts';
import type { AppDeps } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { errorBodySchema } from './http-errors.ts';
import { importResultSchema, importRunsSchema } from './imports.schemas.ts';

/** Body types accepted as a raw file. The stream is handed to the route untouched. */
const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/xml',
  'text/xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** 413 with the error body: the upload is larger than STYREROM_IMPORT_MAX_UPLOAD_MB. */
export function uploadTooLarge(maxBytes: number): AppError {
  return new AppError(
    'VALIDATION',
    `Fila er for stor: en opplasting kan være høyst ${formatMb(maxBytes)} MB (STYREROM_IMPORT_MAX_UPLOAD_MB)`,
    { details: { httpStatus: 413, maxUploadBytes: maxBytes } },
  );
}

/**
 * Passes at most maxBytes on; past that it drops the rest (read, so the client gets its 413 instead of
 * a reset connection) and `exceeded` turns true.
 */
function byteCap(maxBytes: number): Transform & { exceeded: boolean } {
  let seen = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes) {
        cap.exceeded = true;
        done();
      } else done(null, chunk);
    },
  }) as Transform & { exceeded: boolean };
  cap.exceeded = false;
  return cap;
}

/** Uploads go to `<dataDir>/uploads/import-*` (emptied at start) and are removed after the import. */
export async function saveBody(
  dataDir: string,
  body: Readable,
  fileName: string,
  maxBytes: number,
): Promise<{ path: string; cleanup: () => Promise<void> }> {
  await mkdir(uploadDir(dataDir), { recursive: true });
  const dir = await mkdtemp(join(uploadDir(dataDir), 'import-'));
  const path = join(dir, basename(fileName));
  const cap = byteCap(maxBytes);
  try {
    await pipeline(body, cap, createWriteStream(path));
    if (cap.exceeded) throw uploadTooLarge(maxBytes);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

function failure(result: ImportResult): AppError {
  const details = { runId: result.runId, sha256: result.sha256 };
  if (result.status === 'duplicate') {
    return new AppError('DUPLICATE_IMPORT', `${result.fileName}: samme innhold er importert før; ingenting ble importert`, {
      problems: result.problems,
      details,
    });
  }
  return new AppError('IMPORT_FAILED', `Import av ${result.fileName} feilet; ingenting ble importert`, {
    problems: result.problems,
    details,
  });
}

const postSchema = {
  operationId: 'importFile',
  summary: 'Import one file (raw request body) through the importer of :kind',
  description: `Send the file itself as the body with Content-Type one of: ${FILE_TYPES.join(', ')}. All rows or none are imported.`,
  tags: ['imports'],
  consumes: FILE_TYPES,
  params: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
  querystring: {
    type: 'object',
    required: ['fileName'],
    properties: {
      fileName: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' },
      encoding: {
        type: 'string',
        description: `Text encoding of a CSV when it has no BOM: ${TEXT_ENCODINGS.join(', ')} (default utf-8)`,
      },
    },
  },
  response: {
    200: importResultSchema,
    400: errorBodySchema,
    404: errorBodySchema,
    409: errorBodySchema,
    413: errorBodySchema,
    422: errorBodySchema,
    503: errorBodySchema,
  },
} as const;

const listSchema = {
  operationId: 'listImportRuns',
  summary: 'Recent import runs, newest first',
  tags: ['imports'],
  querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } } },
  response: { 200: importRunsSchema },
} as const;

export async function importRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.addContentTypeParser(FILE_TYPES, (_req, payload, done) => done(null, payload));

  const maxBytes = deps.config.importLimits.maxUploadBytes;
  app.post<{ Params: { kind: string }; Querystring: { fileName: string; encoding?: string } }>(
    '/imports/:kind',
    { config: { permission: 'edit' }, schema: postSchema, bodyLimit: maxBytes },
    async (req) => {
      // Refused before a byte is stored when the client says how large it is; counted otherwise.
      if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
        (req.body as Readable | undefined)?.resume?.();
        throw uploadTooLarge(maxBytes);
      }
      const importer = findImporter(deps.domains, req.params.kind);
      const encoding = req.query.encoding === undefined ? undefined : parseEncoding(req.query.encoding);
      if (!req.body || typeof (req.body as Readable).pipe !== 'function') {
        throw new AppError('VALIDATION', `Send fila som rå forespørselskropp med Content-Type ${FILE_TYPES.join(' eller ')}`);
      }
      const saved = await saveBody(deps.config.dataDir, req.body as Readable, req.query.fileName, maxBytes);
      try {
        const query = req.query as Record<string, unknown>;
        // The importer's declared options come as query parameters (`?fileName=…&project=medielogg`).
        const params = Object.fromEntries(
          (importer.options ?? []).flatMap((o) => (typeof query[o.name] === 'string' ? [[o.name, query[o.name] as string]] : [])),
        );
        const result = await runImport(
          deps.db,
          importer,
          { fileName: req.query.fileName, path: saved.path },
          { importedBy: 'api', params, limits: deps.config.importLimits, encoding },
        );
        if (result.status !== 'succeeded') throw failure(result);
        return result;
      } finally {
        await saved.cleanup();
      }
    },
  );

  app.get<{ Querystring: { limit: number } }>('/imports', { config: { permission: 'read' }, schema: listSchema }, async (req) => ({
    runs: await listImportRuns(deps.db, { limit: req.query.limit }),
  }));
}
