import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/errors.ts';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const rows = new Map(
  [...doc.matchAll(/^\| `([A-Z_]+)` \| (.+?) \| (\d+) \| (\d+) \|$/gm)].map((m) => [
    m[1] ?? '',
    { meaning: m[2], http: Number(m[3]), exit: Number(m[4]) },
  ]),
);

describe('docs/errors.md', () => {
  it('documents every error code, and only those', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('states each code with the meaning in the code', () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) expect(rows.get(code)?.meaning).toBe(meaning);
  });

  it('agrees with the HTTP and exit-code tables', async () => {
    const httpPath = new URL('../../src/server/http-errors.ts', import.meta.url);
    const exitPath = new URL('../../src/cli/exit-codes.ts', import.meta.url);
    expect(existsSync(httpPath) && existsSync(exitPath)).toBe(true);
    const { HTTP_STATUS } = (await import(httpPath.href)) as { HTTP_STATUS: Record<string, number> };
    const { EXIT_CODES } = (await import(exitPath.href)) as { EXIT_CODES: Record<string, number> };
    for (const [code, row] of rows) {
      expect({ code, http: HTTP_STATUS[code] }).toEqual({ code, http: row.http });
      expect({ code, exit: EXIT_CODES[code] }).toEqual({ code, exit: row.exit });
    }
  });

  it('every exit code it lists is asserted by at least one test (or a runnable docs line)', async () => {
    const { EXIT_CODES } = (await import(new URL('../../src/cli/exit-codes.ts', import.meta.url).href)) as {
      EXIT_CODES: Record<string, number>;
    };
    const root = new URL('../../', import.meta.url).pathname;
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.test.ts') || e.name.endsWith('.md') ? [join(dir, e.name)] : [],
      );
    const texts = [...walk(join(root, 'src')), ...walk(join(root, 'test')), ...walk(join(root, 'docs'))]
      .filter((f) => !f.endsWith('errors-doc.test.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const asserted = new Set<number>();
    for (const m of texts.matchAll(/EXIT_CODES\.([A-Z_]+)/g)) if (m[1] && m[1] in EXIT_CODES) asserted.add(EXIT_CODES[m[1]] as number);
    for (const m of texts.matchAll(/(?:code|exitCode|status)\)\.toBe\((\d+)\)|# exit (\d+)\s*$/gm)) asserted.add(Number(m[1] ?? m[2]));
    const documented = [...new Set([...rows.values()].map((r) => r.exit))].sort((a, b) => a - b);
    expect(documented.filter((n) => !asserted.has(n))).toEqual([]);
  });
});
