/**
 * The web app's upload: `POST /import/:kind` takes a multipart form (the import page's form per
 * import kind, sent as is without JavaScript or through XHR with progress), streams the one file to
 * disk within `importLimits.maxUploadBytes` and runs it through the same importer the CLI and
 * `POST /api/imports/:kind` use (runImport: one transaction, all rows or none). The answer is a
 * redirect to the import page showing the run (post/redirect/get); a refusal before the importer ran
 * (file too large, no file, unknown option, busy) is the import page with the reason.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listImportRuns } from '../imports/import-runs.ts';
import { runImport } from '../imports/imports.ts';
import { allImporters, findImporter } from '../imports/registry.ts';
import { parseEncoding } from '../imports/text-stream.ts';
import type { AppDeps } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import type { YearMonth } from '../shared/period.ts';
import { formatBytes } from '../web/import-forms.ts';
import { importPageBody } from '../web/import-page.ts';
import { page } from '../web/layout.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { httpStatusOf, toAppError } from './http-errors.ts';
import { saveBody } from './imports.routes.ts';

/** The form's file field; every other field is one of the importer's declared options. */
export const FILE_FIELD = 'fil';

const uploadSchema = {
  params: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', maxLength: 100 } } },
} as const;

function tooLarge(fileName: string, maxBytes: number): AppError {
  return new AppError('VALIDATION', `${fileName}: fila er større enn grensen på ${formatBytes(maxBytes)}; ingenting ble importert`);
}

function isTooLarge(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}

/** The importer's declared options from the form fields sent before the file; empty ones left out. */
function optionValues(fields: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const field = fields[name] as { value?: unknown } | undefined;
    const value = typeof field?.value === 'string' ? field.value.trim() : '';
    if (value) out[name] = value;
  }
  return out;
}

async function importUpload(deps: AppDeps, req: FastifyRequest<{ Params: { kind: string } }>): Promise<number> {
  const importer = findImporter(deps.domains, req.params.kind);
  const maxBytes = deps.config.importLimits.maxUploadBytes;
  const data = await req.file({ limits: { fileSize: maxBytes } });
  if (!data?.filename) {
    data?.file.resume();
    throw new AppError('VALIDATION', 'Velg en fil å importere');
  }
  const fileName = data.filename.split(/[\\/]/).pop() || 'fil';
  let saved: Awaited<ReturnType<typeof saveBody>>;
  try {
    saved = await saveBody(deps.config.dataDir, data.file, fileName, maxBytes);
  } catch (err) {
    throw isTooLarge(err) ? tooLarge(fileName, maxBytes) : err;
  }
  if (data.file.truncated) {
    await saved.cleanup();
    throw tooLarge(fileName, maxBytes);
  }
  try {
    const params = optionValues(
      data.fields,
      (importer.options ?? []).map((o) => o.name),
    );
    const asked = optionValues(data.fields, ['encoding']).encoding;
    const result = await runImport(
      deps.db,
      importer,
      { fileName, path: saved.path },
      {
        importedBy: req.user?.email ?? 'nettleser',
        params,
        limits: deps.config.importLimits,
        encoding: asked === undefined ? undefined : parseEncoding(asked),
      },
    );
    return result.runId;
  } finally {
    await saved.cleanup();
  }
}

async function importPage(deps: AppDeps, period: YearMonth, error: AppError, kind: string): Promise<string> {
  const runs = await listImportRuns(deps.db, { limit: 50 });
  const body = importPageBody({
    importers: allImporters(deps.domains),
    runs,
    period,
    maxUploadBytes: deps.config.importLimits.maxUploadBytes,
    error,
    kind,
  });
  return page(deps, { title: 'Importer', period, activePath: '/import', body });
}

export async function importUploadRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // Only the file and a few short option fields; the file itself is streamed, never buffered.
  await app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 1000, parts: 12 } });

  app.post<{ Params: { kind: string } }>(
    '/import/:kind',
    { config: { permission: 'edit' }, schema: uploadSchema },
    async (req, reply: FastifyReply) => {
      const period = resolvePeriod(req.query, deps.config);
      try {
        const runId = await importUpload(deps, req);
        return reply.redirect(`/import?period=${period}&kjoring=${runId}#resultat`, 303);
      } catch (err) {
        const error = toAppError(err);
        if (httpStatusOf(error) >= 500 && error.code !== 'BUSY') throw err;
        return reply
          .status(httpStatusOf(error))
          .type('text/html; charset=utf-8')
          .send(await importPage(deps, period, error, req.params.kind));
      }
    },
  );
}
