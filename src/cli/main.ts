/** Composition root of the CLI (bin/styrerom.mjs imports this). */
import { domains } from '../domains.ts';
import { runCli } from './run.ts';

process.exitCode = await runCli(
  process.argv.slice(2),
  { env: process.env, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
  domains,
);
