/**
 * The demo's administrator: every role, a password generated on each run and printed once by
 * `styrerom demo`. There is no default password anywhere; outside the demo an operator creates
 * users with `styrerom user add`.
 */
import { recordAudit } from '../auth/audit.queries.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { createUser, findUserByEmail, setPasswordHash, setRoles } from '../auth/users.queries.ts';
import { ROLES } from '../shared/access.ts';
import type { Db } from '../storage/db.ts';

export const DEMO_ADMIN_EMAIL = 'admin@demo.styrerom.no';

export async function createDemoAdmin(db: Db, now: Date): Promise<{ email: string; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const existing = await findUserByEmail(db, DEMO_ADMIN_EMAIL);
  if (existing) {
    await setPasswordHash(db, existing.id, passwordHash);
    await setRoles(db, existing.id, [...ROLES]);
  } else {
    await createUser(db, { email: DEMO_ADMIN_EMAIL, name: 'Demoadministrator', roles: [...ROLES], passwordHash, now });
  }
  await recordAudit(db, { action: 'user.add', actor: 'demo', target: DEMO_ADMIN_EMAIL, detail: { after: { roles: [...ROLES] } } }, now);
  return { email: DEMO_ADMIN_EMAIL, password };
}
