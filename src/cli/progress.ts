/** A progress bar on stderr for long imports (files over a few MB); silent when stderr is no TTY. */
import cliProgress from 'cli-progress';

export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(label: string, size: number): Progress {
  if (size < PROGRESS_MIN_BYTES) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage} %`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
