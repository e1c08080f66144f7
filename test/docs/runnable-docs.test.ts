/**
 * The docs say what the code does: every fenced `sh` block in docs/ and the README that is marked
 * `<!-- runnable -->` on the line before it runs, line by line, against the demo organisation's
 * database, in-process through the real CLI (runCli), and must exit as documented: 0 unless the line
 * ends in `# exit N`. A line may start with `npx` and with `NAME=value` environment settings.
 * A successful command must print something. Lines run in order, one block after another, on one
 * database, so a block may build on the one before it (create a user, then list users).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { loadConfig } from '../../src/config.ts';
import { buildDemo } from '../../src/demo/demo.ts';
import { domains } from '../../src/domains.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

interface RunnableLine {
  file: string;
  line: number;
  text: string;
  env: Record<string, string>;
  args: string[];
  exit: number;
}

/** Splits a shell line into words, honouring single and double quotes; no expansion. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  let started = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += ch;
      started = true;
    }
  }
  if (quote) throw new Error(`unclosed quote in: ${text}`);
  if (started) words.push(word);
  return words;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

function runnableLines(path: string, text: string): RunnableLine[] {
  const lines = text.split('\n');
  const out: RunnableLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '<!-- runnable -->') continue;
    if (lines[i + 1]?.trim() !== '```sh') throw new Error(`${path}:${i + 1}: <!-- runnable --> must be followed by a \`\`\`sh block`);
    for (let j = i + 2; j < lines.length && lines[j]?.trim() !== '```'; j++) {
      const raw = lines[j] ?? '';
      if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
      const exitMatch = /#\s*exit\s+(\d+)\s*$/.exec(raw);
      const command = raw.replace(/\s#.*$/, '').trim();
      const words = shellWords(command);
      const env: Record<string, string> = {};
      while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
        const [name, ...value] = (words.shift() as string).split('=');
        env[name as string] = value.join('=');
      }
      if (words[0] === 'npx') words.shift();
      if (words[0] !== 'styrerom') throw new Error(`${path}:${j + 1}: a runnable line runs styrerom, not «${words[0]}»`);
      out.push({ file: relative(ROOT, path), line: j + 1, text: command, env, args: words.slice(1), exit: Number(exitMatch?.[1] ?? 0) });
    }
  }
  return out;
}

const files = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];
const runnable = files.flatMap((f) => runnableLines(f, readFileSync(f, 'utf8')));

describe('runnable docs: the parser', () => {
  it('splits quoted words, reads env settings, npx and the documented exit code', () => {
    const lines = runnableLines(
      'x.md',
      ['<!-- runnable -->', '```sh', `STYREROM_DEBUG=1 npx styrerom audit list --action 'login failure'   # exit 2`, '```'].join('\n'),
    );
    expect(lines).toEqual([
      {
        file: 'x.md',
        line: 3,
        text: "STYREROM_DEBUG=1 npx styrerom audit list --action 'login failure'",
        env: { STYREROM_DEBUG: '1' },
        args: ['audit', 'list', '--action', 'login failure'],
        exit: 2,
      },
    ]);
  });

  it('finds the runnable blocks of the docs (a test of nothing would pass too easily)', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(8);
    expect(new Set(runnable.map((r) => r.file)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('runnable docs: every marked command on the demo database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'styrerom-docs-'));
  const env = { STYREROM_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'demo.db')}`, CHROMIUM_PATH: '/usr/bin/chromium' };

  beforeAll(async () => {
    const config = loadConfig(env);
    const open = await buildDemo({ config, domains, database: env.DATABASE_URL, reset: true, log: () => {} });
    await open.close();
    // Files the documented commands read, as an operator would have them beside the database.
    writeFileSync(join(dir, 'kari.pw'), 'riktig-hest-batteri-stift\n');
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const r of runnable) {
    it(`${r.file}:${r.line}: ${r.text}`, async () => {
      let stdout = '';
      let stderr = '';
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        const code = await runCli(
          r.args,
          { env: { ...env, ...r.env }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
          domains,
        );
        expect({ exit: code, stderr: code === r.exit ? '' : stderr }).toEqual({ exit: r.exit, stderr: '' });
        if (r.exit === 0) expect(stdout.trim()).not.toBe('');
      } finally {
        process.chdir(cwd);
      }
    }, 120_000);
  }
});
