/**
 * Import abuse benchmark (issue 16 item 1; prints figures, not a test). Run:
 *   npx tsx bench/import-abuse/run.ts
 *
 * Builds the demo organisation into a temporary folder, starts the real server on it in a child
 * process (server.ts), and then, while GET /health is asked every 100 ms:
 *  1. posts a row-bomb XLSX (~0.5 MB; its sheet declares a million rows) three times at once to
 *     POST /api/imports/trial-balance;
 *  2. posts a 200 MB CSV that is one single line.
 * It prints each answer (status and reason), the server's peak RSS and the slowest /health answer.
 * Targets: peak RSS < 400 MB, /health always within 1 s, every upload refused with its reason.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { buildDemo } from '../../src/demo/demo.ts';
import { domains } from '../../src/domains.ts';
import { zipFile } from '../../test/support/zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'styrerom-bench-abuse-'));
const env = { ...process.env, STYREROM_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'demo.db')}` };

function rowBomb(path: string): void {
  const header =
    '<row r="1"><c t="inlineStr"><is><t>year</t></is></c><c t="inlineStr"><is><t>month</t></is></c><c t="inlineStr"><is><t>account</t></is></c><c t="inlineStr"><is><t>amount</t></is></c></row>';
  const row = '<row><c><v>2025</v></c><c><v>1</v></c><c><v>3000</v></c><c><v>1</v></c><c><v>1</v></c><c><v>1</v></c><c><v>1</v></c></row>';
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:G1000001"/><sheetData>${header}${row.repeat(1_000_000)}</sheetData></worksheet>`;
  const workbook =
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const rels =
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
  writeFileSync(
    path,
    zipFile([
      { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
    ]),
  );
}

async function oneLineCsv(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  for (let done = 0; done < bytes; done += chunk.length) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function post(
  base: string,
  token: string,
  kind: string,
  path: string,
  fileName: string,
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(`/api/imports/${kind}?fileName=${encodeURIComponent(fileName)}`, base),
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': statSync(path).size },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    createReadStream(path).pipe(req);
  });
}

function reason(body: string): string {
  try {
    const error = JSON.parse(body).error;
    return error.problems?.[0]?.message ?? error.message;
  } catch {
    return body.slice(0, 120);
  }
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

const config = loadConfig(env);
const demo = await buildDemo({ config, domains, database: undefined, reset: false, log: () => {} });
await demo.close();
const bomb = join(dir, 'row-bomb.xlsx');
rowBomb(bomb);
const csv = join(dir, 'one-line.csv');
await oneLineCsv(csv, 200 * 1024 * 1024);
console.log(
  `files:      row-bomb.xlsx ${(statSync(bomb).size / 1024).toFixed(0)} KB (1 000 000 rows declared), one-line.csv ${mb(statSync(csv).size)}`,
);

const child = fork(join(import.meta.dirname, 'server.ts'), {
  env,
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const [{ url, token, rss }] = (await once(child, 'message')) as [{ url: string; token: string; rss: number }];
console.log(`server:     RSS ${mb(rss)} when ready`);

let slowestHealth = 0;
let healthChecks = 0;
let healthFailures = 0;
let polling = true;
let phase = 'idle';
const slow: string[] = [];
const poller = (async () => {
  while (polling) {
    const t = performance.now();
    try {
      const res = await fetch(new URL('/health', url));
      if (res.status !== 200) healthFailures++;
      await res.arrayBuffer();
    } catch {
      healthFailures++;
    }
    const ms = performance.now() - t;
    if (ms > 250) slow.push(`${ms.toFixed(0)} ms (${phase})`);
    slowestHealth = Math.max(slowestHealth, ms);
    healthChecks++;
    await new Promise((r) => setTimeout(r, 100));
  }
})();

try {
  await new Promise((r) => setTimeout(r, 1000));
  phase = 'row bombs';
  const bombs = await Promise.all([1, 2, 3].map((i) => post(url, token, 'trial-balance', bomb, `row-bomb-${i}.xlsx`)));
  for (const [i, r] of bombs.entries()) console.log(`row bomb ${i + 1}: ${r.status} in ${(r.ms / 1000).toFixed(2)} s: ${reason(r.body)}`);
  phase = 'one-line CSV';
  const line = await post(url, token, 'trial-balance', csv, 'one-line.csv');
  console.log(`one-line CSV: ${line.status} in ${(line.ms / 1000).toFixed(2)} s: ${reason(line.body)}`);
} finally {
  polling = false;
  await poller;
  child.send('stop');
  const [{ peakRss }] = (await once(child, 'message')) as [{ peakRss: number }];
  console.log(`server:     peak RSS ${mb(peakRss)} (target < 400 MB)`);
  console.log(`/health:    slowest ${slowestHealth.toFixed(0)} ms of ${healthChecks} checks, ${healthFailures} not 200 (target < 1000 ms)`);
  if (slow.length > 0) console.log(`            answers over 250 ms: ${slow.join(', ')}`);
  rmSync(dir, { recursive: true, force: true });
}
