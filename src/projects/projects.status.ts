/**
 * The project's status sentences with live values: which milestones moved (from and to, with the
 * reason, and the payment milestones that follow) and the open defects on the latest release as of
 * the chosen date. Generated from the same data as the tables, so prose and table cannot disagree.
 */
import { formatDate, formatNumber } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import type { DefectView } from './projects.tables.ts';
import type { MilestoneLine } from './projects.views.ts';

const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`);
const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** Sentences about milestones moved in the period (leaders only; followers are named with them). */
export function milestoneSentences(lines: readonly MilestoneLine[], period: YearMonth): string[] {
  const out: string[] = [];
  for (const m of lines) {
    if (!m.movedInPeriod || (m.follows && lines.some((l) => l.id === m.follows && l.movedInPeriod))) continue;
    const changes = m.history.filter((h) => h.changedAt.slice(0, 7) <= period);
    const last = changes.at(-1);
    if (!last) continue;
    const from = m.baseline ?? last.oldDate;
    const followers = lines.filter((l) => l.movedInPeriod && l.id !== m.id && followsChain(lines, l, m.id)).map((l) => l.id);
    const label = m.name.includes(m.id) ? m.name : `${m.name} (${m.id})`;
    let s = `${label} var opprinnelig planlagt til ${from ? formatDate(from) : 'en annen dato'}, men er flyttet til ${last.newDate ? formatDate(last.newDate) : 'ukjent dato'}.`;
    if (last.reason) s += ` Begrunnelse: ${last.reason.replace(/\.$/, '')}.`;
    if (followers.length > 0) s += ` ${list(followers)} flyttes tilsvarende.`;
    out.push(s);
  }
  return out;
}

function followsChain(lines: readonly MilestoneLine[], m: MilestoneLine, leader: string): boolean {
  let current: MilestoneLine | undefined = m;
  for (let i = 0; current?.follows && i < lines.length; i++) {
    if (current.follows === leader) return true;
    current = lines.find((l) => l.id === current?.follows);
  }
  return false;
}

export function defectSentence(view: DefectView): string {
  const s = view.latest ?? view.all;
  const where = view.latest ? `siste versjon (${view.latest.release})` : 'alle versjoner';
  const tail = s.open.unclassified > 0 ? `, og ${plural(s.open.unclassified, 'uklassifisert feil', 'uklassifiserte feil')}` : '';
  return `Status for ${where} per ${formatDate(view.asOfDate)}: A-feil ${formatNumber(s.open.A)}, B-feil ${formatNumber(s.open.B)}, C-feil ${formatNumber(s.open.C)}${tail}.`;
}
