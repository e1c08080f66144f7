import { describe, expect, it } from 'vitest';
import { type LiveValue, liveValueIds, type NarrativeContext, type RefTarget, renderNarrative } from './narrative.ts';

const refs = new Map<string, RefTarget>([
  ['fig:aml-trend', { kind: 'fig', id: 'aml-trend', label: 'Figur 3', anchor: 'fig-aml-trend' }],
  ['tab:finance-result', { kind: 'tab', id: 'finance-result', label: 'Tabell 1', anchor: 'tab-finance-result' }],
]);
const values = new Map<string, LiveValue>([
  ['workforce.sickLeave.total', { value: 2.3456, unit: 'percent', decimals: 2 }],
  ['finance.deviation', { value: -4.37, unit: 'MNOK', decimals: 1 }],
  ['servicedesk.calls', { value: 12345, unit: 'count', decimals: 0 }],
  ['finance.missing', { value: null, unit: 'MNOK', decimals: 1 }],
  ['workforce.aml.month', { value: 9, unit: 'count', decimals: 0, target: { op: '<', value: 8 } }],
  ['workforce.aml.april', { value: 9, unit: 'count', decimals: 0, target: { op: '<', value: 8 } }],
  ['service.answerRate', { value: 91.2, unit: 'percent', decimals: 1, target: { op: '>=', value: 80 } }],
  ['edge.rounded', { value: 4.996, unit: 'percent', decimals: 2, target: { op: '<', value: 5 } }],
]);
const ctx: NarrativeContext = { sectionId: 'finance.result', sectionLabel: '2.1 Resultat', headingLevel: 3, refs, values };

const render = (md: string) => renderNarrative(md, ctx);

describe('renderNarrative: live values', () => {
  it('replaces {{ kpi.<id> }} with the nb-NO formatted value', () => {
    const r = render('Sykefraværet var {{ kpi.workforce.sickLeave.total }} i mai.');
    expect(r.html.value).toBe('<p>Sykefraværet var 2,35\u00a0% i mai.</p>');
    expect(r.problems).toEqual([]);
    expect(r.liveValues).toEqual([
      { kpiId: 'workforce.sickLeave.total', label: 'workforce.sickLeave.total', filter: null, value: 2.3456, text: '2,35\u00a0%' },
    ]);
  });

  it('formats with | abs (no sign) and | number (no unit), thousands with a no-break space', () => {
    const r = render('{{kpi.finance.deviation}} / {{ kpi.finance.deviation | abs }} / {{ kpi.servicedesk.calls | number }}');
    expect(r.html.value).toBe('<p>\u22124,4\u00a0MNOK / 4,4\u00a0MNOK / 12\u00a0345</p>');
  });

  it('reports an unknown live value with section, reference and line', () => {
    const r = render('Første linje\n\nVerdien er {{ kpi.nope.total }}.');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'tekst:finance.result', line: 3, severity: 'error' });
    expect(r.problems[0]?.message).toBe(
      'Seksjon «2.1 Resultat» (finance.result): nøkkeltallet kpi.nope.total i {{ kpi.nope.total }} finnes ikke',
    );
  });

  it('reports a live value that cannot be computed (no data)', () => {
    const r = render('{{ kpi.finance.missing }}');
    expect(r.problems[0]?.message).toContain('kpi.finance.missing');
    expect(r.problems[0]?.message).toContain('kan ikke beregnes');
  });

  it('reports an expression that is not a live value, and an unknown filter', () => {
    const r = render('{{ foo }} {{ kpi.finance.deviation | round }}');
    expect(r.problems.map((p) => p.message)).toEqual([
      'Seksjon «2.1 Resultat» (finance.result): ukjent uttrykk {{ foo }}; bruk {{ kpi.<id> }} eller {{ compare kpi.<id> target }}',
      'Seksjon «2.1 Resultat» (finance.result): ukjent filter «round» i {{ kpi.finance.deviation | round }} (bruk abs, number, target eller targetvalue)',
    ]);
  });

  it('lists the KPI ids a text uses, comparisons included', () => {
    expect(liveValueIds('{{ kpi.a.b }} {{kpi.c | abs}} {{ kpi.a.b }} {{ x }}')).toEqual(['a.b', 'c']);
    expect(liveValueIds('{{ compare kpi.d target }} {{ compare kpi.e kpi.f | enn }}')).toEqual(['d', 'e', 'f']);
  });

  it('shows a KPI’s target with | target, with only the decimals the target has', () => {
    const r = render('Indikatoren er {{ kpi.workforce.sickLeave.total | target }}?');
    expect(r.problems.map((p) => p.message)).toEqual([
      'Seksjon «2.1 Resultat» (finance.result): nøkkeltallet kpi.workforce.sickLeave.total i {{ kpi.workforce.sickLeave.total | target }} har ingen indikator (mål)',
    ]);
    expect(render('{{ kpi.workforce.aml.month | target }} og {{ kpi.service.answerRate | target }}').html.value).toBe(
      '<p>&lt; 8\u00a0stk. og ≥ 80\u00a0%</p>',
    );
    expect(render('minst {{ kpi.service.answerRate | targetvalue }}').html.value).toBe('<p>minst 80\u00a0%</p>');
  });
});

describe('renderNarrative: live comparisons', () => {
  it('says under/over the target from the data, so the text cannot contradict the figure', () => {
    const r = render('{{ kpi.workforce.aml.month | number }} brudd, {{ compare kpi.workforce.aml.month target }} indikatoren.');
    expect(r.html.value).toBe('<p>9 brudd, over indikatoren.</p>');
    expect(r.liveValues[1]).toEqual({
      kpiId: 'workforce.aml.month',
      label: 'workforce.aml.month sammenlignet med indikatoren',
      filter: 'compare target',
      value: 9,
      text: 'over',
    });
    expect(render('{{ compare kpi.service.answerRate target }}').html.value).toBe('<p>over</p>');
  });

  it('has the forms "lavere enn"/"høyere enn"/"lik" and "innenfor"/"utenfor" (whichever way the target points)', () => {
    expect(render('{{ compare kpi.workforce.aml.month target | enn }}').html.value).toBe('<p>høyere enn</p>');
    expect(render('{{ compare kpi.workforce.aml.month target | innenfor }}').html.value).toBe('<p>utenfor</p>');
    expect(render('{{ compare kpi.service.answerRate target | innenfor }}').html.value).toBe('<p>innenfor</p>');
    expect(render('{{ compare kpi.workforce.aml.month kpi.workforce.aml.april | enn }}').html.value).toBe('<p>lik</p>');
    expect(render('{{ compare kpi.workforce.aml.month kpi.workforce.aml.april }}').html.value).toBe('<p>på</p>');
  });

  it('compares the value as shown: 4,996 % printed as "5,00 %" is not under a target of 5 %', () => {
    expect(render('{{ kpi.edge.rounded }} er {{ compare kpi.edge.rounded target }}').html.value).toBe('<p>5,00\u00a0% er på</p>');
    expect(render('{{ compare kpi.edge.rounded target | innenfor }}').html.value).toBe('<p>utenfor</p>');
  });

  it('reports a KPI without target, an unknown KPI, missing data and an unknown form', () => {
    const r = render(
      '{{ compare kpi.finance.deviation target }}\n{{ compare kpi.nope target }}\n{{ compare kpi.finance.missing target }}\n{{ compare kpi.workforce.aml.month target | mindre }}',
    );
    expect(r.problems.map((p) => [p.line, p.message.replace(/^.*?\): /, '')])).toEqual([
      [1, 'nøkkeltallet kpi.finance.deviation i {{ compare kpi.finance.deviation target }} har ingen indikator (mål) å sammenligne med'],
      [2, 'nøkkeltallet kpi.nope i {{ compare kpi.nope target }} finnes ikke'],
      [3, 'nøkkeltallet kpi.finance.missing i {{ compare kpi.finance.missing target }} kan ikke beregnes (ingen data)'],
      [4, 'ukjent form «mindre» i {{ compare kpi.workforce.aml.month target | mindre }} (bruk under, enn, innenfor)'],
    ]);
  });
});

describe('renderNarrative: cross-references', () => {
  it('turns [@fig:…] and [@tab:…] into numbered links', () => {
    const r = render('Se [@fig:aml-trend] og [@tab:finance-result].');
    expect(r.html.value).toBe(
      '<p>Se <a class="xref" href="#fig-aml-trend" title="Figur 3">Figur 3</a> og <a class="xref" href="#tab-finance-result" title="Tabell 1">Tabell 1</a>.</p>',
    );
  });

  it('fails a reference to a figure that is not in the report, naming section and reference', () => {
    const r = render('Se [@fig:servicedesk-volume].');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.message).toBe(
      'Seksjon «2.1 Resultat» (finance.result): kryssreferansen [@fig:servicedesk-volume] peker ikke på noen figur i rapporten',
    );
  });

  it('fails a malformed reference instead of printing it', () => {
    const r = render('Se [@figur:3] og [@tab:].');
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]?.message).toContain('ugyldig kryssreferanse [@figur:3]');
  });

  it('never produces the "Feil! Fant ikke referansekilden." text', () => {
    expect(render('[@fig:nope]').html.value).not.toContain('Feil!');
  });
});

describe('renderNarrative: Markdown and sanitising', () => {
  it('renders Markdown lists, emphasis and tables', () => {
    const r = render('- **fet**\n- *kursiv*\n\n| a | b |\n|---|--:|\n| 1 | 2 |');
    expect(r.html.value).toContain('<li><strong>fet</strong></li>');
    expect(r.html.value).toContain('<em>kursiv</em>');
    expect(r.html.value).toContain('<td align="right">2</td>');
  });

  it("puts the text's headings just below the section heading, keeping their steps", () => {
    expect(render('# A\n\n## B').html.value).toBe('<h4>A</h4>\n<h5>B</h5>');
    expect(render('#### A\n\n##### B').html.value).toBe('<h4>A</h4>\n<h5>B</h5>');
    expect(renderNarrative('## a\n\n##### deep', { ...ctx, headingLevel: 4 }).html.value).toBe('<h5>a</h5>\n<h6>deep</h6>');
  });

  const hostile: [string, string][] = [
    ['script tag', '<script>alert(1)</script>'],
    ['inline script in a paragraph', 'tekst <script>alert(1)</script> mer'],
    ['event handler on an image', '<img src=x onerror="alert(1)">'],
    ['event handler on a link', '<a href="https://x.no" onclick="alert(1)">x</a>'],
    ['javascript: link in Markdown', '[klikk](javascript:alert(1))'],
    ['javascript: link with entities', '[klikk](jav&#x09;ascript:alert(1))'],
    ['data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['style element', '<style>body{display:none}</style>'],
    ['svg with onload', '<svg onload="alert(1)"></svg>'],
    ['form', '<form action="https://evil.example"><input name=x></form>'],
    ['Markdown image with javascript:', '![x](javascript:alert(1))'],
  ];
  for (const [name, md] of hostile) {
    it(`neutralises ${name}`, () => {
      const out = render(md).html.value;
      // Escaped text (&lt;script&gt;) is harmless; only real tags are checked.
      const tags = out.match(/<[a-z][^>]*>/gi) ?? [];
      for (const tag of tags) {
        expect(tag).toMatch(/^<(p|a|em|strong|br)[\s>]/);
        expect(tag).not.toMatch(/\son\w+\s*=/i);
        expect(tag).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
      }
    });
  }

  it('shows raw HTML as the text the author typed', () => {
    expect(render('<b>fet</b>').html.value).toBe('<p>&lt;b&gt;fet&lt;/b&gt;</p>');
  });

  it('keeps ordinary https and mailto links', () => {
    expect(render('[HDO](https://example.no/a?b=1) [e-post](mailto:post@example.no)').html.value).toBe(
      '<p><a href="https://example.no/a?b=1">HDO</a> <a href="mailto:post@example.no">e-post</a></p>',
    );
  });
});

describe('renderNarrative: every Markdown element the allow-list keeps', () => {
  const top = (md: string) => renderNarrative(md, { ...ctx, headingLevel: 2 }).html.value;

  it('keeps line breaks, strike-through, code, quotes, code blocks and rules', () => {
    expect(render('a  \nb ~~c~~ `d`').html.value).toBe('<p>a<br />b <del>c</del> <code>d</code></p>');
    expect(render('> q\n\n```\npre\n```\n\n---').html.value).toBe(
      '<blockquote>\n<p>q</p>\n</blockquote>\n<pre><code>pre\n</code></pre>\n<hr />',
    );
  });

  it('keeps a numbered list’s start and a table’s alignment', () => {
    expect(render('3. x\n4. y').html.value).toBe('<ol start="3">\n<li>x</li>\n<li>y</li>\n</ol>');
    expect(render('| a | b |\n|:-|--:|\n| 1 | 2 |').html.value).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n<tbody><tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody></table>',
    );
  });

  it('puts the highest heading just below a top-level section (h3) and caps deeper ones at h6', () => {
    expect(top('# A\n\n###### F')).toBe('<h3>A</h3>\n<h6>F</h6>');
    expect(top('### A\n\n#### B')).toBe('<h3>A</h3>\n<h4>B</h4>');
  });

  it('keeps http links and drops protocol-relative and other schemes', () => {
    expect(render('[h](http://x.no) [p](//evil.example/x) [f](ftp://x.no)').html.value).toBe(
      '<p><a href="http://x.no">h</a> <a>p</a> <a>f</a></p>',
    );
  });

  it('shows a target with the decimals it has, at most four', () => {
    const v = new Map<string, LiveValue>([
      ['a', { value: 99.64, unit: 'percent', decimals: 1, target: { op: '>=', value: 99.5 } }],
      ['b', { value: 1, unit: 'number', decimals: 0, target: { op: '<', value: 0.123456 } }],
      ['c', { value: 1, unit: 'number', decimals: 0, target: { op: '<', value: 5 } }],
    ]);
    const out = (md: string) => renderNarrative(md, { ...ctx, values: v }).html.value;
    expect(out('{{ kpi.a | target }} {{ kpi.a | targetvalue }}')).toBe('<p>≥ 99,5\u00a0% 99,5\u00a0%</p>');
    expect(out('{{ kpi.b | target }} {{ kpi.b | targetvalue }}')).toBe('<p>&lt; 0,1235 0,1235</p>');
    expect(out('{{ kpi.c | target }}')).toBe('<p>&lt; 5</p>');
  });
});

describe('renderNarrative: what it records and reports, exactly', () => {
  const v = new Map<string, LiveValue>([
    ['low', { label: 'Lav', value: 3, unit: 'count', decimals: 0, source: 'Kari', target: { op: '<=', value: 4 } }],
    ['high', { label: 'Høy', value: 7, unit: 'count', decimals: 0 }],
    ['bare', { value: 5, unit: 'count', decimals: 0 }],
    ['none', { value: null, unit: 'count', decimals: 0 }],
  ]);
  const out = (md: string) => renderNarrative(md, { ...ctx, values: v });

  it('says under / lavere enn when the value is below, naming the other KPI by label or id', () => {
    const r = out('{{ compare kpi.low kpi.high }} {{ compare kpi.high kpi.low | enn }} {{ compare kpi.low kpi.bare | enn }}');
    expect(r.html.value).toBe('<p>under høyere enn lavere enn</p>');
    expect(r.liveValues).toEqual([
      { kpiId: 'low', label: 'Lav sammenlignet med Høy', filter: 'compare kpi.high', value: 3, text: 'under' },
      { kpiId: 'high', label: 'Høy sammenlignet med Lav', filter: 'compare kpi.low | enn', value: 7, text: 'høyere enn' },
      { kpiId: 'low', label: 'Lav sammenlignet med bare', filter: 'compare kpi.bare | enn', value: 3, text: 'lavere enn' },
    ]);
    expect(out('{{ compare kpi.low target | innenfor }} {{ compare kpi.low target }}').liveValues.map((l) => [l.filter, l.text])).toEqual([
      ['compare target | innenfor', 'innenfor'],
      ['compare target', 'under'],
    ]);
  });

  it('records the label, filter and source of each value shown', () => {
    const r = out('{{ kpi.low }} {{ kpi.low | target }} {{ kpi.low | targetvalue }} {{ kpi.bare | abs }}');
    expect(r.html.value).toBe('<p>3\u00a0stk. ≤ 4\u00a0stk. 4\u00a0stk. 5\u00a0stk.</p>');
    expect(r.liveValues).toEqual([
      { kpiId: 'low', label: 'Lav', filter: null, value: 3, text: '3\u00a0stk.', source: 'Kari' },
      { kpiId: 'low', label: 'Lav, indikator', filter: 'target', value: 3, text: '≤ 4\u00a0stk.', source: 'Kari' },
      { kpiId: 'low', label: 'Lav, indikator', filter: 'targetvalue', value: 3, text: '4\u00a0stk.', source: 'Kari' },
      { kpiId: 'bare', label: 'bare', filter: 'abs', value: 5, text: '5\u00a0stk.' },
    ]);
    expect(out('{{ kpi.bare | targetvalue }}').problems.map((p) => p.messageEn)).toEqual([
      'Section finance.result: live value kpi.bare has no target',
    ]);
  });

  it('reports every problem in Norwegian and English, on its line, leaving the text as written', () => {
    const md = [
      '{{ kpi.nope }}',
      '{{ kpi.none }}',
      '{{ what }}',
      '{{ kpi.low | round }}',
      '{{ kpi.bare | target }}',
      '{{ compare kpi.low kpi.bare | sort }}',
      '{{ compare kpi.bare target }}',
      '{{ compare kpi.low kpi.bare | innenfor }}',
      '{{ compare kpi.low kpi.nope }}',
      '[@fig:Bad]',
      '[@tab:nope]',
    ].join('\n\n');
    const r = out(md);
    expect(r.problems.map((p) => [p.file, p.line, p.severity, p.messageEn])).toEqual([
      ['tekst:finance.result', 1, 'error', 'Section finance.result: unknown live value kpi.nope in {{ kpi.nope }}'],
      ['tekst:finance.result', 3, 'error', 'Section finance.result: live value kpi.none cannot be computed (no data)'],
      ['tekst:finance.result', 5, 'error', 'Section finance.result: unknown expression {{ what }}; use {{ kpi.<id> }}'],
      ['tekst:finance.result', 7, 'error', 'Section finance.result: unknown filter "round" in {{ kpi.low | round }}'],
      ['tekst:finance.result', 9, 'error', 'Section finance.result: live value kpi.bare has no target'],
      [
        'tekst:finance.result',
        11,
        'error',
        'Section finance.result: unknown comparison form "sort" in {{ compare kpi.low kpi.bare | sort }}',
      ],
      ['tekst:finance.result', 13, 'error', 'Section finance.result: kpi.bare has no target'],
      ['tekst:finance.result', 15, 'error', 'Section finance.result: "innenfor" needs target'],
      ['tekst:finance.result', 17, 'error', 'Section finance.result: unknown live value kpi.nope in {{ compare kpi.low kpi.nope }}'],
      ['tekst:finance.result', 19, 'error', 'Section finance.result: malformed cross-reference [@fig:Bad]'],
      ['tekst:finance.result', 21, 'error', 'Section finance.result: broken cross-reference [@tab:nope]'],
    ]);
    expect(r.problems.map((p) => p.message.replace('Seksjon «2.1 Resultat» (finance.result): ', ''))).toEqual([
      'nøkkeltallet kpi.nope i {{ kpi.nope }} finnes ikke',
      'nøkkeltallet kpi.none i {{ kpi.none }} kan ikke beregnes (ingen data)',
      'ukjent uttrykk {{ what }}; bruk {{ kpi.<id> }} eller {{ compare kpi.<id> target }}',
      'ukjent filter «round» i {{ kpi.low | round }} (bruk abs, number, target eller targetvalue)',
      'nøkkeltallet kpi.bare i {{ kpi.bare | target }} har ingen indikator (mål)',
      'ukjent form «sort» i {{ compare kpi.low kpi.bare | sort }} (bruk under, enn, innenfor)',
      'nøkkeltallet kpi.bare i {{ compare kpi.bare target }} har ingen indikator (mål) å sammenligne med',
      'formen «innenfor» i {{ compare kpi.low kpi.bare | innenfor }} gjelder bare sammenligning med target',
      'nøkkeltallet kpi.nope i {{ compare kpi.low kpi.nope }} finnes ikke',
      'ugyldig kryssreferanse [@fig:Bad]; bruk [@fig:<id>] eller [@tab:<id>]',
      'kryssreferansen [@tab:nope] peker ikke på noen tabell i rapporten',
    ]);
    expect(r.liveValues).toEqual([]);
    expect(r.html.value).toContain('<p>{{ kpi.nope }}</p>');
    expect(r.html.value).toContain('<p>[@tab:nope]</p>');
  });
});

describe('renderNarrative: the exact shapes of expressions and references', () => {
  const v = new Map<string, LiveValue>([
    ['A_1-b.c', { value: 2, unit: 'count', decimals: 0, target: { op: '<', value: 3 } }],
    ['a', { value: 1, unit: 'count', decimals: 0 }],
    ['b', { value: 5, unit: 'count', decimals: 0 }],
  ]);
  const r2 = new Map<string, RefTarget>([
    ['fig:1a_b.c-d', { kind: 'fig', id: '1a_b.c-d', label: 'Figur 1', anchor: 'fig-1a_b.c-d' }],
    ['tab:x', { kind: 'tab', id: 'x', label: 'Tabell 2', anchor: 'tab-x' }],
  ]);
  const out = (md: string) => renderNarrative(md, { ...ctx, values: v, refs: r2 });
  const unknown = (md: string) => `Section finance.result: unknown expression ${md}; use {{ kpi.<id> }}`;

  it('takes live values with or without spaces, over several lines, and ids of letters, digits, _ . and -', () => {
    const r = out('{{kpi.a}} {{   kpi.a   |   abs   }} {{kpi.a|number}} {{ kpi.A_1-b.c }} {{\nkpi.b\n}}');
    expect(r.html.value).toBe('<p>1\u00a0stk. 1\u00a0stk. 1 2\u00a0stk. 5\u00a0stk.</p>');
    expect(r.problems).toEqual([]);
  });

  it('rejects anything around a live value, upper-case filters and a second word', () => {
    for (const md of ['{{ kpi.a | ABS }}', '{{ xkpi.a }}', '{{ kpi.a b }}', '{{ kpi.a | abs x }}']) {
      const r = out(md);
      expect(r.problems.map((p) => p.messageEn)).toEqual([unknown(md)]);
      expect(r.html.value).toBe(`<p>${md}</p>`);
    }
  });

  it('takes comparisons with or without spaces, and rejects what does not fit the pattern', () => {
    expect(out('{{compare kpi.A_1-b.c target}} {{ compare   kpi.a   kpi.b  |  enn  }}').html.value).toBe('<p>under lavere enn</p>');
    for (const md of [
      '{{ comparekpi.a kpi.b }}',
      '{{ compare kpi.a kpi.b x }}',
      '{{ compare kpi.a kpi.b | ENN }}',
      '{{ x compare kpi.a kpi.b }}',
    ]) {
      expect(out(md).problems.map((p) => p.messageEn)).toEqual([unknown(md)]);
    }
  });

  it('takes references to ids starting with a letter or digit, and leaves a reference with a space as text', () => {
    const r = out('[@fig:1a_b.c-d] [@tab:x] [@fig:-a] [@fig:A] [@fig:a b] [@tab:] [@x:y] [@fig:a]');
    expect(r.html.value).toBe(
      '<p><a class="xref" href="#fig-1a_b.c-d" title="Figur 1">Figur 1</a> <a class="xref" href="#tab-x" title="Tabell 2">Tabell 2</a> [@fig:-a] [@fig:A] [@fig:a b] [@tab:] [@x:y] [@fig:a]</p>',
    );
    expect(r.problems.map((p) => p.messageEn.replace('Section finance.result: ', ''))).toEqual([
      'malformed cross-reference [@fig:-a]',
      'malformed cross-reference [@fig:A]',
      'malformed cross-reference [@tab:]',
      'malformed cross-reference [@x:y]',
      'broken cross-reference [@fig:a]',
    ]);
  });

  it('marks only figure and table links as cross-references, and shows raw HTML and images as text', () => {
    expect(out('[x](#other) [y](#tab-x)').html.value).toBe('<p><a href="#other">x</a> <a class="xref" href="#tab-x">y</a></p>');
    expect(out('<div>x</div>').html.value).toBe('<p>&lt;div&gt;x&lt;/div&gt;</p>');
    expect(out('![alt <b>](x.png)').html.value).toBe('<p>alt &lt;b&gt;</p>');
    expect(out('a <b>c</b>').html.value).toBe('<p>a &lt;b&gt;c&lt;/b&gt;</p>');
  });

  it('lists live-value ids over several lines and with any spacing', () => {
    expect(
      liveValueIds('{{kpi.a}} {{\n kpi.b \n}} {{ compare   kpi.c   kpi.d|enn }} {{ compare kpi.e target }} {{ kpi.f | x | y }}'),
    ).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
