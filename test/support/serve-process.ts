/** `styrerom serve` as a real child process on port 0, for the crash and shutdown drills. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface ServedProcess {
  child: ChildProcess;
  /** The base URL once the server prints it ("http://127.0.0.1:<port>/"). */
  url: Promise<string>;
  /** The exit code (or null after a signal) once the process has ended. */
  exited: Promise<number | null>;
}

export function serve(dataDir: string, url: string): ServedProcess {
  const child = spawn(process.execPath, [join(ROOT, 'bin/styrerom.mjs'), 'serve', '--port', '0', '--database', url], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, STYREROM_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  let out = '';
  const address = new Promise<string>((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Styrerom kjører på (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) done(m[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', () => fail(new Error(`serve exited early: ${out}`)));
  });
  return { child, url: address, exited };
}
