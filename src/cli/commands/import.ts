import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { checkImportParams, type ImportResult, runImport, sourceFromPath } from '../../imports/imports.ts';
import { recoverInterruptedRuns } from '../../imports/recovery.ts';
import { allImporters, findImporter } from '../../imports/registry.ts';
import { parseEncoding, type RequestedEncoding, TEXT_ENCODINGS } from '../../imports/text-stream.ts';
import type { DomainModule } from '../../module.ts';
import { AppError, formatProblem, isAppError } from '../../shared/errors.ts';
import { formatNumber, formatQuantity } from '../../shared/format.ts';
import type { Db } from '../../storage/db.ts';
import { parseCommandArgs, usageError } from '../args.ts';
import type { BuiltinCommand, BuiltinContext } from '../context.ts';
import { progressBar } from '../progress.ts';

const INDENT = `  ${''.padEnd(22)}   `;

/** `category;from;[to]`: the header a table importer reads, optional columns in brackets. */
function columnsLine(columns: readonly { name: string; required?: boolean }[]): string {
  return columns.map((c) => (c.required === false ? `[${c.name}]` : c.name)).join(';');
}

function usage(domains: readonly DomainModule[]): string {
  const kinds = allImporters(domains).map((i) => {
    const columns = i.columns ? `${INDENT}kolonner: ${columnsLine(i.columns)}\n` : '';
    const options = (i.options ?? [])
      .map((o) => `${INDENT}--${o.name} <verdi>  ${o.description}${o.required ? ' (påkrevd)' : ''}\n`)
      .join('');
    return `  ${i.kind.padEnd(22)} ${i.description}\n${columns}${options}`;
  });
  return `Bruk: styrerom import <type> <fil …> [--<valg> <verdi> …] [--encoding <koding>] [--database <url>]

Importerer filer gjennom importøren for <type>. Hver fil importeres helt eller ikke i det hele tatt;
samme innhold importeres aldri to ganger. Problemer vises med fil, linje og kolonne. Bare én import
kjører om gangen per database; en import til mens en pågår avvises («Import pågår», kode 12).

CSV-filer leses som UTF-8 med mindre fila har BOM eller --encoding sier noe annet
(${TEXT_ENCODINGS.join(', ')}); ugyldige tegn er en feil med linjenummer. Kolonnene står i
overskriftsraden, skilt med ; eller , (eller tabulator); [kolonne] er valgfri. Eksempel på
kategoritilordning (finance-mapping): et kontointervall, eller én konto i «from» med tom «to»:

  category;from;to
  Driftsinntekter;3000;3999
  Innleie;6790;

Typer:
${kinds.join('') || '  (ingen domener med importer er installert)\n'}`;
}

function who(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

async function importOne(
  db: Db,
  ctx: BuiltinContext,
  kind: string,
  path: string,
  params: Record<string, string>,
  encoding: RequestedEncoding | undefined,
): Promise<ImportResult> {
  const importer = findImporter(ctx.domains, kind);
  const source = sourceFromPath(path);
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  const bar = progressBar(source.fileName, size);
  try {
    return await runImport(db, importer, source, {
      importedBy: who(),
      params,
      encoding,
      limits: ctx.config.importLimits,
      onProgress: (d, t) => bar.update(d, t),
    });
  } finally {
    bar.stop();
  }
}

function report(ctx: BuiltinContext, r: ImportResult): void {
  for (const p of r.problems) ctx.stderr(`${formatProblem(p)}\n`);
  const read = r.encoding ? `, lest som ${r.encoding}` : '';
  if (r.status === 'succeeded') ctx.stdout(`✓ ${r.fileName}: ${formatNumber(r.rowCount)} rader importert (kjøring ${r.runId}${read})\n`);
  if (r.status === 'duplicate') ctx.stdout(`– ${r.fileName}: samme innhold er importert før; hoppet over (kjøring ${r.runId})\n`);
}

async function run(argv: string[], ctx: BuiltinContext): Promise<number> {
  const declared = Object.fromEntries([
    ...allImporters(ctx.domains).flatMap((i) => (i.options ?? []).map((o) => [o.name, { type: 'string' as const }])),
    ['encoding', { type: 'string' as const }],
  ]);
  const { positionals, values } = parseCommandArgs('import', argv, declared, true);
  const [kind, ...files] = positionals;
  if (!kind || files.length === 0) throw usageError('import', 'Mangler <type> og minst én <fil>');
  let importer: ReturnType<typeof findImporter>;
  try {
    importer = findImporter(ctx.domains, kind);
  } catch (err) {
    // An unknown kind is a command-line mistake (exit 2), named with the kinds that exist.
    throw isAppError(err) && err.code === 'NOT_FOUND' ? new AppError('USAGE', err.message, { details: err.details }) : err;
  }
  const encodingName = (values as Record<string, unknown>).encoding;
  const params = Object.fromEntries(
    Object.entries(values).filter((e): e is [string, string] => e[0] !== 'encoding' && typeof e[1] === 'string'),
  );
  let encoding: RequestedEncoding | undefined;
  try {
    encoding = typeof encodingName === 'string' ? parseEncoding(encodingName) : undefined;
  } catch (err) {
    throw usageError('import', (err as Error).message.replace(/ \(.*\)$/, ''));
  }
  try {
    checkImportParams(importer, params);
  } catch (err) {
    throw usageError('import', (err as Error).message.replace(/ \(.*\)$/, ''));
  }
  const { db } = await ctx.openDb();
  const recovered = await recoverInterruptedRuns(db);
  if (recovered.length > 0) ctx.stderr(`Avbrutte importer merket som feilet: kjøring ${recovered.join(', ')}\n`);
  let duplicates = 0;
  for (const [i, file] of files.entries()) {
    const result = await importOne(db, ctx, kind, file, params, encoding);
    report(ctx, result);
    if (result.status === 'duplicate') duplicates++;
    if (result.status === 'failed') {
      const skipped = files.length - i - 1;
      throw new AppError(
        'IMPORT_FAILED',
        `Import av ${result.fileName} feilet; ingenting fra fila ble importert${skipped ? ` og ${skipped === 1 ? 'fila' : `${formatQuantity(skipped, 'fil', 'filer')}`} etter den ble ikke forsøkt` : ''}`,
      );
    }
  }
  if (duplicates > 0) {
    throw new AppError(
      'DUPLICATE_IMPORT',
      `${duplicates} av ${formatQuantity(files.length, 'fil', 'filer')} var importert før og ble hoppet over`,
    );
  }
  return 0;
}

/** Built per domain list: the help text lists the import kinds. */
export function importCommand(domains: readonly DomainModule[]): BuiltinCommand {
  return { name: 'import', summary: 'Importerer filer gjennom importøren for en type', usage: usage(domains), run };
}
