/** One line per error (plus its problems) on stderr, mapped to the process exit code. */
import { AppError, formatProblem, isAppError } from '../shared/errors.ts';
import { storageAppError } from '../storage/db-errors.ts';
import { exitCodeOf } from './exit-codes.ts';

export function printError(stderr: (text: string) => void, err: unknown, debug: boolean): number {
  const appError =
    storageAppError(err) ?? (isAppError(err) ? err : new AppError('INTERNAL', `Uventet feil: ${(err as Error)?.message ?? String(err)}`));
  stderr(`Feil: ${appError.message}\n`);
  for (const p of appError.problems) stderr(`  ${formatProblem(p)}\n`);
  if (debug) stderr(`${(err as Error)?.stack ?? String(err)}\n`);
  else if (appError.code === 'INTERNAL') stderr('Kjør med STYREROM_DEBUG=1 for detaljer.\n');
  return exitCodeOf(appError);
}
