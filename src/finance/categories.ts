/**
 * Report categories and the rules that map ledger accounts to them (spec finance §2). Rules are
 * data: explicit account lists are tried first, then ranges, each in order; the first match wins.
 * Accounts 1000–2999 are balance sheet and belong to no category.
 */

export type CategoryKind = 'income' | 'cost' | 'finance';

export interface Category {
  /** Norwegian name, as in the report. */
  name: string;
  kind: CategoryKind;
}

/** The report's categories in table order. */
export const CATEGORIES: readonly Category[] = [
  { name: 'Driftsinntekter', kind: 'income' },
  { name: 'Personalkostnader', kind: 'cost' },
  { name: 'Innleie', kind: 'cost' },
  { name: 'Frikjøp', kind: 'cost' },
  { name: 'Tjenestekjøp', kind: 'cost' },
  { name: 'Lisenser, support og garanti', kind: 'cost' },
  { name: 'Transmisjon og data', kind: 'cost' },
  { name: 'Avskrivninger', kind: 'cost' },
  { name: 'Andre driftskostnader', kind: 'cost' },
  { name: 'Finansposter', kind: 'finance' },
];

const BY_NAME = new Map(CATEGORIES.map((c) => [c.name.toLowerCase(), c]));

/** The category of a name (case-insensitive), or undefined. */
export function findCategory(name: string): Category | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

export type MappingRule =
  | { category: string; account: string; from?: undefined; to?: undefined }
  | { category: string; account?: undefined; from: number; to: number };

/** The spec's default table. Innleie and Frikjøp have explicit lists, empty by default. */
export const DEFAULT_RULES: readonly MappingRule[] = [
  { category: 'Driftsinntekter', from: 3000, to: 3999 },
  { category: 'Personalkostnader', from: 5000, to: 5999 },
  { category: 'Tjenestekjøp', from: 4500, to: 4599 },
  { category: 'Tjenestekjøp', from: 6700, to: 6799 },
  { category: 'Lisenser, support og garanti', from: 6420, to: 6429 },
  { category: 'Lisenser, support og garanti', from: 6552, to: 6553 },
  { category: 'Lisenser, support og garanti', from: 7600, to: 7699 },
  { category: 'Transmisjon og data', from: 6900, to: 6909 },
  { category: 'Avskrivninger', from: 6000, to: 6099 },
  { category: 'Andre driftskostnader', from: 4000, to: 7999 },
  { category: 'Finansposter', from: 8000, to: 8299 },
];

/** The catch-all cost category ("the rest of 4000–7999"): landing there says nothing specific. */
export const CATCH_ALL_CATEGORY = 'Andre driftskostnader';

/**
 * Do two category answers agree? Equal, or both cost categories where one is the catch-all (a
 * GroupingCode such as 6400 "Leie maskiner" lands in the catch-all and does not contradict an
 * account the organisation files under Lisenser).
 */
export function categoriesAgree(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  const ka = a === null ? null : findCategory(a)?.kind;
  const kb = b === null ? null : findCategory(b)?.kind;
  return ka === 'cost' && kb === 'cost' && (a === CATCH_ALL_CATEGORY || b === CATCH_ALL_CATEGORY);
}

export const BALANCE_SHEET = { from: 1000, to: 2999 } as const;

/** The numeric value of an all-digit account id; null otherwise. */
export function accountNumber(accountId: string): number | null {
  return /^\d{1,15}$/.test(accountId) ? Number(accountId) : null;
}

export function isBalanceSheet(accountId: string): boolean {
  const n = accountNumber(accountId);
  return n !== null && n >= BALANCE_SHEET.from && n <= BALANCE_SHEET.to;
}

/** Maps account ids to categories by a rule set; remembers answers (a ledger has few accounts). */
export class CategoryMapper {
  private readonly explicit = new Map<string, string>();
  private readonly ranges: { category: string; from: number; to: number }[] = [];
  private readonly cache = new Map<string, string | null>();

  constructor(readonly rules: readonly MappingRule[]) {
    for (const r of rules) {
      if (r.account !== undefined) {
        if (!this.explicit.has(r.account)) this.explicit.set(r.account, r.category);
      } else this.ranges.push({ category: r.category, from: r.from, to: r.to });
    }
  }

  /** The category name, or null when no rule matches. */
  categoryOf(accountId: string): string | null {
    const hit = this.cache.get(accountId);
    if (hit !== undefined) return hit;
    const out = this.explicit.get(accountId) ?? this.rangeCategoryOf(accountId);
    this.cache.set(accountId, out);
    return out;
  }

  /** The category by ranges only (what a GroupingCode or an account's number alone implies). */
  rangeCategoryOf(accountId: string): string | null {
    const n = accountNumber(accountId);
    if (n === null) return null;
    return this.ranges.find((r) => n >= r.from && n <= r.to)?.category ?? null;
  }

  /** An account that needs a category but has none: not balance sheet and no rule matches. */
  isUnmapped(accountId: string): boolean {
    return !isBalanceSheet(accountId) && this.categoryOf(accountId) === null;
  }
}

/** Checks a rule set: known categories, sane ranges. Returns Norwegian/English messages per rule index. */
export function ruleErrors(rules: readonly MappingRule[]): { index: number; message: string; messageEn: string }[] {
  const out: { index: number; message: string; messageEn: string }[] = [];
  rules.forEach((r, index) => {
    if (!findCategory(r.category))
      out.push({ index, message: `ukjent kategori «${r.category}»`, messageEn: `unknown category "${r.category}"` });
    if (r.account === undefined && !(Number.isInteger(r.from) && Number.isInteger(r.to) && r.from <= r.to))
      out.push({ index, message: `ugyldig kontointervall ${r.from}–${r.to}`, messageEn: `invalid account range ${r.from}-${r.to}` });
  });
  return out;
}
