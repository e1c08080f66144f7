/**
 * The caps every reader and upload obeys (config.importLimits, STYREROM_IMPORT_*), and the errors
 * that name the cap that was hit. A cap hit is an AppError carrying one problem, so the run is
 * failed with that reason ("arket pakker ut til mer enn … MB"), not "ikke en gyldig XLSX".
 */
import { AppError } from '../shared/errors.ts';
import { formatNumber } from '../shared/format.ts';
import type { ImportLimits } from '../shared/import-limits.ts';
import { problem } from './decode.ts';

const MIB = 1024 * 1024;

export type { ImportLimits } from '../shared/import-limits.ts';

/**
 * What runImport uses when no limits are passed (tests, the demo): the defaults of config.ts's
 * loadImportLimits with no STYREROM_IMPORT_* set; a test keeps the two equal.
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = Object.freeze({
  maxUploadBytes: 512 * MIB,
  maxLineChars: 1_000_000,
  maxCellChars: 100_000,
  maxRows: 5_000_000,
  maxColumns: 500,
  maxUnpackedBytes: 1024 * MIB,
  maxCompressionRatio: 200,
});

/** "512" for 512 MiB, "0,5" for half a MiB. */
export function formatMb(bytes: number): string {
  const mb = bytes / MIB;
  return formatNumber(mb, Number.isInteger(mb) ? 0 : 1);
}

/** A file that breaks a cap: FILE_UNREADABLE with one problem naming the file, line and cause. */
export function capExceeded(file: string, message: string, messageEn: string, line?: number): AppError {
  return new AppError('FILE_UNREADABLE', `${file}${line === undefined ? '' : `:${line}`}: ${message}`, {
    problems: [problem(file, message, messageEn, { line })],
  });
}
