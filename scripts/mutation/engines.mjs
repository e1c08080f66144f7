/**
 * The engines under mutation testing: the pure modules that turn raw records into the figures a
 * board reads. Each engine names the files Stryker mutates and the tests that must kill the mutants
 * (only these run, so one engine at a time fits the shared CI machine).
 *
 * Adding an engine is one entry here (and its files in tsconfig.stryker.json's include).
 */
export const ENGINES = {
  aml: {
    mutate: ['src/workforce/aml/aml.ts', 'src/workforce/aml/rules/*.ts'],
    tests: [
      'src/workforce/aml/aml.test.ts',
      'src/workforce/aml/aml-rules.test.ts',
      'src/workforce/aml/aml.boundaries.test.ts',
      'src/workforce/aml/aml.property.test.ts',
      'src/workforce/aml/aml-units.test.ts',
      'src/workforce/aml/mutation/aml.mutation-causes.test.ts',
      'src/workforce/aml/mutation/aml.mutation-blocks.test.ts',
      'src/workforce/aml/mutation/aml.mutation-rules.test.ts',
      'src/workforce/aml/mutation/aml.mutation-time.test.ts',
      'src/workforce/aml/mutation/aml.mutation-evidence.test.ts',
    ],
    minimum: 96,
  },
  sickLeave: {
    mutate: ['src/workforce/sick-leave/sick-leave.ts', 'src/workforce/sick-leave/sick-leave-calendar.ts'],
    tests: ['src/workforce/sick-leave/sick-leave.test.ts', 'src/workforce/sick-leave/sick-leave.boundaries.test.ts'],
    minimum: 95,
  },
  risk: {
    mutate: ['src/risk/risk-level.ts'],
    tests: ['src/risk/risk-level.test.ts', 'src/risk/risk-heatmap.test.ts'],
    minimum: 100,
  },
  finance: {
    mutate: ['src/finance/finance.ts', 'src/finance/plan/budget.ts'],
    tests: [
      'src/finance/finance.test.ts',
      'src/finance/finance.boundaries.test.ts',
      'src/finance/finance.forecast.test.ts',
      'src/finance/plan/budget.test.ts',
      'src/finance/plan/budget.rounding.test.ts',
    ],
    minimum: 97,
  },
  capital: {
    mutate: ['src/finance/capital/capital.ts', 'src/finance/capital/capital-investments.ts', 'src/finance/capital/capital-receivables.ts'],
    tests: [
      'src/finance/capital/capital.test.ts',
      'src/finance/capital/capital-investments.test.ts',
      'src/finance/capital/capital-investments.years.test.ts',
      'src/finance/capital/capital-receivables.test.ts',
    ],
    minimum: 97,
  },
  report: {
    mutate: ['src/report/narrative.ts'],
    tests: ['src/report/narrative.test.ts'],
    minimum: 100,
  },
  service: {
    mutate: [
      'src/service/calls/calls.ts',
      'src/service/availability/availability.ts',
      'src/service/availability/intervals.ts',
      'src/service/availability/service-time.ts',
    ],
    tests: [
      'src/service/calls/calls.test.ts',
      'src/service/calls/calls.property.test.ts',
      'src/service/availability/availability.test.ts',
      'src/service/availability/availability.boundaries.test.ts',
      'src/service/availability/intervals.test.ts',
      'src/service/availability/service-time.test.ts',
    ],
    minimum: 97,
  },
  projects: {
    mutate: ['src/projects/defects/defects.ts', 'src/projects/milestones/milestones.ts'],
    tests: ['src/projects/defects/defects.test.ts', 'src/projects/milestones/milestones.test.ts'],
    minimum: 100,
  },
  kpi: {
    mutate: ['src/kpi/kpi.ts'],
    tests: ['src/kpi/kpi.test.ts'],
    minimum: 100,
  },
  shared: {
    mutate: ['src/shared/money.ts', 'src/shared/period.ts', 'src/shared/holidays.ts'],
    tests: ['src/shared/money.test.ts', 'src/shared/period.test.ts', 'src/shared/period.arithmetic.test.ts', 'src/shared/holidays.test.ts'],
    minimum: 95,
  },
};
