import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { activeUser, findUserByEmail, setPasswordHash } from '../auth/users.queries.ts';
import { ROLES } from '../shared/access.ts';
import { openDatabase } from '../storage/db.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { createDemoAdmin, DEMO_ADMIN_EMAIL, demoCredentialsFile, ensureDemoAdmin, readDemoPassword } from './demo-admin.ts';

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

describe('ensureDemoAdmin(db, file)', () => {
  it('writes the login to a 0600 file, keeps it on later starts and restores the password if the account lost it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'styrerom-demo-admin-'));
    const open = openDatabase('sqlite::memory:');
    try {
      await migrateToLatest(open.db);
      const file = demoCredentialsFile(dir);
      const first = await ensureDemoAdmin(open.db, file, new Date());
      expect(first).toEqual({ email: DEMO_ADMIN_EMAIL, file: join(dir, 'demo-innlogging.txt'), created: true });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const password = await readDemoPassword(file);
      expect(password).toMatch(/^[\w-]{20}$/);
      const hash = (await findUserByEmail(open.db, DEMO_ADMIN_EMAIL))?.password_hash;
      expect(await verifyPassword(hash, password as string)).toBe(true);

      expect(await ensureDemoAdmin(open.db, file, new Date())).toMatchObject({ created: false });
      expect(await readDemoPassword(file)).toBe(password);
      expect((await findUserByEmail(open.db, DEMO_ADMIN_EMAIL))?.password_hash).toBe(hash); // untouched

      const user = await findUserByEmail(open.db, DEMO_ADMIN_EMAIL);
      await setPasswordHash(open.db, user?.id ?? 0, await hashPassword('something-else-entirely'));
      await ensureDemoAdmin(open.db, file, new Date());
      expect(await readDemoPassword(file)).toBe(password);
      expect(await verifyPassword((await findUserByEmail(open.db, DEMO_ADMIN_EMAIL))?.password_hash, password as string)).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(`E-post: ${DEMO_ADMIN_EMAIL}\n`);
    } finally {
      await open.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
