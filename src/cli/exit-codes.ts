/** THE table from error code to process exit code. Documented in docs/errors.md. */
import { type ErrorCode, isAppError } from '../shared/errors.ts';

export const EXIT_OK = 0;

export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
  USAGE: 2,
  VALIDATION: 3,
  NOT_FOUND: 4,
  IMPORT_FAILED: 5,
  FILE_UNREADABLE: 5,
  DUPLICATE_IMPORT: 6,
  CONFLICT: 7,
  REPORT_BUILD: 8,
  CONFIG: 9,
  DATABASE: 10,
  INTEGRITY: 11,
  BUSY: 12,
  NO_DATA: 13,
  UNAUTHENTICATED: 1,
  FORBIDDEN: 1,
  RATE_LIMITED: 1,
  INTERNAL: 1,
};

export function exitCodeOf(err: unknown): number {
  return isAppError(err) ? EXIT_CODES[err.code] : EXIT_CODES.INTERNAL;
}
