/**
 * Password hashing with argon2id (@node-rs/argon2, OWASP parameters: m=19 MiB, t=2, p=1). A hash of
 * a random password is verified for unknown users, so a wrong email costs the same time as a wrong
 * password.
 */
import { randomBytes } from 'node:crypto';

/** `algorithm: 2` is Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot import). */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

/** The native argon2 binding loads on first use, not with every command that imports this module. */
const argon2 = () => import('@node-rs/argon2');

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/** Verifies `password` against `stored`, or against a dummy hash when there is no user (same timing). */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword(randomBytes(18).toString('base64url'));
    const { verify } = await argon2();
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  const { verify } = await argon2();
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A random password for the demo administrator, shown once. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
