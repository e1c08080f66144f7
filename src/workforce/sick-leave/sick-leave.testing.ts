/** Test support: a synthetic staff for sick-leave tests (the real demo employees come from the AML demo). */
import type { DemoEmployee } from '../demo/sick-leave-demo-plan.ts';

const UNITS = ['Drift', 'Servicedesk', 'Utvikling', 'Stab'];

/** `n` employees: mostly full time, some part time, some changing fraction, a few starting or leaving. */
export function syntheticStaff(n: number): DemoEmployee[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `E${String(i + 1).padStart(3, '0')}`;
    const unit = UNITS[i % UNITS.length] ?? null;
    if (i % 11 === 3) {
      return {
        id,
        unit,
        positions: [
          { from: '2020-01-01', to: '2025-05-14', fraction: 0.5 },
          { from: '2025-05-15', to: null, fraction: 0.8 },
        ],
      };
    }
    if (i % 13 === 5) return { id, unit, positions: [{ from: '2024-11-01', to: null, fraction: 1 }] };
    if (i % 17 === 7) return { id, unit, positions: [{ from: '2019-03-01', to: '2025-02-28', fraction: 1 }] };
    const fraction = i % 7 === 2 ? 0.6 : i % 5 === 1 ? 0.8 : 1;
    return { id, unit, positions: [{ from: '2018-01-01', to: null, fraction }] };
  });
}

/** The same staff as an `employees` CSV. */
export function staffCsv(staff: readonly DemoEmployee[]): string {
  const rows = staff.flatMap((e) =>
    e.positions.map((p) => [e.id, `Ansatt ${e.id}`, String(p.fraction).replace('.', ','), p.from, p.to ?? '', '0', e.unit ?? ''].join(';')),
  );
  return `employee_id;name;position_fraction;valid_from;valid_to;exempt;unit\n${rows.join('\n')}\n`;
}
