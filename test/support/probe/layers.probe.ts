/** Run only by test/layers.test.ts (through ./vitest.config.ts): one test per dialect and one per Chromium layer. */
import { expect, it } from 'vitest';
import { describeEachDialect } from '../databases.ts';
import { describeWithChromium } from '../layers.ts';

describeEachDialect('probe', (ctx) => {
  it('opens the database', async () => {
    expect(ctx.db).toBeDefined();
  });
});

describeWithChromium('probe browser', () => {
  it('has a Chromium', () => {
    expect(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium').toMatch(/chromium/);
  });
});
