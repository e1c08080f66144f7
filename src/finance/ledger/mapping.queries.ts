/** The category mapping rule set: stored in the database once edited, the spec's defaults until then. */
import type { Db } from '../../storage/db.ts';
import { CategoryMapper, DEFAULT_RULES, type MappingRule } from '../categories.ts';

export async function loadMappingRules(db: Db): Promise<{ rules: MappingRule[]; isDefault: boolean }> {
  const rows = await db.selectFrom('finance_mapping_rules').selectAll().orderBy('position').orderBy('id').execute();
  if (rows.length === 0) return { rules: [...DEFAULT_RULES], isDefault: true };
  const rules = rows.map(
    (r): MappingRule =>
      r.account !== null
        ? { category: r.category, account: r.account }
        : { category: r.category, from: r.range_from ?? 0, to: r.range_to ?? -1 },
  );
  return { rules, isDefault: false };
}

export async function loadMapper(db: Db): Promise<CategoryMapper> {
  return new CategoryMapper((await loadMappingRules(db)).rules);
}

/** Replaces the whole rule set (callers validate with ruleErrors first). */
export async function saveMappingRules(db: Db, rules: readonly MappingRule[], options: { now: string; by: string }): Promise<void> {
  await db.deleteFrom('finance_mapping_rules').execute();
  if (rules.length === 0) return;
  await db
    .insertInto('finance_mapping_rules')
    .values(
      rules.map((r, position) => ({
        position,
        category: r.category,
        account: r.account ?? null,
        range_from: r.account === undefined ? r.from : null,
        range_to: r.account === undefined ? r.to : null,
        updated_at: options.now,
        updated_by: options.by,
      })),
    )
    .execute();
}
