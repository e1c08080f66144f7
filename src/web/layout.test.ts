import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { DomainModule } from '../module.ts';
import type { Db } from '../storage/db.ts';
import { html } from './html.ts';
import { navItems, page } from './layout.ts';
import { pickerMonths } from './period-picker.ts';

const domains: DomainModule[] = [
  { id: 'b', nav: [{ path: '/okonomi', label: 'Økonomi', order: 20 }] },
  { id: 'a', nav: [{ path: '/risiko', label: 'Risiko', order: 10 }] },
];
const deps = { config: loadConfig({ STYREROM_ORG_NAME: 'HDO <demo>' }), db: {} as Db, domains };

describe('navItems()', () => {
  it('is Oversikt, then every domain item by order, then Importer', () => {
    expect(navItems({ domains }).map((n) => n.label)).toEqual(['Oversikt', 'Risiko', 'Økonomi', 'Importer']);
  });
});

describe('page()', () => {
  const doc = page(deps, { title: 'Risiko', period: '2025-05', activePath: '/risiko/OR-631', body: html`<p>innhold</p>` });

  it('is a complete Norwegian document with the organisation name escaped', () => {
    expect(doc.startsWith('<!doctype html>\n<html lang="nb">')).toBe(true);
    expect(doc).toContain('HDO &lt;demo&gt;');
    expect(doc).toContain('<title>Risiko – mai 2025 – HDO &lt;demo&gt;</title>');
    expect(doc).toContain('<p>innhold</p>');
  });

  it('marks the section of the active path and submits the period picker to that path', () => {
    expect(doc).toContain('<a href="/risiko?period=2025-05" aria-current="page">Risiko</a>');
    expect(doc).toContain('<a href="/?period=2025-05">Oversikt</a>');
    expect(doc).toContain('action="/risiko/OR-631"');
  });
});

describe('pickerMonths(selected, latest)', () => {
  it('offers the last 37 months newest first, plus a selected month outside them', () => {
    const months = pickerMonths('2019-01', '2025-11');
    expect(months[0]).toBe('2025-11');
    expect(months).toHaveLength(38);
    expect(months.at(-1)).toBe('2019-01');
  });
});
