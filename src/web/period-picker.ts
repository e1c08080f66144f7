/**
 * The month picker in the header: a plain GET form that navigates only on its button (or Enter, via
 * app.js), never on a change of the select: arrowing through the months keeps focus and the page
 * (WCAG 3.2.2).
 */
import { formatMonth } from '../shared/format.ts';
import { addMonths, type YearMonth } from '../shared/period.ts';
import { html, type SafeHtml } from './html.ts';

/** How far back the picker reaches from the current month (other months work by URL). */
const MONTHS_BACK = 36;

/** The months offered, newest first: the last MONTHS_BACK months up to `latest`, plus `selected`. */
export function pickerMonths(selected: YearMonth, latest: YearMonth): YearMonth[] {
  const months = Array.from({ length: MONTHS_BACK + 1 }, (_, i) => addMonths(latest, -i));
  if (!months.includes(selected)) months.push(selected);
  return months.sort().reverse();
}

export function periodPicker(opts: { period: YearMonth; latest: YearMonth; action: string }): SafeHtml {
  const options = pickerMonths(opts.period, opts.latest).map(
    (m) => html`<option value="${m}"${m === opts.period ? html` selected` : ''}>${formatMonth(m)}</option>`,
  );
  return html`<form class="period-picker" method="get" action="${opts.action}">
  <label for="period">Periode</label>
  <select name="period" id="period">${options}</select>
  <button type="submit">Vis</button>
</form>`;
}
