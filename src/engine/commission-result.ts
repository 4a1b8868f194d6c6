import { DownlineError, ErrorCode, quote } from '../errors';
import type { Genealogy } from '../genealogy';
import { formatUnits } from '../money/decimal-string';
import type { ExactColumn } from '../money/exact-column';
import type { OrderBook } from '../orders/ingest-orders';
import type { Plan, StageName } from '../plan/plan';
import { planHash } from '../plan/plan-hash';
import type { CompiledPlan } from './compiled-plan';
import { directSaleLines, ordersBySeller, sellerOf } from './direct-sale';
import { type BonusLine, type CapLine, type ExplainLine, explainLines, fastStartLines, type OrdersByBuyer, ordersByBuyer } from './explain';
import { binaryLines, capLines, differentialLines, generationLines, matchingLines, poolLines } from './explain-stages';
import { periodLevelBreakdown } from './level-breakdown';
import type { PayoutStages } from './payout-stages';
import { retailProfitLines } from './retail-profit';
import { levelSums } from './level-sums';
import { rankedLevelSums } from './ranked-level-sums';
import type { RankColumns } from './rank-evaluation';
import { type RankReport, rankReport } from './rank-report';
import { roundedPayout } from './round-payouts';

/** Kind mask of enrollment orders (fast start is paid on them whatever the plan's commissionable kinds). */
const ENROLLMENT_ONLY = Uint8Array.of(0, 0, 1);

/**
 * The period's totals, exact decimal strings. `potential = paid + capped + breakage` and
 * `paid = payouts + residual`, exactly.
 *
 * @example
 * ```ts
 * const { potential, paid, breakage, residual } = result.totals;
 * ```
 */
export interface CommissionTotals {
  /** What the plan would pay if every level of every commissionable order were paid. */
  readonly potential: string;
  /** Σ of the exact commission lines. */
  readonly paid: string;
  /** `potential − paid − capped`: inactive levels, levels above a root, unclaimed bonuses. */
  readonly breakage: string;
  /** What the plan's caps took (`potential = paid + capped + breakage`); `"0"` without caps. */
  readonly capped: string;
  /** `paid − payouts`: what rounding each payee's total left over (negative possible with half-up). */
  readonly residual: string;
  /** Σ of the rounded payouts, at the plan's scale. */
  readonly payouts: string;
}

/**
 * One payee and what they are paid, at the plan's scale.
 *
 * @example
 * ```ts
 * const payout: Payout = { id: 'B', amount: '9.00' };
 * ```
 */
export interface Payout {
  readonly id: string;
  readonly amount: string;
}

/**
 * Why a member is paid what they are paid: every line, the exact total they sum to, and the rounded payout.
 *
 * @example
 * ```ts
 * const { exact, payout, lines } = result.explain('B');
 * ```
 */
export interface Explanation {
  readonly id: string;
  /** Whether the member met the period's qualification (only active members earn). */
  readonly active: boolean;
  /** Σ of `lines[].amount`, `bonuses[].amount` and `caps[].amount`, exact. */
  readonly exact: string;
  /** `exact` rounded with the plan's mode, at the plan's scale. */
  readonly payout: string;
  /** Unilevel lines: a share of one order's volume. */
  readonly lines: readonly ExplainLine[];
  /**
   * Bonus lines: direct sale on the member's own retail sales, fast start on enrollments, differential and
   * generation override by order, matching by member, pools, binary.
   */
  readonly bonuses: readonly BonusLine[];
  /** What the plan's caps took from the member (negative amounts). */
  readonly caps: readonly CapLine[];
}

/**
 * One stage's figures for the period, exact decimal strings: `paid + capped ≤ potential`.
 *
 * @example
 * ```ts
 * const fast: StageTotals = { stage: 'fast-start', potential: '70.00', paid: '50.00', capped: '0.00' };
 * ```
 */
export interface StageTotals {
  readonly stage: StageName;
  readonly potential: string;
  readonly paid: string;
  readonly capped: string;
}

/**
 * One level of the unilevel stage for the period, exact decimal strings: `paid` is what the payees standing
 * `level` levels above the buyers earned before the caps (caps apply per payee, not per level), `potential`
 * what the level's best rate would pay on all commissionable volume, `breakage = potential − paid`.
 *
 * @example
 * ```ts
 * const first: LevelTotals = { level: 1, rate: '0.1', potential: '100.00', paid: '80.00', breakage: '20.00' };
 * ```
 */
export interface LevelTotals {
  readonly level: number;
  /** The level's best rate (over the plan's levels and the ranks' own levels). */
  readonly rate: string;
  readonly potential: string;
  readonly paid: string;
  readonly breakage: string;
}

/** What the engine hands to a {@link CommissionResult}. */
export interface CommissionState {
  readonly genealogy: Genealogy;
  readonly book: OrderBook;
  readonly compiled: CompiledPlan;
  readonly personal: ExactColumn;
  readonly active: Uint8Array;
  /** Every stage the plan ran, each payee's total (`run.exact`), paid, potential and what the caps took. */
  readonly run: PayoutStages;
  readonly roundedTotal: bigint;
  /** Rank columns when the plan has a ladder, and each member's achieved rank code. */
  readonly ranks: RankColumns | null;
  readonly achieved: Uint8Array | null;
}

/**
 * A member's rank this period: the rank they are paid as, and the highest they ever achieved (null: none).
 *
 * @example
 * ```ts
 * const standing: RankStanding = { paidAs: 'Silver', achieved: 'Gold' };
 * ```
 */
export interface RankStanding {
  readonly paidAs: string | null;
  readonly achieved: string | null;
}

const states = new WeakMap<CommissionResult, CommissionState>();

/**
 * The columns behind a result, for the library's own later stages (compliance, analytics); not part of the
 * public API.
 *
 * @example
 * ```ts
 * const { genealogy, book, active, exact } = resultState(result);
 * ```
 */
export function resultState(result: CommissionResult): CommissionState {
  const state = states.get(result);
  if (state === undefined) throw new TypeError('not a CommissionResult built by computeCommissions');
  return state;
}

/**
 * The outcome of one commission period: payouts by member id, their explanation, and the totals. Built by
 * `computeCommissions`; it only reads the columns it was given, so it is cheap to keep and to query.
 *
 * @example
 * ```ts
 * const result = computeCommissions({ genealogy, plan, orders });
 * result.payout('B');        // "9.00"
 * result.explain('B').lines; // the order lines behind it
 * result.totals.breakage;    // "23.50"
 * ```
 */
export class CommissionResult {
  readonly plan: Plan;
  readonly totals: CommissionTotals;
  readonly #state: CommissionState;
  #planHash: string | undefined;
  #grouped: OrdersByBuyer | undefined;
  #enrollments: OrdersByBuyer | undefined;
  #sales: OrdersByBuyer | undefined;
  #lineCounts: Float64Array | undefined;

  /** @internal Built by `computeCommissions`. */
  constructor(state: CommissionState) {
    this.#state = state;
    states.set(this, state);
    this.plan = state.compiled.plan;
    const { scale } = this.plan;
    const exactDecimals = scale + state.compiled.rateDecimals;
    const unit = 10n ** BigInt(state.compiled.rateDecimals);
    const { potential, paid, capped } = state.run;
    this.totals = Object.freeze({
      potential: formatUnits(potential, exactDecimals, scale),
      paid: formatUnits(paid, exactDecimals, scale),
      breakage: formatUnits(potential - paid - capped, exactDecimals, scale),
      capped: formatUnits(capped, exactDecimals, scale),
      residual: formatUnits(paid - state.roundedTotal * unit, exactDecimals, scale),
      payouts: formatUnits(state.roundedTotal, scale),
    });
  }

  /**
   * The content hash of the plan this result was computed with (`planHash(plan)`); `plan.version` is its label.
   *
   * @example
   * ```ts
   * result.planHash; // 'sha256:4945…'
   * ```
   */
  get planHash(): string {
    this.#planHash ??= planHash(this.plan);
    return this.#planHash;
  }

  /** The member's payout, rounded at the plan's scale (`"0.00"` when they earn nothing). */
  payout(id: string): string {
    return this.#payoutText(this.#index(id));
  }

  /** The member's exact commission before rounding. */
  exact(id: string): string {
    return this.#exactText(this.#index(id));
  }

  /** Whether the member met the period's qualification (`PV ≥ minPersonalVolume`). */
  isActive(id: string): boolean {
    return this.#state.active[this.#index(id)] === 1;
  }

  /**
   * The member's paid-as and achieved rank (both null when the plan has no ranks or the member holds none).
   *
   * @example
   * ```ts
   * result.rank('A'); // { paidAs: 'Silver', achieved: 'Gold' }
   * ```
   */
  rank(id: string): RankStanding {
    const i = this.#index(id);
    const { ranks, achieved, compiled } = this.#state;
    const name = (code: number) => (code === 0 ? null : compiled.ranks[code - 1].name);
    return { paidAs: name(ranks?.paidAs[i] ?? 0), achieved: name(achieved?.[i] ?? 0) };
  }

  /**
   * The member's group volume (PV of the member and the whole downline) at the plan's scale; computed with the
   * ranks, so `null` when the plan has no ranks.
   *
   * @example
   * ```ts
   * result.groupVolume('A'); // "4350.00"
   * ```
   */
  groupVolume(id: string): string | null {
    const ranks = this.#state.ranks;
    return ranks === null ? null : formatUnits(BigInt(ranks.groupVolume[this.#index(id)]), this.plan.scale);
  }

  /**
   * The rank report card: every rank's requirements with the figures reached and what is missing (null when the
   * plan has no ranks).
   *
   * @example
   * ```ts
   * result.rankReport('A')?.next; // { name: 'Gold', missing: [{ requirement: 'groupVolume', … }] }
   * ```
   */
  rankReport(id: string): RankReport | null {
    const i = this.#index(id);
    const { ranks, achieved, compiled, genealogy, personal, active } = this.#state;
    if (ranks === null) return null;
    return rankReport(i, id, genealogy, compiled, ranks, personal.values, active, achieved?.[i] ?? 0);
  }

  /** The member's personal volume this period, at the plan's scale. */
  personalVolume(id: string): string {
    return formatUnits(this.#state.personal.get(this.#index(id)), this.plan.scale);
  }

  /** Every payee with at least one commission line, in genealogy order. */
  payouts(): Payout[] {
    return [...this.eachPayout()];
  }

  /**
   * The payees of {@link CommissionResult.payouts}, one at a time, in the same order, without building the
   * array: writing ten million payouts to a file this way never holds ten million objects at once.
   *
   * @example
   * ```ts
   * for (const { id, amount } of result.eachPayout()) out.write(`${id},${amount}\n`);
   * ```
   */
  *eachPayout(): Generator<Payout, void, undefined> {
    const counts = this.#countLines();
    const { ids } = this.#state.genealogy;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] !== 0) yield { id: ids.at(i), amount: this.#payoutText(i) };
    }
  }

  /**
   * Each stage the plan ran, in the engine's order, with what it could pay (`potential`), what it paid after
   * the caps (`paid`) and what the caps took from it (`capped`), exact.
   *
   * @example
   * ```ts
   * result.stages(); // [{ stage: 'unilevel', potential: '42.50', paid: '27.00', capped: '0.00' }, …]
   * ```
   */
  stages(): StageTotals[] {
    const { run, compiled } = this.#state;
    const decimals = this.plan.scale + compiled.rateDecimals;
    const text = (units: bigint) => formatUnits(units, decimals, this.plan.scale);
    return [...run.stages.values()].map((stage) => {
      const before = stage.exact === stage.uncapped ? stage.paid : stage.uncapped.total();
      return { stage: stage.name, potential: text(stage.potential), paid: text(stage.paid), capped: text(before - stage.paid) };
    });
  }

  /**
   * The unilevel stage level by level (one pass over the genealogy, computed on each call): what each level
   * paid before the caps and what its best rate could have paid. The levels' `paid` add up to the unilevel
   * stage's `paid + capped` exactly.
   *
   * @example
   * ```ts
   * result.levels(); // [{ level: 1, rate: '0.1', potential: '100.00', paid: '80.00', breakage: '20.00' }, …]
   * ```
   */
  levels(): LevelTotals[] {
    const { compiled } = this.#state;
    const { paid, potential, rates } = periodLevelBreakdown(this.#state);
    const decimals = this.plan.scale + compiled.rateDecimals;
    const text = (units: bigint) => formatUnits(units, decimals, this.plan.scale);
    return paid.map((units, k) => ({
      level: k + 1,
      rate: formatUnits(rates[k], compiled.rateDecimals, 1),
      potential: text(potential[k]),
      paid: text(units),
      breakage: text(potential[k] - units),
    }));
  }

  /**
   * What the member earned from each stage the plan ran, exact, after the caps (stages paying them nothing
   * included, as zeros).
   *
   * @example
   * ```ts
   * result.earnings('A'); // { unilevel: '40.00', matching: '4.00' }
   * ```
   */
  earnings(id: string): Readonly<Partial<Record<StageName, string>>> {
    const i = this.#index(id);
    const { run, compiled } = this.#state;
    const out: Partial<Record<StageName, string>> = {};
    for (const [name, stage] of run.stages) out[name] = formatUnits(stage.exact.get(i), this.plan.scale + compiled.rateDecimals, this.plan.scale);
    return Object.freeze(out);
  }

  /** Every commission line of one member, summing exactly to their exact total. */
  explain(id: string): Explanation {
    const index = this.#index(id);
    const state = this.#state;
    const { genealogy, book, compiled, active, run } = state;
    const paidAs = state.ranks?.paidAs ?? null;
    this.#grouped ??= ordersByBuyer(book, compiled);
    const bonuses: BonusLine[] = [];
    if (run.stages.has('direct-sale') || run.stages.has('retail-profit')) this.#sales ??= ordersBySeller(book);
    if (run.stages.has('direct-sale')) bonuses.push(...directSaleLines(index, book, compiled, this.#sales as OrdersByBuyer));
    if (run.stages.has('retail-profit')) bonuses.push(...retailProfitLines(index, book, compiled, this.#sales as OrdersByBuyer));
    if (run.stages.has('fast-start')) {
      this.#enrollments ??= ordersByBuyer(book, compiled, ENROLLMENT_ONLY);
      bonuses.push(...fastStartLines(index, genealogy, book, compiled, active, this.#enrollments));
    }
    if (run.links !== null) {
      bonuses.push(...differentialLines(index, genealogy, book, compiled, run.links, this.#grouped));
      bonuses.push(...generationLines(index, genealogy, book, compiled, run.links, this.#grouped));
    }
    if (run.matched !== null) bonuses.push(...matchingLines(index, genealogy, compiled, active, run.matched, paidAs));
    bonuses.push(...poolLines(index, run.pools, compiled));
    if (run.binary !== null) bonuses.push(...binaryLines(index, run.binary.outcome, run.binary.carryIn, compiled));
    return {
      id,
      active: active[index] === 1,
      exact: this.#exactText(index),
      payout: this.#payoutText(index),
      lines: explainLines(index, genealogy, book, compiled, active, this.#grouped, paidAs),
      bonuses,
      caps: capLines(index, run.cuts, compiled),
    };
  }

  /**
   * With a binary plan: the volume each member carries to the next period on each side, at the plan's scale
   * (members carrying nothing left out). Pass it as the next period's `binaryCarry`.
   *
   * @example
   * ```ts
   * const next = computeCommissions({ genealogy, plan, orders, placement, binaryCarry: result.binaryCarry() });
   * ```
   */
  binaryCarry(): Record<string, { left: string; right: string }> {
    const binary = this.#state.run.binary;
    const out: Record<string, { left: string; right: string }> = {};
    if (binary === null) return out;
    const { left, right } = binary.outcome.carry;
    const { ids } = this.#state.genealogy;
    for (let i = 0; i < left.values.length; i++) {
      if (left.values[i] === 0 && right.values[i] === 0) continue;
      out[ids.at(i)] = { left: formatUnits(left.get(i), this.plan.scale), right: formatUnits(right.get(i), this.plan.scale) };
    }
    return out;
  }

  /** `{ payouts: { id: amount }, totals }`, the shape `runScenario` returns and the CLI writes. */
  toJSON(): { payouts: Record<string, string>; totals: CommissionTotals } {
    const payouts: Record<string, string> = {};
    for (const { id, amount } of this.payouts()) payouts[id] = amount;
    return { payouts, totals: this.totals };
  }

  #payoutText(index: number): string {
    const { run, compiled } = this.#state;
    return formatUnits(roundedPayout(run.exact, index, compiled.rateDecimals, this.plan.rounding), this.plan.scale);
  }

  #exactText(index: number): string {
    const { run, compiled } = this.#state;
    return formatUnits(run.exact.get(index), this.plan.scale + compiled.rateDecimals, this.plan.scale);
  }

  #index(id: string): number {
    const index = this.#state.genealogy.indexOf(id);
    if (index < 0) throw DownlineError.of(ErrorCode.UnknownMember, `unknown member ${quote(id)}`);
    return index;
  }

  #countLines(): Float64Array {
    if (this.#lineCounts === undefined) {
      const { genealogy, compiled, active, book } = this.#state;
      const commissionableOrders = new Float64Array(genealogy.size);
      const paying = compiled.commissionableKind;
      for (let i = 0; i < book.count; i++) commissionableOrders[book.buyers[i]] += paying[book.kinds[i]];
      const { ranks } = this.#state;
      if (compiled.ranked && ranks !== null) {
        // one line per level of the payee's own row
        const table = new Float64Array(compiled.rateTable.length);
        compiled.rowDepths.forEach((depth, r) => table.fill(1, 8 * r, 8 * r + depth));
        const rows = { table, rowOf: ranks.paidAs, depth: compiled.walkDepth };
        this.#lineCounts = rankedLevelSums(genealogy, commissionableOrders, rows, active, compiled.plan.compression);
      } else {
        const ones = new Float64Array(compiled.rateNumerators.length).fill(1);
        this.#lineCounts = levelSums(genealogy, commissionableOrders, ones, active, compiled.plan.compression);
      }
      const { stages } = this.#state.run;
      if (stages.has('fast-start')) {
        // fast start lines: one per enrollment order and level paid
        const enrollments = new Float64Array(genealogy.size);
        for (let i = 0; i < book.count; i++) if (book.kinds[i] === 2) enrollments[book.buyers[i]]++;
        const ones = new Float64Array(compiled.fastStartRates.length).fill(1);
        const bonusLines = levelSums(genealogy, enrollments, ones, active, compiled.plan.compression);
        for (let i = 0; i < bonusLines.length; i++) this.#lineCounts[i] += bonusLines[i];
      }
      if (stages.has('direct-sale')) {
        for (let i = 0; i < book.count; i++) {
          const seller = sellerOf(book, i);
          if (seller >= 0) this.#lineCounts[seller]++;
        }
      }
      // the other stages list a payee when they pay them something
      for (const stage of stages.values()) {
        if (stage.name === 'unilevel' || stage.name === 'fast-start' || stage.name === 'direct-sale') continue;
        // retail profit lists its sellers through their nonzero profit, like the stages below
        const values = stage.uncapped.values;
        for (let i = 0; i < values.length; i++) if (values[i] !== 0) this.#lineCounts[i]++;
      }
    }
    return this.#lineCounts;
  }
}

