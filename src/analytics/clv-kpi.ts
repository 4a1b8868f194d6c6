import { formatUnits } from '../money/decimal-string';
import { MARGIN_DECIMALS } from './channel-input';
import type { GrossMargin } from './channel-options';
import { divideToDecimal, plural, ratio, showRatio } from './exact-math';
import type { ClvKpi, NotAssessed } from './kpi-types';
import type { RetentionCounts } from './member-history';

/**
 * What the CLV reads: the number of periods, Σ revenue of customers' orders (minor units), Σ over periods of
 * the customers who ordered (customer-periods), the customers' retention pooled over consecutive pairs, and
 * the options.
 *
 * @example
 * ```ts
 * const input: ClvInput = {
 *   periods: 3, customerRevenue: 150000n, customerPeriods: 15, retention: { bought: 10, retained: 6, left: 0, unlisted: 0 },
 *   grossMargin: null, maxLifetime: 20, scale: 2,
 * };
 * ```
 */
export interface ClvInput {
  readonly periods: number;
  readonly customerRevenue: bigint;
  readonly customerPeriods: number;
  readonly retention: RetentionCounts;
  readonly grossMargin: GrossMargin | null;
  readonly maxLifetime: number;
  readonly scale: number;
}

/**
 * Customer lifetime value from repeat orders:
 * `CLV = average revenue per buying customer per period × (grossMargin or 1) × lifetime`, where the average is
 * `customer revenue / customer-periods` and `lifetime = 1 / (1 − retention)` periods (the mean of a geometric
 * lifetime), with `retention = retained / bought` pooled over all consecutive pairs of periods. The lifetime is
 * capped at `maxLifetime` periods (a retention of 1 would make it unbounded); `capped` and the explanation say
 * so. The CLV is computed as one exact fraction and rounded half-even once. Needs at least 2 periods, customer
 * orders, and a customer who ordered in a period before the last.
 *
 * @example
 * ```ts
 * const kpi = clvKpi({
 *   periods: 3, customerRevenue: 150000n, customerPeriods: 15, retention: { bought: 10, retained: 6, left: 0, unlisted: 0 },
 *   grossMargin: { text: '0.6', units: 600_000_000_000n }, maxLifetime: 20, scale: 2,
 * });
 * kpi.assessed && kpi.clv; // "150.00"  (100.00 × 0.6 × 1 / (1 − 0.6))
 * ```
 */
export function clvKpi(input: ClvInput): ClvKpi | NotAssessed {
  const { periods, customerRevenue, customerPeriods, retention, grossMargin, maxLifetime, scale } = input;
  if (periods < 2) {
    return { assessed: false, needs: 'at least 2 periods, to see how many customers order again' };
  }
  if (customerPeriods === 0) {
    return { assessed: false, needs: 'orders placed by customers (members with role "customer")' };
  }
  const { bought, retained } = retention;
  if (bought === 0) {
    return { assessed: false, needs: 'a customer who ordered in a period before the last, to measure retention' };
  }
  const a = BigInt(retained);
  const b = BigInt(bought);
  const cap = BigInt(maxLifetime);
  const capped = (b - a) * cap < b; // 1 / (1 − a/b) > cap
  const [lifeNum, lifeDen] = capped ? [cap, 1n] : [b, b - a];
  const one = 10n ** BigInt(MARGIN_DECIMALS);
  const marginUnits = grossMargin === null ? one : grossMargin.units;
  const n = BigInt(customerPeriods);
  const clv = divideToDecimal(customerRevenue * marginUnits * lifeNum, n * one * lifeDen, scale);
  const averageRevenue = divideToDecimal(customerRevenue, n, scale);
  const rate = retained / bought;
  const lifetime = ratio(lifeNum, lifeDen);
  const uncapped = retained === bought ? 'unbounded' : `${showRatio(ratio(b, b - a))} periods`;
  const lifeText = capped
    ? `expected lifetime ${maxLifetime} periods (capped at maxLifetime: 1 / (1 − retention ${showRatio(rate)}) would be ${uncapped})`
    : `expected lifetime ${showRatio(lifetime)} periods (1 / (1 − retention ${showRatio(rate)}))`;
  const marginText = grossMargin === null ? 'margin 1 (no grossMargin given: revenue, not margin)' : `gross margin ${grossMargin.text}`;
  return {
    assessed: true,
    clv,
    averageRevenue,
    customerRevenue: formatUnits(customerRevenue, scale),
    customerPeriods,
    retention: rate,
    retained,
    bought,
    lifetime,
    capped,
    marginBasis: grossMargin === null ? 'revenue' : 'gross-margin',
    explanation:
      `CLV = average revenue per buying customer per period ${averageRevenue}` +
      ` (customer revenue ${formatUnits(customerRevenue, scale)} / ${plural(customerPeriods, 'customer-period')})` +
      ` × ${marginText} × ${lifeText} = ${clv}; retention = ${retained} / ${bought} customers who ordered in a period` +
      ` ordered again in the next, pooled over ${plural(periods - 1, 'pair')} of periods`,
  };
}
