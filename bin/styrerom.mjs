#!/usr/bin/env node
// Runs the compiled CLI (dist/, built at install by `prepare` and by `npm run build`): the bundle in
// dist/bundle/ (a few files to load), else the per-file compiled dist/cli/main.js. Without a build
// (an install without devDependencies) or with STYREROM_FROM_SOURCE=1 (while editing src/), it runs
// the TypeScript sources through tsx instead. Source maps map compiled stack traces back to src/.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/bundle/cli.js', import.meta.url);
const compiled = existsSync(bundled) ? bundled : new URL('../dist/cli/main.js', import.meta.url);
if (process.env.STYREROM_FROM_SOURCE !== '1' && existsSync(compiled)) {
  process.setSourceMapsEnabled(true);
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
