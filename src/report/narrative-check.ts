/**
 * The narrative editor refuses what the build refuses: a text is checked against the period's
 * report (its numbered figures and tables, the live values the KPI registry knows, registered
 * figures included) before it is saved, and every broken cross-reference or unknown live value gets
 * the nearest valid ids as a suggestion, so the author can fix it without guessing.
 */
import type { Problem } from '../shared/errors.ts';
import { AppError } from '../shared/errors.ts';

/** What a narrative may point at: `fig:<id>` / `tab:<id>` and KPI ids. */
export interface KnownIds {
  refs: readonly string[];
  kpis: readonly string[];
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The (at most `count`) candidates closest to `wanted` by edit distance; one containing it counts as close. */
export function nearestIds(wanted: string, candidates: readonly string[], count = 3): string[] {
  const w = wanted.toLowerCase();
  return candidates
    .map((c) => ({ c, d: c.toLowerCase().includes(w) && w.length >= 3 ? 0.5 : distance(w, c.toLowerCase()) }))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, count)
    .map((x) => x.c);
}

interface Unknown {
  line: number;
  id: string;
  suggestion: string;
}

const REF = /\[@((?:fig|tab):[^\]\s]*)\]/g;
const KPI = /\{\{[^}]*?\bkpi\.([A-Za-z0-9_.-]+?)\s*(?:\|[^}]*)?\}\}/g;

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Every reference and live value in the text that names an id the report does not have. */
function unknownIds(markdown: string, known: KnownIds): Unknown[] {
  const out: Unknown[] = [];
  for (const m of markdown.matchAll(REF)) {
    const body = m[1] ?? '';
    if (known.refs.includes(body)) continue;
    const kind = body.slice(0, 4);
    const near = nearestIds(
      body,
      known.refs.filter((r) => r.startsWith(kind)),
    );
    if (near.length > 0) out.push({ line: lineAt(markdown, m.index), id: body, suggestion: near.map((r) => `[@${r}]`).join(', ') });
  }
  for (const m of markdown.matchAll(KPI)) {
    const id = m[1] ?? '';
    if (known.kpis.includes(id)) continue;
    const near = nearestIds(id, known.kpis);
    if (near.length > 0) out.push({ line: lineAt(markdown, m.index), id, suggestion: near.map((k) => `{{ kpi.${k} }}`).join(', ') });
  }
  return out;
}

/** The problems with "Nærmeste gyldige: …" added to those about an unknown id. */
export function withSuggestions(problems: readonly Problem[], markdown: string, known: KnownIds): Problem[] {
  const unknown = unknownIds(markdown, known);
  return problems.map((p) => {
    const hit = unknown.find((u) => u.line === p.line && p.message.includes(u.id));
    return hit ? { ...p, message: `${p.message}. Nærmeste gyldige: ${hit.suggestion}` } : p;
  });
}

/** The refusal of a save: a Norwegian message naming every reference, with the problems attached. */
export function narrativeRefused(problems: readonly Problem[]): AppError | null {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  const first = errors[0]?.message ?? '';
  const more = errors.length > 1 ? ` (og ${errors.length - 1} ${errors.length === 2 ? 'problem' : 'problemer'} til)` : '';
  return new AppError('VALIDATION', `Teksten ble ikke lagret fordi rapporten ikke kan bygges med den: ${first}${more}`, {
    problems: errors,
  });
}
