import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { DEFAULT_TEMPLATE } from './template.default.ts';
import { flattenSections, parseTemplate, parseTemplateJson } from './template.ts';

describe('the default template', () => {
  it('has the six sections of the spec, in order, with Norwegian titles', () => {
    expect(DEFAULT_TEMPLATE.sections.map((s) => s.title)).toEqual([
      'Ledelsens gjennomgang virksomhetsrisiko',
      'Økonomi',
      'Organisatoriske forhold',
      'Kunder og marked',
      'Rapportering per tjeneste',
      'Prosjekter',
    ]);
  });

  it('is a valid template with unique section ids', () => {
    expect(parseTemplate(structuredClone(DEFAULT_TEMPLATE), 'default')).toEqual(DEFAULT_TEMPLATE);
    const ids = flattenSections(DEFAULT_TEMPLATE.sections).map((s) => s.section.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('places the restatement blocks (first reported vs corrected)', () => {
    const blocks = flattenSections(DEFAULT_TEMPLATE.sections).flatMap((s) => s.section.blocks ?? []);
    expect(blocks).toEqual(expect.arrayContaining(['aml-restatement', 'sick-leave-restatement', 'finance-restatement']));
  });
});

describe('parseTemplate', () => {
  function problems(value: unknown): string[] {
    try {
      parseTemplate(value, 'mal.json');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      return (err as AppError).problems.map((p) => p.message);
    }
    return [];
  }

  it('lists every problem with its path', () => {
    expect(
      problems({
        title: 'R',
        sections: [
          { id: 'a', title: 'A', blocks: ['x y'] },
          { id: 'a', title: '' },
          { id: 'B', title: 'B', narrative: 'sometimes' },
        ],
      }),
    ).toEqual([
      'sections[0]: blocks må være en liste med blokk-id-er',
      'sections[1]: id «a» er brukt før',
      'sections[1]: mangler tittel',
      'sections[2]: ugyldig id «B»',
      'sections[2]: narrative må være before, after eller none',
    ]);
  });

  it('checks the footer line and the logo', () => {
    const sections = [{ id: 'a', title: 'A' }];
    expect(problems({ title: 'R', headerLine: 'Vedlegg 1 sak 20-2025', logo: 'data:image/svg+xml;base64,PHN2Zy8+', sections })).toEqual([]);
    expect(problems({ title: 'R', headerLine: 'a\nb', logo: 'https://example.org/logo.png', sections })).toEqual([
      'headerLine: topptekstlinjen kan ikke ha linjeskift eller kontrolltegn',
      'logo må være en data-URL (data:image/png, image/jpeg eller image/svg+xml;base64,…) på høyst 300 kB',
    ]);
    expect(problems({ title: 'R', headerLine: 'x'.repeat(121), sections })).toEqual(['headerLine: topptekstlinjen kan ha høyst 120 tegn']);
  });

  it('rejects more than three levels', () => {
    const deep = {
      id: 'a',
      title: 'A',
      sections: [{ id: 'b', title: 'B', sections: [{ id: 'c', title: 'C', sections: [{ id: 'd', title: 'D' }] }] }],
    };
    expect(problems({ title: 'R', sections: [deep] })).toEqual(['sections[0].sections[0].sections[0]: maks 3 nivåer']);
  });

  it('reports invalid JSON with the file name', () => {
    expect(() => parseTemplateJson('{ nope', 'org.json')).toThrow(/org\.json er ikke gyldig JSON/);
  });
});
