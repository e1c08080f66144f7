/**
 * Everything a user sees is Norwegian: no English echo after a Norwegian message («Ukjent
 * kommando … (Unknown command)»). Scans every string literal in src/ (tests excepted) for a
 * parenthesised English phrase at its end. OpenAPI descriptions (developer-facing) are exempt.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;
const ECHO = / \(([A-Z][a-z]+(?: [a-zA-Z-]+)+)\)['`"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('user-facing language', () => {
  it('no message ends in an English echo in parentheses', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\bdescription:/.test(line)) return; // OpenAPI / developer descriptions
          for (const m of line.matchAll(ECHO)) found.push(`${relative(SRC, file)}:${i + 1}: (${m[1]})`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the check itself finds an echo', () => {
    expect('`Ukjent kommando «x» (Unknown command)`'.match(ECHO)).toHaveLength(1);
    expect("'Tilgjengelighet (AML)'".match(ECHO)).toBeNull();
  });
});
