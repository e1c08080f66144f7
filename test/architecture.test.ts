/**
 * The import rules between folders (ARCHITECTURE.md "Import rules"), enforced here rather than by
 * hope. Each rule: files under `from` may import project files only from the listed folders.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(new URL(import.meta.url).pathname), '../src');
const DOMAINS = ['risk', 'finance', 'workforce', 'figures', 'service', 'projects'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** Project-relative targets ("shared/format.ts") of the relative imports in a file. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) =>
    relative(SRC, resolve(dirname(file), m[1] ?? '')),
  );
}

function area(path: string): string {
  const first = path.split('/')[0] ?? '';
  return first.endsWith('.ts') ? first.replace(/\.ts$/, '') : first;
}

/** Which areas each area may import from (its own area is always allowed). */
const ALLOWED: Record<string, string[]> = {
  shared: [],
  config: ['shared'],
  storage: ['shared', ...DOMAINS, 'imports', 'report', 'auth'], // database.ts assembles the domains' *.table.ts
  imports: ['shared', 'storage', 'module'], // registry.ts reads the DomainModule list (types only)
  kpi: ['shared', 'storage', 'module'],
  module: ['shared', 'config', 'storage', 'imports', 'kpi', 'report'],
  domains: [...DOMAINS, 'report', 'module'],
  web: ['shared', 'config', 'storage', 'kpi', 'module', 'report', 'imports'],
  report: ['shared', 'config', 'storage', 'imports', 'kpi', 'web', 'module'],
  demo: ['auth', 'shared', 'config', 'storage', 'imports', 'kpi', 'module', 'domains'],
  auth: ['shared', 'config', 'storage'],
  server: ['auth', 'shared', 'config', 'storage', 'imports', 'kpi', 'web', 'module', 'domains', 'report'],
  cli: ['auth', 'shared', 'config', 'storage', 'imports', 'kpi', 'server', 'web', 'module', 'domains', 'demo', 'report'],
};
for (const d of DOMAINS) ALLOWED[d] = ['shared', 'config', 'storage', 'imports', 'kpi', 'web', 'module', 'report', 'demo'];

describe('import rules between folders', () => {
  const all = files(SRC);

  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it('counts a file in a sub-folder of a domain as that domain, so the rules cover sub-folders too', () => {
    const nested = all.map((f) => relative(SRC, f)).filter((p) => p.split('/').length > 2);
    expect(nested).toContain('finance/ledger/saft.ts');
    expect(nested).toContain('workforce/aml/rules/aml-rest.ts');
    expect(area('workforce/aml/rules/aml-rest.ts')).toBe('workforce');
  });

  it('every file imports only from the folders its area may use', () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = area(relative(SRC, file));
      const allowed = ALLOWED[from];
      if (!allowed) {
        violations.push(`${relative(SRC, file)}: area "${from}" has no import rule (add it to ARCHITECTURE.md and this test)`);
        continue;
      }
      for (const target of imports(file)) {
        const to = area(target);
        if (to !== from && !allowed.includes(to)) violations.push(`${relative(SRC, file)} → ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('domains never import another domain', () => {
    const crossings = all.flatMap((file) => {
      const from = area(relative(SRC, file));
      if (!DOMAINS.includes(from)) return [];
      return imports(file)
        .filter((t) => DOMAINS.includes(area(t)) && area(t) !== from)
        .map((t) => `${relative(SRC, file)} → ${t}`);
    });
    expect(crossings).toEqual([]);
  });

  it('shared/ depends on nothing else in the project', () => {
    const outside = all
      .filter((f) => area(relative(SRC, f)) === 'shared')
      .flatMap((f) =>
        imports(f)
          .filter((t) => area(t) !== 'shared')
          .map((t) => `${relative(SRC, f)} → ${t}`),
      );
    expect(outside).toEqual([]);
  });
});
