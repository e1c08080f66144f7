/**
 * Reflow at 320 px (WCAG 1.4.10): every table in a page's content sits in its own horizontally
 * scrollable region, so the page itself never scrolls sideways. The region is focusable (keyboard
 * users can scroll it) and named after the table's caption.
 */
import { escapeHtml } from './html.ts';

const TABLE = /<table\b[\s\S]*?<\/table>/g;
const CAPTION = /<caption\b[^>]*>([\s\S]*?)<\/caption>/;

function plainText(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The region's name: the caption, else the column headers. */
export function tableLabel(table: string): string {
  const caption = CAPTION.exec(table)?.[1];
  if (caption && plainText(caption)) return `Tabell: ${plainText(caption)}`;
  const head = /<thead\b[\s\S]*?<\/thead>/.exec(table)?.[0];
  return head ? `Tabell med kolonnene ${plainText(head.replace(/<\/th>/g, ', </th>')).replace(/,\s*$/, '')}` : 'Tabell';
}

/** Wraps every table (tables are never nested in our markup) in a labelled scroll region. */
export function wrapTables(markup: string): string {
  return markup.replace(
    TABLE,
    (table) => `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(tableLabel(table))}">${table}</div>`,
  );
}
