/** Launches Debian's Chromium through playwright-core; a missing browser fails loudly, never skips. */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import type { Config } from '../../src/config.ts';

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
