import type { ComplianceAssessment, CompliancePeriod, IncomeDisclosure, SourceAmounts } from '../compliance';
import { assessFacts } from '../compliance/assess-compliance';
import { complianceFacts } from '../compliance/compliance-facts';
import { discloseFacts } from '../compliance/disclose-income';
import { gather, participants } from '../compliance/population';
import { readPeriods } from '../compliance/read-period';
import { sortedAscending } from '../compliance/statistics';
import type { CommissionTotals, StageTotals } from '../engine';
import { resultState } from '../engine/commission-result';
import { type OrdersByBuyer, ordersByBuyer } from '../engine/explain';
import { payeeLevels, periodLevelBreakdown } from '../engine/level-breakdown';
import { roundedPayout } from '../engine/round-payouts';
import { formatUnits } from '../money/decimal-string';
import { type ExactColumn, WIDE } from '../money/exact-column';
import { type IncomeBin, incomeBins, type LorenzPoint, lorenzCurve } from './income-distribution';
import { type ReportOptions, resolveReportOptions } from './report-options';
import { topIndexes } from './top-earners';

/**
 * An amount both ways: exact units (for the charts' geometry) and its decimal text.
 *
 * @example
 * ```ts
 * const paid: ReportAmount = { units: 12_367_5570n, text: '12367.557' }; // units of 10^-4 at 2 + 2 decimals
 * ```
 */
export interface ReportAmount {
  readonly units: bigint;
  readonly text: string;
}

/**
 * One of the best-paid participants and where their money came from.
 *
 * @example
 * ```ts
 * const top: TopEarner = report.top[0];
 * top.levels; // [{ level: 1, amount: '812.40', lines: 96 }, …]
 * ```
 */
export interface TopEarner {
  readonly id: string;
  readonly paidAs: string | null;
  readonly payout: string;
  readonly exact: string;
  /** Share of all payouts (rounded), in [0, 1]. */
  readonly share: number;
  /** Stages paying them something, after the caps. */
  readonly stages: readonly { readonly stage: string; readonly amount: string }[];
  /** Their unilevel lines summed by level, with how many order lines each level has. */
  readonly levels: readonly { readonly level: number; readonly amount: string; readonly lines: number }[];
  /** What the caps took from them (zero or negative). */
  readonly capped: string;
  readonly sources: SourceAmounts;
}

/**
 * Everything the HTML report shows, computed once: the period's totals, stages, levels and ranks, the
 * distribution of gross income, the compliance assessment, the income disclosure statement and the top
 * earners with their explanations.
 *
 * @example
 * ```ts
 * const data = reportData({ result, members, costs, start: '2026-10-01', end: '2026-10-31' });
 * data.levels[0].paid.text; // '1250.00'
 * ```
 */
export interface ReportData {
  readonly title: string;
  readonly generated: string | null;
  readonly plan: {
    readonly version: string | null;
    readonly hash: string;
    readonly scale: number;
    /** Decimals of the exact amounts (the scale plus the rates' decimals). */
    readonly exactDecimals: number;
    readonly compression: string;
    readonly rounding: string;
  };
  /** Members by role, the active affiliates, the payees (paid something once rounded) and the orders. */
  readonly people: { readonly affiliates: number; readonly customers: number; readonly active: number; readonly payees: number; readonly orders: number };
  readonly totals: CommissionTotals;
  readonly stages: readonly StageTotals[];
  readonly levels: readonly { readonly level: number; readonly rate: string; readonly paid: ReportAmount; readonly potential: ReportAmount; readonly breakage: ReportAmount }[];
  /** Paid (exact, after caps) to the members of each paid-as rank, `no rank` first; null without a ladder. */
  readonly ranks: readonly { readonly rank: string; readonly members: number; readonly paid: ReportAmount }[] | null;
  readonly bins: readonly IncomeBin[];
  readonly lorenz: readonly LorenzPoint[];
  readonly assessment: ComplianceAssessment;
  readonly disclosure: IncomeDisclosure;
  readonly top: readonly TopEarner[];
}

/**
 * Gathers the report's figures for one period. Validates the options and the period first (the one
 * `DownlineError` of `assessCompliance`, every issue at once), so bad input never gives half a report.
 *
 * @example
 * ```ts
 * const data = reportData({ result, members }, { topEarners: 5 });
 * data.assessment.verdict; // 'flag'
 * ```
 */
export function reportData(period: CompliancePeriod, options: ReportOptions = {}): ReportData {
  const resolved = resolveReportOptions(options);
  // one validation and one gathering of the facts for both the assessment and the disclosure
  const [data] = readPeriods([period], []);
  const facts = complianceFacts([data]);
  const assessment = assessFacts(facts, resolved.assessment, 1);
  const disclosure = discloseFacts(facts, resolved.assessment);
  const sorted = sortedAscending(gather(facts.gross, participants(facts)));
  const { result } = period;
  const state = resultState(result);
  const { genealogy, book, compiled, active, ranks, run } = state;
  const scale = result.plan.scale;
  const exactDecimals = scale + compiled.rateDecimals;
  const exact = (units: bigint): ReportAmount => ({ units, text: formatUnits(units, exactDecimals, scale) });
  const split = periodLevelBreakdown(state);
  let activeCount = 0;
  for (let i = 0; i < active.length; i++) activeCount += active[i];
  const topList = topIndexes(run.exact, resolved.topEarners, genealogy.ids);
  // the orders by buyer, for the top earners' levels: built only when there is someone to explain
  const grouped = topList.length === 0 ? undefined : ordersByBuyer(book, compiled);
  // payees: paid something once rounded, as the disclosure counts who earned nothing
  let payees = 0;
  for (let i = 0; i < run.exact.values.length; i++) {
    if (run.exact.values[i] !== 0 && roundedPayout(run.exact, i, compiled.rateDecimals, result.plan.rounding) !== 0n) payees++;
  }
  return {
    title: resolved.title,
    generated: resolved.generated,
    plan: { version: result.plan.version ?? null, hash: result.planHash, scale, exactDecimals, compression: result.plan.compression, rounding: result.plan.rounding },
    people: { affiliates: genealogy.size - genealogy.customerCount, customers: genealogy.customerCount, active: activeCount, payees, orders: book.count },
    totals: result.totals,
    stages: result.stages(),
    levels: split.paid.map((paid, k) => ({ level: k + 1, rate: formatUnits(split.rates[k], compiled.rateDecimals, 1), paid: exact(paid), potential: exact(split.potential[k]), breakage: exact(split.potential[k] - paid) })),
    ranks: ranks === null ? null : paidByRank(run.exact, ranks.paidAs, compiled.ranks.map((rank) => rank.name), genealogy.roles).map((row) => ({ ...row, paid: exact(row.paid) })),
    bins: incomeBins(sorted, scale),
    lorenz: lorenzCurve(sorted),
    assessment,
    disclosure,
    top: grouped === undefined ? [] : topList.map((index) => topEarner(period, index, grouped, data.income.of(genealogy.ids.at(index)), state.roundedTotal)),
  };
}

/** Σ exact payout per paid-as rank code over the affiliates (customers hold no rank and earn nothing). */
function paidByRank(exact: ExactColumn, paidAs: Uint8Array, names: readonly string[], roles: Uint8Array) {
  const small = new Float64Array(names.length + 1);
  const big = new Array<bigint>(names.length + 1).fill(0n);
  const members = new Array<number>(names.length + 1).fill(0);
  const values = exact.values;
  for (let i = 0; i < values.length; i++) {
    if (roles[i] !== 0) continue;
    const code = paidAs[i];
    members[code]++;
    const value = values[i];
    // past 2^52 to bigint at once: the double sum only ever adds two numbers ≤ 2^52, so it stays exact
    if (value === WIDE || value > 2 ** 52) big[code] += exact.get(i);
    else if ((small[code] += value) > 2 ** 52) {
      big[code] += BigInt(small[code]);
      small[code] = 0;
    }
  }
  return ['no rank', ...names].map((rank, code) => ({ rank, members: members[code], paid: big[code] + BigInt(small[code]) }));
}

function topEarner(period: CompliancePeriod, index: number, grouped: OrdersByBuyer, sources: SourceAmounts, payoutTotal: bigint): TopEarner {
  const { result } = period;
  const { genealogy, book, compiled, active, ranks, run } = resultState(result);
  const id = genealogy.ids.at(index);
  const scale = result.plan.scale;
  const decimals = scale + compiled.rateDecimals;
  const levels = payeeLevels(index, genealogy, book, compiled, active, grouped, ranks?.paidAs ?? null);
  let capped = 0n;
  for (const stage of run.stages.values()) capped += stage.uncapped.get(index) - stage.exact.get(index);
  const units = roundedPayout(run.exact, index, compiled.rateDecimals, result.plan.rounding);
  return {
    id,
    paidAs: result.rank(id).paidAs,
    payout: formatUnits(units, scale),
    exact: result.exact(id),
    share: payoutTotal === 0n ? 0 : Number((units * 1_000_000n) / payoutTotal) / 1_000_000,
    stages: Object.entries(result.earnings(id))
      .filter(([, amount]) => /[1-9]/.test(amount as string))
      .map(([stage, amount]) => ({ stage, amount: amount as string })),
    levels: levels.map((level) => ({ level: level.level, amount: formatUnits(level.units, decimals, scale), lines: level.lines })),
    capped: formatUnits(-capped, decimals, scale),
    sources,
  };
}
