/**
 * Helpers for migrations, so that dialect differences stay in storage/. Column conventions:
 * money = bigint øre; instants = text ISO-8601 UTC ("2025-05-31T21:59:00.000Z") or bigint epoch ms
 * where an engine needs speed; dates = text "YYYY-MM-DD"; booleans = integer 0/1; JSON = text.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, SqliteAdapter } from 'kysely';

export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Adds an auto-increment integer primary key `id` in either dialect. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return isSqlite(db)
    ? table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity());
}
