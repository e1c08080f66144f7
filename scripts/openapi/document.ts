/**
 * Writes the served OpenAPI document (GET /api/docs/json of an app on an empty in-memory database,
 * every domain registered) to a file: the input of the Redocly lint and of openapi-typescript.
 *
 *   node --import tsx scripts/openapi/document.ts .tmp/openapi.json
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.ts';
import { domains } from '../../src/domains.ts';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/storage/db.ts';

const out = process.argv[2] ?? '.tmp/openapi.json';
const open = openDatabase('sqlite::memory:');
const app = await buildApp({ config: loadConfig({}), db: open.db, domains, logger: pino({ level: 'silent' }) });
await app.ready();
const doc = app.swagger();
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(doc, null, 2)}\n`);
await app.close();
await open.close();
