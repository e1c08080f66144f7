/** Filtering and sorting the register for the API list and the web table (pure). */
import { compareRiskIds, type RegisterEntry } from './risk.ts';

export type StatusFilter = 'open' | 'closed' | 'all';
export type SortKey = 'score' | 'id' | 'title' | 'owner' | 'category' | 'movement';
export type SortOrder = 'asc' | 'desc';

export interface RegisterFilter {
  status?: StatusFilter;
  scope?: string;
  /** Level key */
  level?: string;
  minScore?: number;
  /** Free text in id, title, owner, status text */
  q?: string;
  /** Cell filter from the heat map */
  probability?: number;
  consequence?: number;
  sort?: SortKey;
  order?: SortOrder;
}

const MOVEMENT_RANK = { up: 0, new: 1, same: 2, down: 3, closed: 4 } as const;

function matches(e: RegisterEntry, f: RegisterFilter): boolean {
  const status = f.status ?? 'open';
  if (status === 'open' && !e.open) return false;
  if (status === 'closed' && e.open) return false;
  if (f.scope && e.risk.scope !== f.scope) return false;
  if (f.level && e.level?.key !== f.level) return false;
  if (f.minScore !== undefined && (e.score === null || e.score < f.minScore)) return false;
  if (f.probability !== undefined && e.assessment?.probability !== f.probability) return false;
  if (f.consequence !== undefined && e.assessment?.consequence !== f.consequence) return false;
  if (f.q) {
    const needle = f.q.toLocaleLowerCase('nb');
    const hay = [e.risk.id, e.risk.title, e.risk.owner, e.assessment?.statusText ?? ''].join(' ').toLocaleLowerCase('nb');
    if (!hay.includes(needle)) return false;
  }
  return true;
}

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** The primary comparison of a sort key, ascending; ties are broken by id ascending whatever the order. */
function primary(sort: SortKey): (a: RegisterEntry, b: RegisterEntry) => number {
  switch (sort) {
    case 'score':
      return (a, b) => (a.score ?? 0) - (b.score ?? 0);
    case 'id':
      return (a, b) => compareRiskIds(a.risk.id, b.risk.id);
    case 'movement':
      return (a, b) => MOVEMENT_RANK[a.movement.kind] - MOVEMENT_RANK[b.movement.kind];
    default:
      return (a, b) => collator.compare(a.risk[sort], b.risk[sort]);
  }
}

/** Default order: score descending (then id: the report's order); other keys ascending. */
export function defaultOrder(sort: SortKey): SortOrder {
  return sort === 'score' ? 'desc' : 'asc';
}

export function filterRegister(entries: readonly RegisterEntry[], f: RegisterFilter = {}): RegisterEntry[] {
  const sort = f.sort ?? 'score';
  const dir = (f.order ?? defaultOrder(sort)) === 'asc' ? 1 : -1;
  const cmp = primary(sort);
  return entries.filter((e) => matches(e, f)).sort((a, b) => dir * cmp(a, b) || compareRiskIds(a.risk.id, b.risk.id));
}
