/** WCAG 2.1 relative luminance and contrast ratio, for the tests that check colours. */

export type Rgb = readonly [number, number, number];

/** "#1f4e79", "#fff", "rgb(31, 78, 121)" or "rgba(…, 1)" → [r, g, b] (0–255); alpha below 1 is refused. */
export function parseCssColour(colour: string): Rgb {
  const c = colour.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex;
    return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const m = /^rgba?\(([^)]+)\)$/.exec(c);
  if (m?.[1]) {
    const parts = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    if (parts.length === 4 && parts[3] !== 1) throw new Error(`Colour ${colour} is not opaque`);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
  }
  if (c === 'white') return [255, 255, 255];
  if (c === 'black') return [0, 0, 0];
  throw new Error(`Unknown colour ${colour}`);
}

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
