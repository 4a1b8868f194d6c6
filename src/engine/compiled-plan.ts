import { parseDecimal } from '../money/decimal-string';
import type { Plan } from '../plan/plan';
import { KIND_CODE } from '../orders/ingest-orders';

/**
 * A plan in the numbers the engine computes with: each level rate as an integer numerator over
 * `10^rateDecimals`, so that `volume × rate` is an exact integer in units of `10^-(scale + rateDecimals)`.
 *
 * @example
 * ```ts
 * const compiled = compilePlan(parsePlan({ levels: ['0.1', '0.05', '0.02'] }));
 * compiled.rateDecimals;  // 2
 * compiled.rateNumerators; // Float64Array [10, 5, 2]
 * compiled.rateSum;        // 17n
 * ```
 */
export interface CompiledPlan {
  readonly plan: Plan;
  /** Decimals of the rate numerators: the most decimals any level rate has. */
  readonly rateDecimals: number;
  /** Level k+1's rate × 10^rateDecimals, exact integers (at most 10^6 each). */
  readonly rateNumerators: Float64Array;
  /** The same numerators as bigints, for the exact paths. */
  readonly rateNumeratorsBig: readonly bigint[];
  /** Sum of the numerators. */
  readonly rateSum: bigint;
  /** Whether some rank has rates of its own: then payees earn by the row of their paid-as rank. */
  readonly ranked: boolean;
  /** Rate rows, 8 numerators each (zeros past a row's depth): row 0 the plan's `levels`, row r rank r's. */
  readonly rateTable: Float64Array;
  /** Levels of each row (rank-based depth). */
  readonly rowDepths: Uint8Array;
  /** The deepest row: how many levels up a sale is carried. */
  readonly walkDepth: number;
  /**
   * Σ over levels of the best rate any row pays there: `potential` per unit of commissionable volume, and the
   * most one unit of volume can pay out in all (the bound of the exactness checks).
   */
  readonly potentialRateSum: bigint;
  /** minPersonalVolume in minor units. */
  readonly minPersonalVolume: bigint;
  /** `commissionableKind[KIND_CODE[kind]]` is 1 when that kind pays commission. */
  readonly commissionableKind: Uint8Array;
  /** The direct sale rate's numerator over 10^rateDecimals (0 when the plan pays none). */
  readonly directSaleRate: bigint;
  /** Fast start amounts per level in minor units (the fast start kernel runs in minor units), and their sum. */
  readonly fastStartRates: Float64Array;
  readonly fastStartSum: bigint;
  /** The rank ladder in minor units, lowest first. */
  readonly ranks: readonly CompiledRank[];
  /** Stairstep: differential rate numerator by rank code (index 0: no rank, rate 0), or null without one. */
  readonly differentialRates: Float64Array | null;
  /** The highest differential numerator: the most one unit of volume pays through the differential. */
  readonly differentialMax: bigint;
  /** Breakaway: the lowest rank code of a leader (0 without breakaway), the generation override numerators and their sum. */
  readonly leaderRank: number;
  readonly generationRates: Float64Array;
  readonly generationSum: bigint;
  /** Matching rate rows by rank code (8 numerators each, like `rateTable`), or null when the plan pays none. */
  readonly matching: CompiledRates | null;
  /** Leadership pools: the share numerator and the shares of each rank code (index 0: no rank). */
  readonly pools: readonly CompiledPool[];
  /** `caps.totalShare`'s numerator (null without a total cap). */
  readonly totalCapShare: bigint | null;
  /** Retail profit: whether the plan pays it, and the wholesale rate's numerator (null: none). */
  readonly retailProfit: boolean;
  readonly wholesaleRate: bigint | null;
}

/**
 * Rate rows by rank code, 8 numerators per row (zeros past a row's depth), the deepest row and the best rate
 * at each level summed (what one unit can pay at most).
 *
 * @example
 * ```ts
 * compilePlan(plan).matching; // { table: Float64Array(16), depth: 2, potentialRateSum: 15n }
 * ```
 */
export interface CompiledRates {
  readonly table: Float64Array;
  readonly depth: number;
  readonly potentialRateSum: bigint;
}

/**
 * One leadership pool for the engine.
 *
 * @example
 * ```ts
 * compilePlan(plan).pools[0]; // { name: 'Leaders', share: 2n, sharesByRank: Int32Array [0, 1, 2] }
 * ```
 */
export interface CompiledPool {
  readonly name: string;
  readonly share: bigint;
  readonly sharesByRank: Int32Array;
}

/**
 * One rank's requirements for the engine: volumes in minor units, `maxLegShare` as a numerator over 10^6,
 * `legRank` as a rank code (1 = the lowest rank; 0 = any active affiliate). Absent requirements are null / 0.
 *
 * @example
 * ```ts
 * compilePlan(parsePlan({ levels: ['0.1', '0.1'], ranks: [{ name: 'Gold', groupVolume: '4350', maxLegShare: '0.4' }] }))
 *   .ranks[0]; // { name: 'Gold', groupVolume: 435000n, maxLegShare: 400000n, … }
 * ```
 */
export interface CompiledRank {
  readonly name: string;
  readonly personalVolume: bigint | null;
  readonly groupVolume: bigint | null;
  readonly maxLegShare: bigint | null;
  readonly activeLegs: number;
  readonly legRank: number;
  readonly personallySponsoredActives: number;
}

/** Denominator of a compiled `maxLegShare`. */
export const SHARE_ONE = 10n ** 6n;

/**
 * Compiles a validated plan for the engine.
 *
 * @example
 * ```ts
 * compilePlan(parsePlan({ levels: ['0.125', '0.05'] })).rateNumerators; // Float64Array [125, 50]
 * ```
 */
export function compilePlan(plan: Plan): CompiledPlan {
  const texts = [plan.levels, ...plan.ranks.map((rank) => rank.levels ?? plan.levels)];
  const rateDecimals = Math.max(...allRates(plan).map((rate) => (rate.split('.')[1] ?? '').length));
  const rateNumeratorsBig = plan.levels.map((rate) => units(rate, rateDecimals));
  const rows = texts.map((row) => row.map((rate) => units(rate, rateDecimals)));
  const rateTable = new Float64Array(8 * rows.length);
  rows.forEach((row, r) => row.forEach((rate, k) => (rateTable[8 * r + k] = Number(rate))));
  const rate = (text: string) => units(text, rateDecimals);
  const sum = (row: readonly bigint[]) => row.reduce((a, b) => a + b, 0n);
  const potentialRateSum = bestRateSum(rows);
  const rankCode = (name: string) => plan.ranks.findIndex((rank) => rank.name === name) + 1;
  const differential = plan.ranks.length > 0 && plan.ranks[0].differential !== undefined;
  const matchingRows = plan.matching === null ? [] : [plan.matching.levels, ...plan.ranks.map((rank) => rank.matching ?? plan.matching?.levels ?? [])];
  const matching = matchingRows.length === 0 ? null : rateRows(matchingRows.map((row) => row.map(rate)));
  const commissionableKind = new Uint8Array(3);
  for (const kind of plan.commissionable) commissionableKind[KIND_CODE[kind]] = 1;
  return {
    plan,
    rateDecimals,
    rateNumerators: Float64Array.from(rateNumeratorsBig, Number),
    rateNumeratorsBig,
    rateSum: sum(rateNumeratorsBig),
    ranked: plan.ranks.some((rank) => rank.levels !== undefined),
    rateTable,
    rowDepths: Uint8Array.from(rows, (row) => row.length),
    walkDepth: Math.max(...rows.map((row) => row.length)),
    potentialRateSum,
    minPersonalVolume: units(plan.minPersonalVolume, plan.scale),
    commissionableKind,
    directSaleRate: units(plan.directSale, rateDecimals),
    // parsePlan keeps each amount below 2^53 minor units, so the doubles are exact
    fastStartRates: Float64Array.from(plan.fastStart, (amount) => Number(units(amount, plan.scale))),
    fastStartSum: plan.fastStart.reduce((total, amount) => total + units(amount, plan.scale), 0n),
    ranks: plan.ranks.map((rank) => ({
      name: rank.name,
      personalVolume: rank.personalVolume === undefined ? null : units(rank.personalVolume, plan.scale),
      groupVolume: rank.groupVolume === undefined ? null : units(rank.groupVolume, plan.scale),
      maxLegShare: rank.maxLegShare === undefined ? null : units(rank.maxLegShare, 6),
      activeLegs: rank.activeLegs ?? 0,
      legRank: rank.legRank === undefined ? 0 : plan.ranks.findIndex((r) => r.name === rank.legRank) + 1,
      personallySponsoredActives: rank.personallySponsoredActives ?? 0,
    })),
    differentialRates: differential ? Float64Array.from([0n, ...plan.ranks.map((rank) => rate(rank.differential as string))], Number) : null,
    differentialMax: differential ? rate(plan.ranks[plan.ranks.length - 1].differential as string) : 0n,
    leaderRank: plan.breakaway === null ? 0 : rankCode(plan.breakaway.rank),
    generationRates: Float64Array.from(plan.breakaway?.generations ?? [], (text) => Number(rate(text))),
    generationSum: sum((plan.breakaway?.generations ?? []).map(rate)),
    matching: matching !== null && matching.depth > 0 ? matching : null,
    pools: plan.pools.map((pool) => ({
      name: pool.name,
      share: rate(pool.share),
      sharesByRank: Int32Array.from([0, ...plan.ranks.map((rank) => pool.shares[rank.name] ?? 0)]),
    })),
    totalCapShare: plan.caps?.totalShare == null ? null : rate(plan.caps.totalShare),
    retailProfit: plan.retailProfit !== null,
    wholesaleRate: plan.retailProfit?.wholesaleRate == null ? null : rate(plan.retailProfit.wholesaleRate),
  };
}

/** Every rate of the plan: the engine's exact unit has as many decimals as the longest of them. */
function allRates(plan: Plan): string[] {
  return [
    ...plan.levels,
    ...plan.ranks.flatMap((rank) => [...(rank.levels ?? []), ...(rank.matching ?? []), ...(rank.differential === undefined ? [] : [rank.differential])]),
    plan.directSale,
    ...(plan.breakaway?.generations ?? []),
    ...(plan.matching?.levels ?? []),
    ...plan.pools.map((pool) => pool.share),
    ...(plan.caps?.totalShare == null ? [] : [plan.caps.totalShare]),
    ...(plan.retailProfit?.wholesaleRate == null ? [] : [plan.retailProfit.wholesaleRate]),
  ];
}

/** The best rate any row pays at each level, summed: the most one unit of volume can pay over its levels. */
function bestRateSum(rows: readonly (readonly bigint[])[]): bigint {
  let total = 0n;
  for (let k = 0; k < 8; k++) total += rows.reduce((best, row) => (row[k] !== undefined && row[k] > best ? row[k] : best), 0n);
  return total;
}

function rateRows(rows: readonly (readonly bigint[])[]): CompiledRates {
  const table = new Float64Array(8 * rows.length);
  rows.forEach((row, r) => row.forEach((rate, k) => (table[8 * r + k] = Number(rate))));
  return { table, depth: Math.max(0, ...rows.map((row) => row.length)), potentialRateSum: bestRateSum(rows) };
}

function units(text: string, scale: number): bigint {
  const read = parseDecimal(text, scale);
  if (!read.ok) throw new Error(`unreachable: parsePlan validated ${text}`); // the plan came from parsePlan
  return read.units;
}
