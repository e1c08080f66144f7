/**
 * What the import benchmarks (bench/saf-t, bench/queue-log) share: timing a phase (wall and CPU
 * time), running each phase in its own child process (so its peak RSS is its own), interleaved
 * bare/import pairs whose median ratio is the figure, and replacing a section of
 * docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What one phase reports from its child process. */
export interface PhaseResult {
  phase: string;
  seconds: number;
  /** User + system CPU time of the process (all its threads). */
  cpuSeconds: number;
  peakRssMb: number;
  [extra: string]: unknown;
}

export const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Wall-clock and CPU seconds of fn. */
export async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(c);
  return { value, seconds: (performance.now() - t) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Prints a phase's result as the last line of the child's output (read by runChild). */
export function reportPhase(result: PhaseResult): void {
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMb: peakRssMb() })}\n`);
}

/** Runs `script --phase <phase> --file <file>` in a child process (through tsx) and returns its result. */
export function runChild<R extends PhaseResult>(script: string, phase: string, file: string): R {
  const text = execFileSync(process.execPath, ['--import', 'tsx', script, '--phase', phase, '--file', file], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(text.trim().split('\n').pop() ?? '{}') as R;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Pair<B extends PhaseResult, I extends PhaseResult> {
  bare: B;
  imp: I;
  /** bare seconds / import seconds (wall). */
  ratio: number;
}

/**
 * `runs` (at least 3) pairs of a bare phase then an import phase, back to back so both see the same
 * machine load; `onPair` prints each. The median ratio of the pairs is the figure: one lucky or
 * unlucky run does not decide it.
 */
export function interleavedPairs<B extends PhaseResult, I extends PhaseResult>(
  script: string,
  file: string,
  phases: { bare: string; imp: string; runs: number },
  onPair: (pair: Pair<B, I>, index: number) => void,
): { pairs: Pair<B, I>[]; medianRatio: number; medianPair: Pair<B, I> } {
  const pairs: Pair<B, I>[] = [];
  for (let i = 0; i < Math.max(3, phases.runs); i++) {
    const bare = runChild<B>(script, phases.bare, file);
    const imp = runChild<I>(script, phases.imp, file);
    const pair = { bare, imp, ratio: bare.seconds / imp.seconds };
    onPair(pair, i);
    pairs.push(pair);
  }
  const sorted = [...pairs].sort((a, b) => a.ratio - b.ratio);
  return { pairs, medianRatio: median(pairs.map((p) => p.ratio)), medianPair: sorted[Math.floor(sorted.length / 2)] as Pair<B, I> };
}

/** The 1-minute load average (what else ran on the machine), for the record. */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?';
  } catch {
    return '?';
  }
}

/** Replaces (or appends) the section starting with `heading` in docs/performance.md. */
export function writeDocsSection(heading: string, text: string): void {
  const path = join(ROOT, 'docs/performance.md');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n\nMeasured figures, one section per benchmark.\n';
  const start = current.indexOf(heading);
  let next: string;
  if (start < 0) next = `${current.trimEnd()}\n\n${text}`;
  else {
    const after = current.indexOf('\n## ', start + 3);
    next = `${current.slice(0, start)}${text}${after < 0 ? '' : `\n${current.slice(after + 1)}`}`;
  }
  writeFileSync(path, next.endsWith('\n') ? next.replace(/\n+$/, '\n') : `${next}\n`);
}
