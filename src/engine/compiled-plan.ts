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
  const rateDecimals = Math.max(...[...texts.flat(), plan.directSale].map((rate) => (rate.split('.')[1] ?? '').length));
  const rateNumeratorsBig = plan.levels.map((rate) => units(rate, rateDecimals));
  const rows = texts.map((row) => row.map((rate) => units(rate, rateDecimals)));
  const rateTable = new Float64Array(8 * rows.length);
  rows.forEach((row, r) => row.forEach((rate, k) => (rateTable[8 * r + k] = Number(rate))));
  const sum = (row: readonly bigint[]) => row.reduce((a, b) => a + b, 0n);
  let potentialRateSum = 0n;
  for (let k = 0; k < 8; k++) potentialRateSum += rows.reduce((best, row) => (row[k] !== undefined && row[k] > best ? row[k] : best), 0n);
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
  };
}

function units(text: string, scale: number): bigint {
  const read = parseDecimal(text, scale);
  if (!read.ok) throw new Error(`unreachable: parsePlan validated ${text}`); // the plan came from parsePlan
  return read.units;
}
