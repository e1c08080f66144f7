/**
 * The one error type of the product. Domain code throws `AppError` with a string code; the edges
 * map codes to HTTP statuses (server/http-errors.ts) and CLI exit codes (cli/exit-codes.ts).
 * docs/errors.md documents every code; a test keeps the two in step.
 */
export const ERROR_CODES = {
  VALIDATION: 'Input failed validation (a field, a parameter, a request body).',
  NOT_FOUND: 'The thing asked for does not exist.',
  CONFLICT: 'The request conflicts with the current state (e.g. editing a published report).',
  IMPORT_FAILED: 'An import file had problems; nothing was imported.',
  DUPLICATE_IMPORT: 'The same file content was imported before; nothing was imported again.',
  FILE_UNREADABLE: 'A file could not be read or decoded (missing, wrong encoding, not the expected format).',
  CONFIG: 'The configuration (environment or command-line options) is invalid.',
  DATABASE: 'The database could not be reached or a migration failed.',
  UNAUTHENTICATED: 'The request needs a signed-in user.',
  FORBIDDEN: "The signed-in user's role does not allow this.",
  RATE_LIMITED: 'Too many attempts (wrong passwords) from this account or address; try again later.',
  REPORT_BUILD: 'The report could not be built (broken cross-reference, unknown live value).',
  USAGE: 'The command line was not understood.',
  NO_DATA: 'The data a command needs is missing (no ledger for the period, no time records, a report from an empty database).',
  INTEGRITY: 'A stored publication no longer matches its recorded SHA-256 or chain (changed or deleted in the database).',
  BUSY: 'The database is busy with another writer (lock not granted in time, or an import is already running).',
  INTERNAL: 'An unexpected error; a bug.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Problem {
  file: string;
  line?: number;
  column?: string;
  /** Norwegian message, shown to users. */
  message: string;
  /** English message, for logs and developers. */
  messageEn: string;
  severity: 'error' | 'warning';
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly problems: Problem[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; problems?: Problem[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.problems = options.problems ?? [];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** One line per problem: "file:line [column] message", in Norwegian. Used by the CLI and logs (messageEn stays in the JSON for integrators). */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const col = p.column ? ` [${p.column}]` : '';
  return `${where}${col} ${p.severity === 'warning' ? 'advarsel' : 'feil'}: ${p.message}`;
}
