import { formatUnits } from '../money/decimal-string';
import { MARGIN_DECIMALS } from './channel-input';
import type { GrossMargin } from './channel-options';
import { ratio, showRatio } from './exact-math';
import type { NotAssessed, RoiKpi } from './kpi-types';

/**
 * The figures behind the ROI of one period or of several together, in minor units at `scale`.
 *
 * @example
 * ```ts
 * const input: RoiInput = {
 *   scope: 'period "2026-10"', revenue: 100000n, commissions: 15000n, channelCosts: 5000n,
 *   orders: 12, periods: 1, periodsWithChannelCosts: 1, scale: 2, grossMargin: null,
 * };
 * ```
 */
export interface RoiInput {
  /** How the explanation names what is measured: `period "2026-10"`, `all 3 periods`. */
  readonly scope: string;
  readonly revenue: bigint;
  readonly commissions: bigint;
  readonly channelCosts: bigint;
  readonly orders: number;
  readonly periods: number;
  readonly periodsWithChannelCosts: number;
  readonly scale: number;
  readonly grossMargin: GrossMargin | null;
}

const ONE = 10n ** BigInt(MARGIN_DECIMALS);

/**
 * ROI of the channel: `ROI = (margin − commissions − channelCosts) / (commissions + channelCosts)` and
 * `revenuePerCost = revenue / (commissions + channelCosts)`, where `margin = revenue × grossMargin`, or the
 * whole revenue when no gross margin is given (then the cost of goods is not deducted and the explanation says
 * the ROI is overstated). Money is exact: the margin is computed at `scale + 12` decimals. Not assessed when
 * nothing was spent (commissions and channel costs both zero).
 *
 * @example
 * ```ts
 * const kpi = roiKpi({
 *   scope: 'period "2026-10"', revenue: 100000n, commissions: 15000n, channelCosts: 5000n,
 *   orders: 12, periods: 1, periodsWithChannelCosts: 1, scale: 2,
 *   grossMargin: { text: '0.6', units: 600_000_000_000n },
 * });
 * kpi.assessed && kpi.roi;            // 2   ((600.00 − 150.00 − 50.00) / 200.00)
 * kpi.assessed && kpi.revenuePerCost; // 5
 * ```
 */
export function roiKpi(input: RoiInput): RoiKpi | NotAssessed {
  const { scope, revenue, commissions, channelCosts, scale, grossMargin } = input;
  const show = (units: bigint) => formatUnits(units, scale);
  const showExact = (units: bigint) => formatUnits(units, scale + MARGIN_DECIMALS, scale);
  const cost = commissions + channelCosts;
  if (cost === 0n) {
    return {
      assessed: false,
      needs: `commissions or channel costs above zero in ${scope} (nothing was spent, so revenue ${show(revenue)} has no cost to return on)`,
    };
  }
  const margin = revenue * (grossMargin === null ? ONE : grossMargin.units);
  const net = margin - cost * ONE;
  const roi = ratio(net, cost * ONE);
  const revenuePerCost = ratio(revenue, cost);
  const marginText =
    grossMargin === null
      ? `margin = revenue ${show(revenue)} (no grossMargin given: the cost of goods is not deducted, so the ROI is overstated)`
      : `margin = revenue ${show(revenue)} × gross margin ${grossMargin.text}`;
  const { periods, periodsWithChannelCosts } = input;
  const costsText =
    periodsWithChannelCosts === periods
      ? ''
      : periodsWithChannelCosts === 0
        ? '; no channelCosts given: counted as 0'
        : `; channelCosts given for ${periodsWithChannelCosts} of ${periods} periods, the others counted as 0`;
  const explanation =
    `${scope}: ROI = (margin ${showExact(margin)} − commissions ${show(commissions)} − channel costs ${show(channelCosts)})` +
    ` / (${show(commissions)} + ${show(channelCosts)}) = ${showExact(net)} / ${show(cost)} = ${showRatio(roi)}; ${marginText}` +
    `; revenue per cost = ${show(revenue)} / ${show(cost)} = ${showRatio(revenuePerCost)}${costsText}`;
  return {
    assessed: true,
    revenue: show(revenue),
    commissions: show(commissions),
    channelCosts: show(channelCosts),
    cost: show(cost),
    margin: showExact(margin),
    net: showExact(net),
    marginBasis: grossMargin === null ? 'revenue' : 'gross-margin',
    revenuePerCost,
    roi,
    orders: input.orders,
    periods,
    periodsWithChannelCosts,
    explanation,
  };
}
