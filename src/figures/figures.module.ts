/** Registered figures: numbers without a source system, as KPIs `figure.<id>` and live values. */
import type { DomainModule } from '../module.ts';
import { runFiguresDemo } from './figures.demo.ts';
import { figuresImporter } from './figures.import.ts';
import { figureKpis } from './figures.kpis.ts';
import { FIGURES_PATH, figuresWeb } from './figures.web.ts';

export const registeredFigures: DomainModule = {
  id: 'figures',
  nav: [{ path: FIGURES_PATH, label: 'Registrerte tall', order: 80 }],
  kpisFrom: figureKpis,
  importers: [figuresImporter],
  web: figuresWeb,
  demo: { order: 26, run: runFiguresDemo },
};
