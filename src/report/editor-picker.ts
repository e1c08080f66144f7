/**
 * The narrative editor's picker: choose a figure or table, or a live value (every KPI the registry
 * knows, registered figures included), and insert its code at the cursor instead of typing ids.
 * The buttons appear with JavaScript; without it the codes are listed under «Slik skriver du».
 */
import type { KpiDefinition } from '../kpi/kpi.ts';
import type { DomainModule } from '../module.ts';
import { html, type SafeHtml } from '../web/html.ts';
import type { ReportModel } from './model.ts';

export interface PickerKpi {
  domainId: string;
  definition: KpiDefinition;
}

export const PICKER_JS = `
(function () {
  var area = document.getElementById('sr-markdown');
  if (!area || area.readOnly) return;
  document.querySelectorAll('[data-insert-from]').forEach(function (button) {
    var select = document.getElementById(button.getAttribute('data-insert-from'));
    if (!select) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      if (!select.value) return;
      area.setRangeText(select.value, area.selectionStart, area.selectionEnd, 'end');
      area.focus();
      area.dispatchEvent(new Event('input'));
    });
  });
})();
`;

function domainLabel(domains: readonly DomainModule[], id: string): string {
  const nav = [...(domains.find((d) => d.id === id)?.nav ?? [])].sort((a, b) => a.order - b.order)[0];
  return nav?.label ?? id;
}

function refOptions(model: ReportModel | null): SafeHtml {
  if (!model) return html`<option value="">Rapporten kan ikke bygges nå</option>`;
  const figures = model.figures.map((f) => html`<option value="[@fig:${f.block.id}]">${f.label}: ${f.block.caption}</option>`);
  const tables = model.tables.map((t) => html`<option value="[@tab:${t.block.id}]">${t.label}: ${t.block.caption}</option>`);
  return html`<optgroup label="Figurer">${figures}</optgroup><optgroup label="Tabeller">${tables}</optgroup>`;
}

function kpiOptions(kpis: readonly PickerKpi[], domains: readonly DomainModule[]): SafeHtml {
  const byDomain = new Map<string, PickerKpi[]>();
  for (const k of kpis) byDomain.set(k.domainId, [...(byDomain.get(k.domainId) ?? []), k]);
  return html`${[...byDomain].map(
    ([id, list]) =>
      html`<optgroup label="${domainLabel(domains, id)}">${list.map(
        (k) => html`<option value="{{ kpi.${k.definition.id} }}">${k.definition.label}</option>`,
      )}</optgroup>`,
  )}`;
}

export function pickerFieldset(model: ReportModel | null, kpis: readonly PickerKpi[], domains: readonly DomainModule[]): SafeHtml {
  return html`<fieldset class="sr-picker"><legend>Sett inn i teksten</legend>
<p><label for="sr-pick-ref">Figur eller tabell</label>
<select id="sr-pick-ref">${refOptions(model)}</select>
<button type="button" data-insert-from="sr-pick-ref" hidden>Sett inn referanse</button></p>
<p><label for="sr-pick-kpi">Live verdi</label>
<select id="sr-pick-kpi">${kpiOptions(kpis, domains)}</select>
<button type="button" data-insert-from="sr-pick-kpi" hidden>Sett inn verdi</button></p>
</fieldset>`;
}
