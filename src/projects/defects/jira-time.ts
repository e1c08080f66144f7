/**
 * Jira's timestamps: REST gives `2016-03-03T13:40:01.000+0000` (no colon in the offset); a CSV
 * export gives the exporting user's format (`dd/MMM/yy h:mm a` → `14/Jul/25 3:42 PM`) in that
 * user's time zone. Both become ISO instants in UTC.
 */
import { Temporal } from 'temporal-polyfill';
import { TIME_ZONE } from '../../shared/period.ts';

/** The default of Jira's "Date/time format" (jira.date.time.picker.java.format style). */
export const DEFAULT_JIRA_DATE_FORMAT = 'dd/MMM/yy h:mm a';

const REST = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/;

/** A REST timestamp → ISO instant, or undefined when it is not one. */
export function parseJiraTimestamp(text: string, timeZone = TIME_ZONE): string | undefined {
  const m = REST.exec(text.trim());
  if (!m) return undefined;
  const [, date, time, zone] = m;
  try {
    if (!zone)
      return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone).toInstant().toString({ smallestUnit: 'millisecond' });
    const offset = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return Temporal.Instant.from(`${date}T${time}${offset}`).toString({ smallestUnit: 'millisecond' });
  } catch {
    return undefined;
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NB_MONTHS: Record<string, number> = { mai: 5, okt: 10, des: 12 };
const TOKEN = /yyyy|yy|MMM|MM|M|dd|d|HH|H|hh|h|mm|ss|a/g;
const PATTERN: Record<string, string> = {
  yyyy: '(\\d{4})',
  yy: '(\\d{2})',
  MMM: '([A-Za-zæøåÆØÅ]{3})\\.?',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  dd: '(\\d{2})',
  d: '(\\d{1,2})',
  HH: '(\\d{2})',
  H: '(\\d{1,2})',
  hh: '(\\d{2})',
  h: '(\\d{1,2})',
  mm: '(\\d{2})',
  ss: '(\\d{2})',
  a: '([AaPp][Mm])',
};

function compile(format: string): { regex: RegExp; tokens: string[] } {
  const tokens: string[] = [];
  let source = '';
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    source += format.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    source += PATTERN[m[0]];
    tokens.push(m[0]);
    last = (m.index ?? 0) + m[0].length;
  }
  source += format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { regex: new RegExp(`^${source.replace(/ /g, '\\s+')}$`), tokens };
}

/** A CSV export date in `format` (Java SimpleDateFormat letters) and `timeZone` → ISO instant. */
export function parseJiraExportDate(text: string, format = DEFAULT_JIRA_DATE_FORMAT, timeZone = TIME_ZONE): string | undefined {
  const rest = parseJiraTimestamp(text, timeZone);
  if (rest) return rest;
  const { regex, tokens } = compile(format);
  const m = regex.exec(text.trim());
  if (!m) return undefined;
  const p = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let pm: boolean | undefined;
  tokens.forEach((t, i) => {
    const v = m[i + 1] ?? '';
    if (t === 'yyyy') p.year = Number(v);
    else if (t === 'yy') p.year = 2000 + Number(v);
    else if (t === 'MMM') p.month = MONTHS.indexOf(v.toLowerCase()) + 1 || (NB_MONTHS[v.toLowerCase()] ?? 0);
    else if (t === 'MM' || t === 'M') p.month = Number(v);
    else if (t === 'dd' || t === 'd') p.day = Number(v);
    else if (t === 'HH' || t === 'H' || t === 'hh' || t === 'h') p.hour = Number(v);
    else if (t === 'mm') p.minute = Number(v);
    else if (t === 'ss') p.second = Number(v);
    else if (t === 'a') pm = v.toLowerCase() === 'pm';
  });
  if (pm !== undefined) {
    if (p.hour < 1 || p.hour > 12) return undefined;
    p.hour = (p.hour % 12) + (pm ? 12 : 0);
  }
  try {
    return Temporal.PlainDateTime.from(p, { overflow: 'reject' })
      .toZonedDateTime(timeZone)
      .toInstant()
      .toString({ smallestUnit: 'millisecond' });
  } catch {
    return undefined;
  }
}
