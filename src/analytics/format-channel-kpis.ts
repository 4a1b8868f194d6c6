import { quote } from '../errors';
import { showPercent, showRatio } from './exact-math';
import type { ChannelKpis, NotAssessed } from './kpi-types';

/**
 * A plain-text summary of {@link ChannelKpis}: one block per period (ROI, CPA, ladder), retention per pair of
 * periods, then the figures over all periods (ROI, CPA, pooled retention, CLV, ladder at the last period). Each
 * line gives the value and its explanation, or what a KPI that is not assessed needs.
 *
 * @example
 * ```ts
 * console.log(formatChannelKpis(channelKpis({ periods, grossMargin: '0.6' })));
 * // Channel KPIs over 3 periods, "2026-10" to "2026-12" (scale 2, gross margin 0.6, regular after 2 periods)
 * //
 * // Period "2026-10" (2026-10-01 to 2026-10-31): 7 members (2 affiliates, 5 customers), 7 orders, revenue 599.00
 * //   ROI 0.797 (79.7%): period "2026-10": ROI = (margin 359.40 − commissions 60.00 − …
 * //   CPA 40.00: period "2026-10": CPA = (commissions 60.00 + channel costs 140.00) / 5 members acquired = …
 * ```
 */
export function formatChannelKpis(kpis: ChannelKpis): string {
  const first = kpis.periods[0];
  const last = kpis.periods[kpis.periods.length - 1];
  const lines: string[] = [];
  const span = kpis.periods.length === 1 ? quote(first.label) : `${quote(first.label)} to ${quote(last.label)}`;
  lines.push(
    `Channel KPIs over ${kpis.periods.length === 1 ? '1 period' : `${kpis.periods.length} periods`}, ${span}` +
      ` (scale ${kpis.scale}, gross margin ${kpis.grossMargin ?? 'not given'}, regular after ${kpis.regularAfter} periods)`,
  );
  for (const period of kpis.periods) {
    const a = period.activity;
    lines.push(
      '',
      `Period ${quote(period.label)} (${period.start} to ${period.end}): ${a.members} members (${a.affiliates} affiliates,` +
        ` ${a.customers} customers), ${a.orders} orders, revenue ${a.revenue}`,
    );
    lines.push(`  ROI ${period.roi.assessed ? `${showRatio(period.roi.roi)} (${showPercent(period.roi.roi)}): ${period.roi.explanation}` : notAssessed(period.roi)}`);
    lines.push(`  CPA ${period.cpa.assessed ? `${period.cpa.cpa}: ${period.cpa.explanation}` : notAssessed(period.cpa)}`);
    lines.push(`  Ladder: ${period.ladder.explanation}`);
  }
  if (kpis.retention.length > 0) {
    lines.push('', 'Retention');
    for (const pair of kpis.retention) {
      for (const figure of [pair.customers, pair.affiliates]) {
        lines.push(`  ${figure.assessed ? `${showPercent(figure.rate)}: ${figure.explanation}` : notAssessed(figure)}`);
      }
    }
  }
  lines.push('', 'All periods');
  lines.push(`  ROI ${kpis.roi.assessed ? `${showRatio(kpis.roi.roi)} (${showPercent(kpis.roi.roi)}): ${kpis.roi.explanation}` : notAssessed(kpis.roi)}`);
  lines.push(`  CPA ${kpis.cpa.assessed ? `${kpis.cpa.cpa}: ${kpis.cpa.explanation}` : notAssessed(kpis.cpa)}`);
  for (const figure of [kpis.pooledRetention.customers, kpis.pooledRetention.affiliates]) {
    lines.push(`  Retention ${figure.assessed ? `${showPercent(figure.rate)}: ${figure.explanation}` : notAssessed(figure)}`);
  }
  lines.push(`  CLV ${kpis.clv.assessed ? `${kpis.clv.clv}: ${kpis.clv.explanation}` : notAssessed(kpis.clv)}`);
  lines.push(`  Ladder at the last period: ${kpis.ladder.explanation}`);
  return lines.join('\n');
}

function notAssessed(kpi: NotAssessed): string {
  return `not assessed, needs ${kpi.needs}`;
}
