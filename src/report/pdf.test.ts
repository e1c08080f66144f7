import { describe, expect, it } from 'vitest';
import { itWithChromium } from '../../test/support/layers.ts';
import { pdfToolsMissing } from './pdf.ts';

describe('pdfToolsMissing(chromiumPath)', () => {
  itWithChromium('is silent when Chromium and pdfinfo are installed', async () => {
    expect(await pdfToolsMissing('/usr/bin/chromium')).toBeUndefined();
  });

  it('names a missing Chromium and how to install it, so the demo can fall back to HTML', async () => {
    const why = await pdfToolsMissing('/nonexistent/chromium');
    expect(why).toContain('Chromium (/nonexistent/chromium) mangler');
    expect(why).toContain('apt-get install -y chromium poppler-utils');
  });
});
