import type { Generated } from 'kysely';

/** A registered figure: a number without a source system (survey response rate, satisfaction score). */
export interface RegisteredFigureTable {
  id: Generated<number>;
  /** `survey.responseRate`: the KPI is `figure.<figure_id>`. */
  figure_id: string;
  label: string;
  /** A KPI unit: percent, count, MNOK or number. */
  unit: string;
  decimals: number;
}

/** The figure's value for one period (the latest registration). */
export interface RegisteredFigureValueTable {
  id: Generated<number>;
  figure_id: string;
  /** YYYY-MM. */
  period: string;
  value: number;
  /** Where the number comes from ("Medarbeiderundersøkelsen ForBedring, Questback-rapport 3. juni"). */
  source: string;
  updated_at: string;
  updated_by: string;
  import_run_id: number | null;
}

/** Every change of a value: who, when, before and after (before null = first registration). */
export interface RegisteredFigureChangeTable {
  id: Generated<number>;
  figure_id: string;
  period: string;
  value_before: number | null;
  value_after: number;
  source_before: string | null;
  source_after: string;
  changed_at: string;
  changed_by: string;
  import_run_id: number | null;
}

export interface FigureTables {
  registered_figures: RegisteredFigureTable;
  registered_figure_values: RegisteredFigureValueTable;
  registered_figure_changes: RegisteredFigureChangeTable;
}
