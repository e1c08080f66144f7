// A skipped or todo test is never counted as passing: this fails the run if vitest reports any,
// or if no test ran at all, and prints the plain closing line "N passed, N failed".
import { readFileSync } from 'node:fs';

const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const passed = r.numPassedTests ?? 0;
const failed = r.numFailedTests ?? 0;
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
if (skipped > 0) {
  const names = r.testResults.flatMap((f) =>
    f.assertionResults
      .filter((a) => a.status === 'pending' || a.status === 'todo' || a.status === 'skipped')
      .map((a) => `${f.name}: ${a.fullName}`),
  );
  console.error(`${skipped} skipped/todo test(s) — not allowed:\n${names.join('\n')}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || skipped > 0 || passed === 0 || !r.success ? 1 : 0);
