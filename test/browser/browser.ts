/** Launches Debian's Chromium through playwright-core; a missing browser fails loudly, never skips. */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import type { Config } from '../../src/config.ts';
import type { Role } from '../../src/shared/access.ts';
import type { Db } from '../../src/storage/db.ts';
import { ALL_ROLES, createTestUser } from '../support/auth.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(config: Pick<Config, 'chromiumPath'>): Promise<Browser> {
  if (!existsSync(config.chromiumPath)) {
    throw new Error(
      `Chromium not found at ${config.chromiumPath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH; browser tests never skip.`,
    );
  }
  return chromium.launch({ executablePath: config.chromiumPath, args: CHROMIUM_ARGS });
}

/**
 * A browser context signed in as a new user holding `roles`, through the real login page (the
 * session cookie lives in the context).
 */
export async function signedInContext(
  browser: Browser,
  base: string,
  db: Db,
  roles: Role[] = ALL_ROLES,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const user = await createTestUser(db, roles);
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${base}/logg-inn`);
  await page.getByLabel('E-postadresse').fill(user.email);
  await page.getByLabel('Passord').fill(user.password);
  await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: 'Logg inn' }).click()]);
  await page.close();
  return context;
}
