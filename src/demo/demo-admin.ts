/**
 * The demo's administrator: every role, a generated password that is never printed. It is written
 * to a file only its owner can read (`<dataDir>/demo-innlogging.txt`, mode 0600) and `styrerom demo`
 * prints the file's path; later starts keep the same login. There is no default password anywhere;
 * outside the demo an operator creates users with `styrerom user add`.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { recordAudit } from '../auth/audit.queries.ts';
import { generatePassword, hashPassword, verifyPassword } from '../auth/password.ts';
import { createUser, findUserByEmail, setPasswordHash, setRoles } from '../auth/users.queries.ts';
import { ROLES } from '../shared/access.ts';
import type { Db } from '../storage/db.ts';

export const DEMO_ADMIN_EMAIL = 'admin@demo.styrerom.no';

/** Where the demo administrator's login is kept. */
export function demoCredentialsFile(dataDir: string): string {
  return join(dataDir, 'demo-innlogging.txt');
}

export async function createDemoAdmin(db: Db, now: Date, password = generatePassword()): Promise<{ email: string; password: string }> {
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

function credentialsText(email: string, password: string): string {
  return `Demoens administrator (styrerom demo). Logg inn på /logg-inn.\nE-post: ${email}\nPassord: ${password}\n`;
}

/** The password in a credentials file, or undefined when there is no (readable, well-formed) file. */
export async function readDemoPassword(file: string): Promise<string | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text?.match(/^Passord: (\S+)$/m)?.[1];
}

/**
 * Makes sure the demo administrator can log in with the password in `file`: keeps a working login
 * as it is, restores the file's password if the account lost it, and creates a new password (and
 * file, mode 0600) when there is none. Returns the file's path; the password is never returned for
 * printing.
 */
export async function ensureDemoAdmin(db: Db, file: string, now: Date): Promise<{ email: string; file: string; created: boolean }> {
  const kept = await readDemoPassword(file);
  const user = await findUserByEmail(db, DEMO_ADMIN_EMAIL);
  if (kept && user && (await verifyPassword(user.password_hash, kept))) {
    return { email: DEMO_ADMIN_EMAIL, file, created: false };
  }
  const { password } = await createDemoAdmin(db, now, kept);
  await writeFile(file, credentialsText(DEMO_ADMIN_EMAIL, password), { mode: 0o600 });
  await chmod(file, 0o600); // writeFile's mode applies only to a new file
  return { email: DEMO_ADMIN_EMAIL, file, created: kept === undefined };
}
