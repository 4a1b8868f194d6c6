/**
 * The growth simulator (issue 7): a seeded model of recruiting into a finite market, run through the engine
 * period by period, and the textbook projection of a plan on a full tree.
 *
 * @example
 * ```ts
 * import { formatSimulation, projectPlan, simulateGrowth } from 'downline';
 * console.log(formatSimulation(simulateGrowth({ seed: 7 })));
 * projectPlan({ recruitsEach: 5, levels: 5, rate: '0.01', orderAmount: '500' }).paidToTop; // '19525.00'
 * ```
 *
 * @module
 */
export { simulateGrowth } from './simulate-growth';
export { formatSimulation } from './format-simulation';
export {
  DEFAULT_SIMULATION_PLAN,
  SIMULATION_DEFAULTS,
  resolveSimulationOptions,
  type ResolvedSimulationOptions,
  type SimulationOptions,
} from './simulation-options';
export type {
  CountShare,
  IncomeSourceFigures,
  OverallFigures,
  ParticipantFigures,
  PeriodFigures,
  SalesFigures,
  Saturation,
  SimulationReport,
  SimulationSettings,
} from './simulation-types';
export { projectPlan, type Projection, type ProjectionLevel, type ProjectionOptions } from './project-plan';
