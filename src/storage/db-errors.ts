/**
 * Driver errors that the user can act on, turned into AppErrors with a Norwegian message: a SQLite
 * writer that did not get the lock within the busy timeout (BUSY, exit 12, HTTP 503) and a
 * PostgreSQL server that refused the user name or password (DATABASE).
 */
import { AppError, isAppError } from '../shared/errors.ts';

const BUSY_MESSAGE =
  'Databasen er opptatt: en annen prosess skriver til den og slapp ikke låsen i tide. Ingenting ble endret; prøv igjen når den andre importen eller publiseringen er ferdig.';

export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export function busyError(cause?: unknown): AppError {
  return new AppError('BUSY', BUSY_MESSAGE, { cause });
}

/** The AppError a driver error stands for, or undefined when it is none of the known ones. */
export function storageAppError(err: unknown): AppError | undefined {
  if (isAppError(err)) {
    if (isBusyError(err.cause) && err.code !== 'BUSY') return busyError(err.cause);
    return isAuthError(err.cause) ? authError(err.cause) : undefined;
  }
  if (isBusyError(err)) return busyError(err);
  return isAuthError(err) ? authError(err) : undefined;
}

function isAuthError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '28P01' || code === '28000';
}

function authError(err: unknown): AppError {
  return new AppError(
    'DATABASE',
    'PostgreSQL avviste innloggingen: feil brukernavn eller passord i databaseadressen (DATABASE_URL eller --database).',
    { cause: err },
  );
}
