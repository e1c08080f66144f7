/**
 * The draft report's model and its web rendering, cached by the data's version
 * (src/storage/versioned-cache.ts): repeated reads of /rapport and the live report files cost a
 * lookup, and any committed change — an import, a narrative, a risk, a forecast, from this process or
 * another — moves the version, so the next read rebuilds and an edit is visible at once.
 */
import type { YearMonth } from '../shared/period.ts';
import { VersionedCache } from '../storage/versioned-cache.ts';
import type { SafeHtml } from '../web/html.ts';
import { type ReportDeps, reportModel } from './build.ts';
import type { ReportModel } from './model.ts';
import { reportArticle } from './render-document.ts';

/** A dozen periods cover a year of drafts. */
const models = new VersionedCache<ReportModel>(12);
const articles = new VersionedCache<SafeHtml>(12);

/** The period's current (draft) report model, built at most once per data version. */
export function cachedReportModel(deps: ReportDeps, period: YearMonth): Promise<ReportModel> {
  return models.get(deps.db, deps.domains, period, () => reportModel(deps, { period }));
}

/** The web article of the period's current report, rendered at most once per data version. */
export function cachedWebArticle(
  deps: ReportDeps,
  period: YearMonth,
  dataHref: (id: string, ext: 'csv' | 'xlsx') => string,
): Promise<SafeHtml> {
  return articles.get(deps.db, deps.domains, period, async () =>
    reportArticle(await cachedReportModel(deps, period), { mode: 'web', dataHref }),
  );
}
