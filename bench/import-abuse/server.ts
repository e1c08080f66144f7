/**
 * The server under attack, in its own process so its peak RSS is its own: opens the demo database
 * built by run.ts (STYREROM_DATA_DIR), starts the real server (startServer) on a free port, creates
 * an API token with every role, and tells the parent { url, token }. On 'stop' it answers with its
 * peak RSS (bytes) and exits.
 */
import { pino } from 'pino';
import { createToken } from '../../src/auth/tokens.queries.ts';
import { createUser } from '../../src/auth/users.queries.ts';
import { loadConfig } from '../../src/config.ts';
import { domains } from '../../src/domains.ts';
import { startServer } from '../../src/server/main.ts';
import { ROLES } from '../../src/shared/access.ts';
import { openDatabase } from '../../src/storage/db.ts';

const config = loadConfig({ ...process.env, PORT: '0' });
const open = openDatabase(config.databaseUrl, { busyTimeoutMs: config.sqliteBusyTimeoutMs });
const server = await startServer({ config, open, domains, logger: pino({ level: 'silent' }), handleSignals: false });
const userId = await createUser(open.db, { email: `bench-${process.pid}@bench.example`, roles: [...ROLES], now: new Date() });
const { token } = await createToken(open.db, { userId, name: 'bench', now: new Date() });
process.send?.({ url: server.url, token, rss: process.memoryUsage().rss });
process.on('message', async (msg) => {
  if (msg !== 'stop') return;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  await server.close();
  process.send?.({ peakRss }, () => process.exit(0));
});
