import { type IndicatorResult, verdictOf } from './indicator';
import { type IndicatorContext, measured, money, notAssessed, percent } from './indicator-context';
import { gather } from './population';
import { gini, sortedAscending, topShare } from './statistics';

/**
 * Indicator 10: share of participants whose costs (cost records and joining fees) exceed their income over
 * the periods.
 *
 * @example
 * ```ts
 * participantsLosingMoney(context).value; // 0.94 for a BurnLounge-like period
 * ```
 */
export function participantsLosingMoney(context: IndicatorContext): IndicatorResult {
  const { facts, population } = context;
  if (facts.periodsWithCostRecords === 0 && facts.joiningFeesTotal === 0n) {
    return notAssessed(context, 'participants-losing-money', ['costs paid by affiliates (costs)']);
  }
  if (population.length === 0) return notAssessed(context, 'participants-losing-money', ['participants']);
  let losing = 0;
  for (let k = 0; k < population.length; k++) {
    const s = population[k];
    if (facts.costs[s] > facts.gross[s]) losing++;
  }
  const share = losing / population.length;
  const fees = money(facts, facts.joiningFeesTotal);
  const recorded = facts.periodsWithCostRecords;
  const basis =
    recorded === 0
      ? `costs: joining fees only (${fees}); no other cost records given`
      : `costs: ${money(facts, facts.costRecordsTotal)} recorded${recorded < facts.periods ? ` (cost records for ${recorded} of ${facts.periods} periods)` : ''} and ${fees} in joining fees`;
  return measured(
    context,
    'participants-losing-money',
    share,
    percent,
    `${percent(share)} of participants paid more than they earned (${losing} of ${population.length}; ${basis})`,
    { losing, participants: population.length, recordedCosts: money(facts, facts.costRecordsTotal), joiningFees: money(facts, facts.joiningFeesTotal) },
  );
}

/**
 * Indicator 11: share of participants who earned nothing (and, in the figures, at most the low-income limit).
 *
 * @example
 * ```ts
 * zeroEarners(context).figures; // { zero: 723, atMostLimit: 950, limit: '1,000.00', participants: 1000 }
 * ```
 */
export function zeroEarners(context: IndicatorContext): IndicatorResult {
  const { facts, population, lowIncomeLimit } = context;
  if (population.length === 0) return notAssessed(context, 'zero-earners', ['participants']);
  let zero = 0;
  let low = 0;
  for (let k = 0; k < population.length; k++) {
    const g = facts.gross[population[k]];
    if (g === 0) zero++;
    if (g <= lowIncomeLimit) low++;
  }
  const share = zero / population.length;
  const limit = money(facts, BigInt(lowIncomeLimit));
  return measured(
    context,
    'zero-earners',
    share,
    percent,
    `${percent(share)} of participants earned nothing (${zero} of ${population.length}); ${percent(low / population.length)} earned at most ${limit}`,
    { zero, atMostLimit: low, limit, participants: population.length },
  );
}

/**
 * Indicator 12: share of all rewards paid to the top 1% of participants, with the Gini coefficient.
 *
 * @example
 * ```ts
 * incomeConcentration(context).figures.gini; // 0.91
 * ```
 */
export function incomeConcentration(context: IndicatorContext): IndicatorResult {
  const { facts, population } = context;
  if (population.length === 0) return notAssessed(context, 'income-concentration', ['participants']);
  const sorted = sortedAscending(gather(facts.gross, population));
  const top = topShare(sorted, 0.01);
  if (top.amount === 0n && sorted[sorted.length - 1] === 0) {
    return notAssessed(context, 'income-concentration', ['rewards paid to participants'], 'nobody earned anything');
  }
  const g = gini(sorted);
  return measured(
    context,
    'income-concentration',
    top.share,
    percent,
    `the top 1% (${top.count} of ${population.length}) received ${percent(top.share)} of rewards (${money(facts, top.amount)}); Gini ${g.toFixed(3)}`,
    { top: top.count, participants: population.length, topAmount: money(facts, top.amount), gini: Number(g.toFixed(6)) },
  );
}

/** The plan findings that are Taylor's red flags of plan shape (DESIGN §8 indicator 13). */
const TAYLOR_FLAGS = new Set(['paid-depth', 'top-weighted-rates', 'rank-by-recruiting', 'pay-to-play']);

/**
 * Indicator 13: Taylor's red flags in the plan's shape (paid depth ≥ 5, top-weighted rates, ranks by
 * recruiting, pay-to-play), from the plan-only check: how many are raised is the value; any plan finding at
 * flag level (commission on joining fees, say) flags the indicator too.
 *
 * @example
 * ```ts
 * planShape(context).figures; // { redFlags: 'paid-depth, pay-to-play', flagged: '' }
 * ```
 */
export function planShape(context: IndicatorContext): IndicatorResult {
  const { planCheck, thresholds } = context;
  const raised = planCheck.items.filter((i) => TAYLOR_FLAGS.has(i.key) && (i.verdict === 'flag' || i.verdict === 'warning'));
  const flagged = planCheck.items.filter((i) => i.verdict === 'flag');
  const counted = verdictOf(raised.length, thresholds['plan-shape']);
  const verdict = flagged.length > 0 ? 'flag' : counted;
  const shown = [...new Set([...raised, ...flagged])];
  const finding =
    shown.length === 0
      ? 'no red flag in the plan'
      : `${raised.length} of Taylor’s red flags in the plan: ${shown.map((i) => `${i.key} (${i.verdict}: ${i.explanation})`).join('; ')}`;
  return measured(context, 'plan-shape', raised.length, String, finding, {
    redFlags: raised.map((i) => i.key).join(', '),
    flagged: flagged.map((i) => i.key).join(', '),
  }, verdict);
}
