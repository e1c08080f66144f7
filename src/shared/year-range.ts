/** The range of years the product accepts, kept apart from period.ts so the CLI can set it without loading the calendar. */
export interface YearRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The default sane range of years for every period and date the product accepts (imports, API,
 * pages, CLI): beyond it the calendar arithmetic fails (year 9999 + 1 month) and no board report
 * lives. The setting STYREROM_YEAR_MIN / STYREROM_YEAR_MAX (src/config.ts) replaces it.
 */
export const DEFAULT_YEAR_RANGE: YearRange = Object.freeze({ min: 2000, max: 2100 });

/** The widest range a setting may choose: month and day arithmetic stays inside four-digit years. */
export const YEAR_RANGE_LIMITS: YearRange = Object.freeze({ min: 1000, max: 9000 });

let currentRange: YearRange = DEFAULT_YEAR_RANGE;

/**
 * Makes the configured range the one every check below uses. Called once by each composition root
 * (the CLI, buildApp) with `config.yearRange`; one process serves one configuration.
 */
export function useYearRange(range: YearRange): void {
  currentRange = Object.freeze({ min: range.min, max: range.max });
}

/** The range in force (the default until a composition root sets the configured one). */
export function yearRange(): YearRange {
  return currentRange;
}
