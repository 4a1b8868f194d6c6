import { textTable } from '../compliance/format-disclosure';
import { percent } from '../compliance/indicator';
import { groupThousands } from '../money/decimal-string';
import type { ParticipantFigures, SimulationReport } from './simulation-types';

/**
 * A simulation report as plain text: the settings in two lines, a table with one row per period and a row for
 * all periods (members joined / active / left, payouts, the shares profiting and losing, the Gini of net income,
 * the top-1% share of payouts, and the shares of commission paid for recruiting and for retail), then the
 * saturation finding. Amounts carry thousands separators; shares are percentages with one decimal.
 *
 * @example
 * ```ts
 * console.log(formatSimulation(simulateGrowth({ seed: 7 })));
 * // Growth simulation: seed 7, 12 periods, 10 founders, market 10,000 …
 * // period  joined  active  left  members  payouts  profit  loss  Gini  top 1%  recruiting  retail
 * // 1           22      22     3       22   …
 * ```
 */
export function formatSimulation(report: SimulationReport): string {
  const s = report.settings;
  const header = [
    `Growth simulation: seed ${s.seed}, ${s.periods} periods, ${count(s.founders)} founders, market ${count(s.marketSize)}`,
    `recruit rate ${s.recruitRate}, activity ${percent(s.activity)}, retail ${percent(s.retailShare)}, dropout ${percent(s.dropout)}; ` +
      `purchase ${groupThousands(s.purchase)}, retail sale ${groupThousands(s.retailAmount)}, joining fee ${groupThousands(s.joiningFee)}`,
  ].join('\n');
  const rows: string[][] = [['period', 'joined', 'active', 'left', 'members', 'payouts', 'forfeited', 'profit', 'loss', 'Gini', 'top 1%', 'recruiting', 'retail']];
  for (const p of report.periods) {
    rows.push([
      String(p.period),
      count(p.joined),
      count(p.active),
      count(p.left),
      count(p.members),
      groupThousands(p.payouts),
      groupThousands(p.forfeited),
      ...people(p.participants),
      percent(p.income.shares.recruiting),
      percent(p.income.shares.retail),
    ]);
  }
  const o = report.overall;
  rows.push([
    'all',
    count(o.joined),
    count(o.activeAtEnd),
    count(o.left),
    count(o.joined),
    groupThousands(o.payouts),
    groupThousands(o.forfeited),
    ...people(o.participants),
    percent(o.income.shares.recruiting),
    percent(o.income.shares.retail),
  ]);
  const notes = [
    '"active" took part in the period ("all": still in at the end); profit / loss: net of own purchases and joining fee;',
    'Gini of net income (a loss as no income); top 1%: share of payouts; recruiting / retail: shares of commission.',
    `Median net over all periods: ${o.participants.medianNet === null ? 'n/a' : groupThousands(o.participants.medianNet)}.`,
    `Saturation: ${report.saturation.explanation}.`,
  ];
  return `${header}\n\n${textTable(rows)}\n\n${notes.join('\n')}\n`;
}

function count(value: number): string {
  return groupThousands(String(value));
}

function people(figures: ParticipantFigures): string[] {
  return [percent(figures.profiting.share), percent(figures.losing.share), figures.gini.toFixed(3), percent(figures.top1Share)];
}
