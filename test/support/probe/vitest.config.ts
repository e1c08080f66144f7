import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: { include: ['test/support/probe/*.probe.ts'], setupFiles: ['test/support/setup.ts'], environment: 'node' },
});
