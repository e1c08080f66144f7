/**
 * Web load benchmark (prints figures; not a test). Run: `npx tsx bench/web-load/run.ts
 * [--connections 20] [--seconds 10]`.
 *
 * Builds the demo organisation into a temporary folder, publishes the report of the month before the
 * demo month (submit → approve → publish through the API, as an approver would), starts the real
 * server on port 0 in this process, signs in with an API token, and runs autocannon with N concurrent
 * connections against each path in turn, printing p50/p99 latency, requests/s and errors:
 *   /                                   the overview (KPI tiles of every domain)
 *   /api/kpis?period=<demo month>       the KPI API
 *   /rapport?period=<demo month>        the draft report in the app (from the report cache)
 *   /api/report/<month before>/publications/1/files/report.pdf   the published PDF (hash checked)
 * Targets (issue #16): p99 < 300 ms for pages and APIs, no error. The load generator runs in a worker
 * thread of this process (autocannon's `workers`), so its own work — autocannon joins every response
 * body into a string, 0,7 MB for the PDF — does not stall the server's event loop and count as server
 * latency. `--same-thread` runs it on the server's event loop instead (the pessimistic figures). It
 * keeps no response body (bench/web-load/discard-bodies.cjs): autocannon would decode each into a
 * string, which costs more than the server's answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pino from 'pino';
import { createToken } from '../../src/auth/tokens.queries.ts';
import { createUser } from '../../src/auth/users.queries.ts';
import { loadConfig } from '../../src/config.ts';
import { buildDemo, DEMO_PERIOD } from '../../src/demo/demo.ts';
import { domains } from '../../src/domains.ts';
import { buildApp } from '../../src/server/app.ts';
import { ROLES } from '../../src/shared/access.ts';
import { addMonths } from '../../src/shared/period.ts';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    'same-thread': { type: 'boolean', default: false },
  },
});
const connections = Number(values.connections);
const duration = Number(values.seconds);
const sameThread = values['same-thread'];
const DISCARD_BODIES = fileURLToPath(new URL('./discard-bodies.cjs', import.meta.url));
const discardBodies = createRequire(import.meta.url)(DISCARD_BODIES) as (client: autocannon.Client) => void;
const dir = mkdtempSync(join(tmpdir(), 'styrerom-bench-web-'));
const config = loadConfig({ ...process.env, STYREROM_DATA_DIR: dir, LOG_LEVEL: 'silent' });

let t = performance.now();
const open = await buildDemo({ config, domains, database: undefined, reset: false, log: () => {} });
console.log(`demo data:  built in ${((performance.now() - t) / 1000).toFixed(1)} s (not part of the figures below)`);
const app = await buildApp({ config, db: open.db, domains, logger: pino({ level: 'silent' }) });
try {
  const userId = await createUser(open.db, { email: 'last@bench.example', roles: [...ROLES], now: new Date() });
  const { token } = await createToken(open.db, { userId, name: 'bench', now: new Date() });
  const headers = { authorization: `Bearer ${token}` };
  const base = await app.listen({ host: '127.0.0.1', port: 0 });

  const published = addMonths(DEMO_PERIOD, -1);
  t = performance.now();
  for (const action of ['submit', 'approve', 'publish']) {
    const r = await fetch(`${base}/api/report/${published}/actions/${action}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    if (!r.ok) throw new Error(`${action} ${published}: HTTP ${r.status} ${await r.text()}`);
  }
  console.log(`published:  ${published} in ${((performance.now() - t) / 1000).toFixed(1)} s (not part of the figures below)`);

  const paths = [
    '/',
    `/api/kpis?period=${DEMO_PERIOD}`,
    `/rapport?period=${DEMO_PERIOD}`,
    `/api/report/${published}/publications/1/files/report.pdf`,
  ];
  console.log(
    `load:       ${connections} concurrent connections, ${duration} s per path, after one warm-up request each; ` +
      `load generator ${sameThread ? "on the server's event loop" : 'in a worker thread'}`,
  );
  let failed = false;
  for (const path of paths) {
    const warm = await fetch(`${base}${path}`, { headers });
    if (!warm.ok) throw new Error(`${path}: HTTP ${warm.status}`);
    await warm.arrayBuffer();
    const result = await autocannon({
      url: `${base}${path}`,
      connections,
      duration,
      headers,
      workers: sameThread ? 0 : 1,
      // The generator counts the bytes of each answer but keeps no body (discard-bodies.cjs says why).
      // In workers mode autocannon takes the function as a file to require; its types only know functions.
      setupClient: sameThread ? discardBodies : (DISCARD_BODIES as unknown as typeof discardBodies),
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    const p99 = result.latency.p99;
    if (errors > 0 || p99 >= 300) failed = true;
    console.log(
      `${path.padEnd(58)} p50 ${String(result.latency.p50).padStart(4)} ms  p99 ${String(p99).padStart(4)} ms  ` +
        `${Math.round(result.requests.average)} req/s  ${errors} errors  ${p99 < 300 && errors === 0 ? 'OK' : 'OVER TARGET'}`,
    );
  }
  console.log(`peak RSS:   ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (server and load generator in one process)`);
  console.log(failed ? 'result:     a target is NOT met' : 'result:     every target met (p99 < 300 ms, no error)');
} finally {
  await app.close();
  await open.close();
  rmSync(dir, { recursive: true, force: true });
}
