/** The month's hiring figures, read from the employee and recruitment registers. */
import type { YearMonth } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { type RecruitmentMonth, recruitmentMonth, turnover12, type WorkforceMonth, workforceMonth } from './hiring.ts';
import { findEmploymentPeriods, findRecruitments } from './recruitments.queries.ts';

export interface HiringOverview {
  period: YearMonth;
  /** False when the employee register is empty (nothing to count from). */
  hasEmployees: boolean;
  hasRecruitments: boolean;
  workforce: WorkforceMonth;
  recruitments: RecruitmentMonth;
  /** Percent; null without staff. */
  turnover: number | null;
}

export async function hiringOverview(db: Db, period: YearMonth): Promise<HiringOverview> {
  const periods = await findEmploymentPeriods(db);
  const recruitments = await findRecruitments(db);
  return {
    period,
    hasEmployees: periods.length > 0,
    hasRecruitments: recruitments.length > 0,
    workforce: workforceMonth(periods, period),
    recruitments: recruitmentMonth(recruitments, period),
    turnover: turnover12(periods, period),
  };
}
