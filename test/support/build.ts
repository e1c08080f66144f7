/**
 * vitest globalSetup: tests that spawn bin/styrerom.mjs run the compiled dist/, as users do. Build
 * it once per test run when any file under src/ (or the build's own config) is newer than the last
 * build, so a spawned CLI never runs stale code.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function buildIsStale(): boolean {
  let built: number;
  try {
    built = statSync(join(ROOT, 'dist', 'BUILD')).mtimeMs;
  } catch {
    return true;
  }
  const inputs = [join(ROOT, 'tsconfig.json'), join(ROOT, 'tsconfig.build.json'), join(ROOT, 'scripts', 'build.mjs')];
  return newestMtime(join(ROOT, 'src')) > built || inputs.some((f) => statSync(f).mtimeMs > built);
}

export default function setup(): void {
  if (!buildIsStale()) return;
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed: spawned CLI tests would run stale code');
}
