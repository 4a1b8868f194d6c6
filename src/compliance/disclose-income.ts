import { DownlineError, ErrorCode, type SafeResult, toSafe } from '../errors';
import { limitUnits } from './assess-compliance';
import { type ResolvedOptions, resolveOptions } from './assessment-options';
import { type ComplianceFacts, complianceFacts } from './compliance-facts';
import type { IncomeDisclosure } from './disclosure-types';
import { incomeDisclosure } from './income-disclosure';
import { gather, participants } from './population';
import { type CompliancePeriod, readPeriods } from './read-period';

/**
 * The income disclosure statement of one or more periods (FTC style): the whole population of affiliates —
 * those who earned nothing and those who left included — new and leaving counts, percentiles of gross income
 * (Σ of rounded payouts over the periods) and, where costs are known, of net income; the shares earning
 * nothing, at most `lowIncomeLimit`, or losing money; the top-1% share and the Gini coefficient; average
 * costs and tenure, and the same by paid-as rank when the plan has ranks. Costs are the joining fees paid plus
 * the cost records; when neither exists, costs are unknown and the net figures are `null`.
 * `formatIncomeDisclosure` renders it as a plain-text table.
 *
 * @example
 * ```ts
 * const statement = discloseIncome({ result, members, start: '2026-10-01', end: '2026-10-31', costs });
 * statement.population;        // every affiliate of the period
 * statement.gross.median;      // '0.00' in most plans
 * statement.netLoss?.share;    // share of participants who paid more than they earned
 * console.log(formatIncomeDisclosure(statement));
 * ```
 */
export function discloseIncome(
  periods: CompliancePeriod | readonly CompliancePeriod[],
  options: { readonly lowIncomeLimit?: string } = {},
): IncomeDisclosure {
  const list = Array.isArray(periods) ? (periods as readonly CompliancePeriod[]) : [periods as CompliancePeriod];
  if (list.length === 0) throw DownlineError.of(ErrorCode.InvalidOptions, 'periods: give at least one period', ['periods']);
  const resolved = resolveOptions(options);
  return discloseFacts(complianceFacts(readPeriods(list, Array.isArray(periods) ? ['periods'] : [])), resolved);
}

/**
 * The disclosure statement of facts already gathered (by `complianceFacts`) with options already resolved:
 * what {@link discloseIncome} does after validation, for callers that also assess the same facts.
 *
 * @example
 * ```ts
 * const statement = discloseFacts(complianceFacts(readPeriods([period])), resolveOptions({}));
 * ```
 */
export function discloseFacts(facts: ComplianceFacts, resolved: ResolvedOptions): IncomeDisclosure {
  const slots = participants(facts);
  const costsKnown = facts.periodsWithCostRecords > 0 || facts.joiningFeesTotal > 0n;
  const dated = facts.firstStart !== null && facts.lastEnd !== null;
  return incomeDisclosure({
    scale: facts.scale,
    gross: gather(facts.gross, slots),
    ...(costsKnown ? { costs: gather(facts.costs, slots) } : {}),
    // unknown dates stay unknown (null figures), never read as "nobody joined, nobody left"
    ...(facts.joinDatesKnown ? { joined: gather(facts.joined, slots) } : {}),
    ...(facts.memberRecordsGiven ? { left: gather(facts.left, slots) } : {}),
    ...(dated ? { period: { start: facts.firstStart as number, end: facts.lastEnd as number } } : {}),
    lowIncomeLimit: limitUnits(resolved.lowIncomeLimit, facts.scale),
    // by paid-as rank when the plan has a ladder (the last period's rank of each participant)
    ...(facts.rankNames.length > 0
      ? { groups: { labels: ['no rank', ...facts.rankNames], codes: gather(facts.paidAs, slots) } }
      : {}),
  });
}

/**
 * {@link discloseIncome} without throwing.
 *
 * @example
 * ```ts
 * const outcome = safeDiscloseIncome(period);
 * if (outcome.success) console.log(outcome.data.population);
 * ```
 */
export function safeDiscloseIncome(
  periods: CompliancePeriod | readonly CompliancePeriod[],
  options: { readonly lowIncomeLimit?: string } = {},
): SafeResult<IncomeDisclosure> {
  return toSafe(() => discloseIncome(periods, options));
}
