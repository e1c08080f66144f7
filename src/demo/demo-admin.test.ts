import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { activeUser, findUserByEmail } from '../auth/users.queries.ts';
import { ROLES } from '../shared/access.ts';
import { openDatabase } from '../storage/db.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { createDemoAdmin, DEMO_ADMIN_EMAIL } from './demo-admin.ts';

describe('createDemoAdmin(db)', () => {
  it('creates the demo administrator with every role and a fresh generated password on each run', async () => {
    const open = openDatabase('sqlite::memory:');
    await migrateToLatest(open.db);
    const first = await createDemoAdmin(open.db, new Date());
    const second = await createDemoAdmin(open.db, new Date());
    expect(first.email).toBe(DEMO_ADMIN_EMAIL);
    expect(second.password).not.toBe(first.password);
    expect(second.password.length).toBeGreaterThanOrEqual(20);
    const row = await findUserByEmail(open.db, DEMO_ADMIN_EMAIL);
    expect(await verifyPassword(row?.password_hash, second.password)).toBe(true);
    expect(await verifyPassword(row?.password_hash, first.password)).toBe(false);
    expect((await activeUser(open.db, row?.id ?? 0, 'session'))?.roles).toEqual([...ROLES]);
    await open.close();
  });
});
