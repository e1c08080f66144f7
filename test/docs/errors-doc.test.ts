import { existsSync, readFileSync } from 'node:fs';
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
});
