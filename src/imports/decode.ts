import type { Problem } from '../shared/errors.ts';

export function problem(
  file: string,
  message: string,
  messageEn: string,
  where: { line?: number | undefined; column?: string | undefined; severity?: 'error' | 'warning' } = {},
): Problem {
  const p: Problem = { file, message, messageEn, severity: where.severity ?? 'error' };
  if (where.line !== undefined) p.line = where.line;
  if (where.column !== undefined) p.column = where.column;
  return p;
}

/** `;` or `,` (or tab), whichever splits the header line into the most fields outside quotes. */
export function detectDelimiter(headerLine: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}
