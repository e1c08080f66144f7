/** Composition root of the CLI (bin/styrerom.mjs imports this). */
import { domains } from '../domains.ts';
import { runCli } from './run.ts';

// `styrerom narrative list | head -1`: the reader went away; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await runCli(
  process.argv.slice(2),
  { env: process.env, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
  domains,
);
