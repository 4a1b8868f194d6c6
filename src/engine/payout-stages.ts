import type { Genealogy } from '../genealogy';
import { addColumns, ExactColumn } from '../money/exact-column';
import type { OrderBook } from '../orders/ingest-orders';
import type { StageName } from '../plan/plan';
import { applyCaps, type CapCut } from './caps';
import type { CompiledPlan } from './compiled-plan';
import { differentialSums, type StairstepLinks, stairstepLinks } from './differential';
import { type BinaryCarry, type BinaryOutcome, binaryPairs, compileBinary } from './binary';
import type { Placement } from './binary-placement';
import { foldCustomerVolume } from './customer-volume';
import { directSaleSums } from './direct-sale';
import { type BonusSums, fastStartSums, scaleColumn } from './fast-start';
import { type PoolSplit, poolSums } from './leadership-pool';
import { matchedEarnings, matchingSums } from './matching';
import { payeeSums } from './payee-sums';
import { retailProfitSums } from './retail-profit';
import type { PeriodVolumes } from './period-volumes';

/**
 * One payout stage of a period: its exact column after the caps, the column before them, what it paid (after
 * the caps) and its potential.
 *
 * @example
 * ```ts
 * const unilevel = run.stages.get('unilevel'); // a StageRun: every plan runs the unilevel stage
 * unilevel && unilevel.paid <= unilevel.potential; // true
 * ```
 */
export interface StageRun {
  readonly name: StageName;
  readonly exact: ExactColumn;
  readonly uncapped: ExactColumn;
  readonly paid: bigint;
  readonly potential: bigint;
}

/**
 * Every stage the plan uses, in the engine's order, with what explanations need later: the stairstep links,
 * the pool splits, the matched earnings, the caps' cuts; `exact` is each payee's total, `paid` and `potential`
 * the period's, `capped` what the caps took (`paid + capped + breakage = potential`).
 *
 * @example
 * ```ts
 * const run = payoutStages(context);
 * run.paid + run.capped <= run.potential; // true
 * ```
 */
export interface PayoutStages {
  readonly stages: ReadonlyMap<StageName, StageRun>;
  readonly exact: ExactColumn;
  readonly paid: bigint;
  readonly potential: bigint;
  readonly capped: bigint;
  readonly cuts: readonly CapCut[];
  readonly links: StairstepLinks | null;
  readonly pools: readonly PoolSplit[];
  readonly matched: ExactColumn | null;
  /** The binary outcome and the carry it started from. */
  readonly binary: { readonly outcome: BinaryOutcome; readonly carryIn: BinaryCarry | null } | null;
}

/** What the stages read: the period's columns. */
export interface StageContext {
  readonly genealogy: Genealogy;
  readonly book: OrderBook;
  readonly compiled: CompiledPlan;
  readonly volumes: PeriodVolumes;
  readonly active: Uint8Array;
  /** Paid-as rank codes when the plan has a ladder. */
  readonly paidAs: Uint8Array | null;
  /** The binary placement and the carry in, when the plan has a binary. */
  readonly binary: { readonly placement: Placement; readonly carry: BinaryCarry | null } | null;
}

/**
 * Runs the stages the plan uses, in a fixed order — unilevel, fast start, direct sale, retail profit, differential and
 * generation override, binary, matching (on the earnings of the stages it matches, before caps), leadership pools —
 * then the caps over all of them. Each stage is a fixed number of passes over the columns.
 *
 * @example
 * ```ts
 * const { exact, paid, potential } = payoutStages({ genealogy, book, compiled, volumes, active, paidAs: null, binary: null });
 * ```
 */
export function payoutStages(context: StageContext): PayoutStages {
  const { genealogy, book, compiled, volumes, active, paidAs } = context;
  const runs: Array<{ name: StageName; sums: BonusSums }> = [];
  const unilevel = payeeSums(genealogy, volumes, compiled, active, paidAs);
  runs.push({ name: 'unilevel', sums: { ...unilevel, potential: volumes.commissionableTotal * compiled.potentialRateSum } });
  if (compiled.fastStartRates.length > 0) runs.push({ name: 'fast-start', sums: fastStartSums(genealogy, book, compiled, active) });
  if (compiled.directSaleRate > 0n) runs.push({ name: 'direct-sale', sums: directSaleSums(genealogy, book, compiled) });
  if (compiled.retailProfit) runs.push({ name: 'retail-profit', sums: retailProfitSums(genealogy, book, compiled) });
  let links: StairstepLinks | null = null;
  if (compiled.differentialRates !== null && paidAs !== null) {
    links = stairstepLinks(genealogy, compiled, paidAs);
    const { differential, generation } = differentialSums(genealogy, volumes.commissionable, volumes.commissionableTotal, compiled, paidAs, links);
    runs.push({ name: 'differential', sums: differential });
    if (generation !== null) runs.push({ name: 'generation', sums: generation });
  }
  let binary: BinaryOutcome | null = null;
  const binaryRule = compiled.plan.binary;
  if (binaryRule !== null && context.binary !== null) {
    const rules = compileBinary(
      { pairVolume: binaryRule.pairVolume, pairAmount: binaryRule.pairAmount, carryCap: binaryRule.carryCap ?? undefined, pairCeiling: binaryRule.pairCeiling ?? undefined },
      compiled.plan.scale,
    );
    // customers are not placed: their orders count in the volume of the affiliate who referred them
    const volume = foldCustomerVolume(volumes.commissionable, genealogy);
    binary = binaryPairs(context.binary.placement, volume, active, rules, context.binary.carry);
    const lift = 10n ** BigInt(compiled.rateDecimals);
    runs.push({
      name: 'binary',
      sums: { exact: scaleColumn(binary.amounts, lift), paid: binary.paid * lift, potential: binary.potential * lift },
    });
  }
  let matched: ExactColumn | null = null;
  const matching = compiled.plan.matching;
  if (compiled.matching !== null && matching !== null) {
    const on = runs.filter((run) => (matching.on as readonly StageName[]).includes(run.name)).map((run) => run.sums.exact);
    const earnings = matchedEarnings(on.length > 0 ? on : [new ExactColumn(genealogy.size)], compiled);
    matched = earnings.base;
    runs.push({ name: 'matching', sums: matchingSums(genealogy, earnings, compiled, active, paidAs) });
  }
  let pools: readonly PoolSplit[] = [];
  if (compiled.pools.length > 0 && paidAs !== null) {
    const pool = poolSums(compiled, volumes.commissionableTotal, paidAs, genealogy.ids);
    pools = pool.splits;
    runs.push({ name: 'pool', sums: pool });
  }
  const capped = applyCaps(
    runs.map((run) => ({ name: run.name, exact: run.sums.exact })),
    compiled,
    volumes.commissionableTotal,
    genealogy.ids,
  );
  const stages = new Map<StageName, StageRun>();
  let exact: ExactColumn | null = null;
  let paid = 0n;
  let potential = 0n;
  runs.forEach((run, s) => {
    const column = capped.stages[s].exact;
    const stagePaid = column === run.sums.exact ? run.sums.paid : column.total();
    stages.set(run.name, { name: run.name, exact: column, uncapped: run.sums.exact, paid: stagePaid, potential: run.sums.potential });
    exact = exact === null ? column : addColumns(exact, column);
    paid += stagePaid;
    potential += run.sums.potential;
  });
  return {
    stages,
    exact: exact ?? new ExactColumn(genealogy.size),
    paid,
    potential,
    capped: capped.capped,
    cuts: capped.cuts,
    links,
    pools,
    matched,
    binary: binary === null ? null : { outcome: binary, carryIn: context.binary?.carry ?? null },
  };
}
