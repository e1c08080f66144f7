/** The import caps (config.importLimits), shared by config.ts, which reads them, and imports/, which obeys them. Every cap is an integer ≥ 1; STYREROM_IMPORT_* overrides each. */
export interface ImportLimits {
  /** Largest request body of an upload, web or API (STYREROM_IMPORT_MAX_UPLOAD_MB, default 512). */
  readonly maxUploadBytes: number;
  /** Longest line of a text file in characters (STYREROM_IMPORT_MAX_LINE_CHARS, default 1 000 000). */
  readonly maxLineChars: number;
  /** Longest single cell in characters (STYREROM_IMPORT_MAX_CELL_CHARS, default 100 000). */
  readonly maxCellChars: number;
  /** Most data rows in one CSV/XLSX file (STYREROM_IMPORT_MAX_ROWS, default 5 000 000). */
  readonly maxRows: number;
  /** Most columns in one CSV/XLSX row (STYREROM_IMPORT_MAX_COLUMNS, default 500). */
  readonly maxColumns: number;
  /** Most bytes an XLSX may unpack to (STYREROM_IMPORT_MAX_UNPACKED_MB, default 1024). */
  readonly maxUnpackedBytes: number;
  /** Highest unpacked/packed ratio of an XLSX part (STYREROM_IMPORT_MAX_COMPRESSION_RATIO, default 200). */
  readonly maxCompressionRatio: number;
}
