/** Which month a page shows: `?period=YYYY-MM`, else the configured default, else last month. */
import { Temporal } from 'temporal-polyfill';
import type { Config } from '../config.ts';
import { AppError } from '../shared/errors.ts';
import { addMonths, type IsoDate, isYearMonth, monthOf, TIME_ZONE, type YearMonth, yearRangeProblem } from '../shared/period.ts';

/** Today's local date in Europe/Oslo (the one place the web layer reads the clock). */
export function todayInOslo(): IsoDate {
  return Temporal.Now.plainDateISO(TIME_ZONE).toString();
}

export function resolvePeriod(query: unknown, config: Pick<Config, 'defaultPeriod'>, today: IsoDate = todayInOslo()): YearMonth {
  const raw = query && typeof query === 'object' ? (query as Record<string, unknown>).period : undefined;
  if (raw !== undefined && raw !== '') {
    const range = typeof raw === 'string' ? yearRangeProblem(raw) : null;
    if (range) throw new AppError('VALIDATION', `Ugyldig periode ${range}`);
    if (typeof raw !== 'string' || !isYearMonth(raw)) {
      throw new AppError('VALIDATION', `Ugyldig periode «${String(raw)}», forventet ÅÅÅÅ-MM, f.eks. 2025-05`);
    }
    return raw;
  }
  if (config.defaultPeriod !== undefined) {
    if (!isYearMonth(config.defaultPeriod)) {
      throw new AppError('CONFIG', `Ugyldig standardperiode «${config.defaultPeriod}» (STYREROM_PERIOD), forventet ÅÅÅÅ-MM`);
    }
    return config.defaultPeriod;
  }
  return addMonths(monthOf(today), -1);
}
