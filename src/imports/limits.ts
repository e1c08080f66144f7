/**
 * The caps every reader and upload obeys (config.importLimits, STYREROM_IMPORT_*), and the errors
 * that name the cap that was hit. A cap hit is an AppError carrying one problem, so the run is
 * failed with that reason ("arket pakker ut til mer enn … MB"), not "ikke en gyldig XLSX".
 */
import { type ImportLimits, loadImportLimits } from '../config.ts';
import { AppError } from '../shared/errors.ts';
import { formatNumber } from '../shared/format.ts';
import { problem } from './decode.ts';

export type { ImportLimits };

/** The defaults (no STYREROM_IMPORT_* set): what runImport uses when no limits are passed. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = loadImportLimits({});

const MIB = 1024 * 1024;

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
