import { DownlineError, ErrorCode, type Issue, type IssuePath, quote } from '../errors';
import type { Genealogy } from '../genealogy/genealogy';
import { describe, refusalCode, refusalText } from '../money/amount-refusal';
import { parseDecimal } from '../money/decimal-string';
import { ExactColumn } from '../money/exact-column';
import { readMinorUnits } from '../money/minor-units';
import type { Placement } from './binary-placement';

const MAX = Number.MAX_SAFE_INTEGER;
const BIG_MAX = BigInt(MAX);
const LEFT = 1;

/**
 * The binary rules of a plan, as written: `pairVolume` of volume on each side makes one pair, which pays
 * `pairAmount`; `carryCap` caps the volume carried per side to the next period; `pairCeiling` caps the pairs
 * paid per member and period. Amounts are decimal strings at the plan's currency scale.
 *
 * @example
 * ```ts
 * const rules: BinaryRules = { pairVolume: '100', pairAmount: '10.00', carryCap: '5000', pairCeiling: 20 };
 * ```
 */
export interface BinaryRules {
  readonly pairVolume: string;
  readonly pairAmount: string;
  readonly carryCap?: string;
  readonly pairCeiling?: number;
}

/**
 * {@link BinaryRules} in integer minor units; `null` where the plan sets no cap or ceiling.
 *
 * @example
 * ```ts
 * compileBinary({ pairVolume: '100', pairAmount: '10' }, 2);
 * // { pairVolume: 10000n, pairAmount: 1000n, carryCap: null, pairCeiling: null }
 * ```
 */
export interface CompiledBinary {
  readonly pairVolume: bigint;
  readonly pairAmount: bigint;
  readonly carryCap: bigint | null;
  readonly pairCeiling: number | null;
}

/**
 * Reads the binary rules into minor units at `scale` decimals. The plan schema has validated them already;
 * anything it let through that cannot be read (a zero pair volume, a fractional ceiling) is an `INVALID_PLAN`.
 *
 * @example
 * ```ts
 * compileBinary({ pairVolume: '100', pairAmount: '12.50', carryCap: '1000', pairCeiling: 5 }, 2);
 * // { pairVolume: 10000n, pairAmount: 1250n, carryCap: 100000n, pairCeiling: 5 }
 * ```
 */
export function compileBinary(rules: BinaryRules, scale: number): CompiledBinary {
  const pairVolume = planUnits(rules.pairVolume, scale, 'pairVolume');
  if (pairVolume === 0n) throw planError('pairVolume', 'must be more than 0');
  const pairAmount = planUnits(rules.pairAmount, scale, 'pairAmount');
  const carryCap = rules.carryCap === undefined ? null : planUnits(rules.carryCap, scale, 'carryCap');
  const ceiling = rules.pairCeiling;
  if (ceiling !== undefined && !(Number.isSafeInteger(ceiling) && ceiling >= 0)) {
    throw planError('pairCeiling', `must be a whole number of pairs, got ${describe(ceiling)}`);
  }
  return { pairVolume, pairAmount, carryCap, pairCeiling: ceiling ?? null };
}

function planUnits(text: unknown, scale: number, key: string): bigint {
  const read = typeof text === 'string' ? parseDecimal(text, scale) : null;
  if (read === null || !read.ok) throw planError(key, `${describe(text)} is not a non-negative decimal string at scale ${scale}`);
  return read.units;
}

function planError(key: string, text: string): DownlineError {
  return DownlineError.of(ErrorCode.InvalidPlan, `plan binary.${key}: ${text}`, ['binary', key]);
}

/**
 * Binary volume carried per side, in minor units, by genealogy index.
 *
 * @example
 * ```ts
 * const carry = readBinaryCarry({ A: { left: '150', right: '20' } }, genealogy, 2);
 * carry?.left.get(genealogy.indexOf('A')); // 15000n
 * ```
 */
export interface BinaryCarry {
  readonly left: ExactColumn;
  readonly right: ExactColumn;
}

/**
 * Reads the carry brought in from the previous period: `{ [memberId]: { left, right } }`, each amount a decimal
 * string or a safe integer of minor units, like an order amount. `undefined` reads as `null` (no carry). Every
 * problem is collected and thrown together: `UNKNOWN_MEMBER` for an id the genealogy does not hold,
 * `INVALID_RECORD` for an input or entry that is not an object, and `INVALID_AMOUNT`, `NEGATIVE_AMOUNT` or
 * `TOO_MANY_DECIMALS` for an amount; paths are `[...path, id, 'left' | 'right']`. Members that are not placed
 * this period (customers among them) may carry in; {@link binaryPairs} drops their carry.
 *
 * @example
 * ```ts
 * const carry = readBinaryCarry({ A: { left: '150.00', right: 2000 } }, genealogy, 2);
 * carry?.right.get(genealogy.indexOf('A')); // 2000n
 * ```
 */
export function readBinaryCarry(
  input: Readonly<Record<string, { readonly left: string | number; readonly right: string | number }>> | undefined,
  genealogy: Genealogy,
  scale: number,
  path: IssuePath = ['binaryCarry'],
): BinaryCarry | null {
  if (input === undefined) return null;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw DownlineError.of(ErrorCode.InvalidRecord, 'binaryCarry: must be an object of { left, right } by member id', path);
  }
  const ids = Object.keys(input);
  const indexes = genealogy.indexesOf(ids);
  const left = new ExactColumn(genealogy.size);
  const right = new ExactColumn(genealogy.size);
  const issues: Issue[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    const name = `binaryCarry ${quote(id)}`;
    const u = indexes[k];
    if (u < 0) issues.push({ code: ErrorCode.UnknownMember, path: [...path, id], message: `${name}: unknown member ${quote(id)}` });
    const entry = input[id] as unknown;
    if (typeof entry !== 'object' || entry === null) {
      issues.push({ code: ErrorCode.InvalidRecord, path: [...path, id], message: `${name}: must be an object with left and right` });
      continue;
    }
    for (const key of ['left', 'right'] as const) {
      const value = (entry as Record<string, unknown>)[key];
      const read = readMinorUnits(value, scale);
      if (typeof read === 'object') {
        issues.push({ code: refusalCode(read), path: [...path, id, key], message: `${name}: ${key} ${refusalText(read, value, scale)}` });
      } else if (u >= 0) {
        (key === 'left' ? left : right).set(u, read);
      }
    }
  }
  if (issues.length > 0) throw new DownlineError(issues);
  return { left, right };
}

/**
 * What the binary stage found and paid, by genealogy index (zeros for unplaced members).
 *
 * @example
 * ```ts
 * const outcome = binaryPairs(placement, volume, active, compileBinary(rules, 2), null);
 * outcome.potential - outcome.paid; // the breakage: pairs flushed above the ceiling, in minor units
 * ```
 */
export interface BinaryOutcome {
  /** Pairs paid per member this period: `min(formed, pairCeiling)`. */
  readonly pairs: Float64Array;
  /** Pairs formed before the ceiling: `floor(min(L, R) / pairVolume)` for an active member, else 0. */
  readonly formed: Float64Array;
  /** This period's volume in the left leg (the placement subtree of the left child), minor units. */
  readonly legLeft: ExactColumn;
  /** This period's volume in the right leg, minor units. */
  readonly legRight: ExactColumn;
  /** Carried to the next period, after pairing, capped per side. */
  readonly carry: BinaryCarry;
  /** `pairs × pairAmount`, minor units. */
  readonly amounts: ExactColumn;
  /** Σ amounts. */
  readonly paid: bigint;
  /** Σ formed × pairAmount: what the stage pays without a ceiling. */
  readonly potential: bigint;
}

/**
 * The binary stage, one period. `volume` is each member's binary volume this period in minor units; `active`
 * says who qualifies; `carryIn` is last period's carry (or `null`). For each placed member `u`:
 *
 * 1. `legLeft(u)` = Σ volume over the placement subtree of u's left child (that child included), likewise
 *    `legRight(u)`; u's own volume is in neither. Folded bottom-up over `placement.order`, no recursion.
 * 2. `L = carryIn.left(u) + legLeft(u)`, `R = carryIn.right(u) + legRight(u)`.
 * 3. An active member forms `formed = floor(min(L, R) / pairVolume)` pairs and is paid
 *    `pairs = min(formed, pairCeiling)` pairs of `pairAmount`. The volume of every formed pair is consumed on
 *    both sides, paid or not: pairs above the ceiling are flushed, and `potential − paid` is their amount.
 *    An inactive member forms and is paid nothing: its L and R are carried whole.
 * 4. `carry.left(u) = min(L − formed × pairVolume, carryCap)`, likewise right (no cap when `carryCap` is null);
 *    volume above the cap is flushed (volume, not money: it is not in `potential`).
 *
 * Unplaced members have no legs, form no pairs and carry nothing: their `carryIn` and their own volume are
 * dropped. DESIGN §9: left 250, right 120, pair volume 100 → 1 pair, carry 150 left and 20 right.
 *
 * Exact: in doubles when the placed members' volume and carry in add up to at most 2^53 − 1 minor units (every
 * leg and every L, R is then at most that sum), in bigint otherwise; `pairs × pairAmount` goes to bigint when
 * it passes 2^53. A member forming 2^53 pairs or more (only possible on the bigint path) is a
 * `VOLUME_TOO_LARGE` error, since pair counts are doubles.
 *
 * @example
 * ```ts
 * // A with B on the left (250) and C on the right (120), pairs of 100 paying 10.00 at scale 2
 * const outcome = binaryPairs(placement, volume, active, compileBinary({ pairVolume: '100', pairAmount: '10' }, 2), null);
 * outcome.pairs[a];          // 1
 * outcome.carry.left.get(a); // 15000n (150.00)
 * outcome.carry.right.get(a); // 2000n (20.00)
 * ```
 */
export function binaryPairs(
  placement: Placement,
  volume: ExactColumn,
  active: Uint8Array,
  rules: CompiledBinary,
  carryIn: BinaryCarry | null,
): BinaryOutcome {
  if (rules.pairVolume <= 0n) throw new RangeError('binaryPairs: pairVolume must be more than 0');
  return fitsInDoubles(placement.order, volume, carryIn)
    ? narrowPairs(placement, volume.values, carryIn, active, rules)
    : widePairs(placement, volume, carryIn, active, rules);
}

/** Whether Σ volume + Σ carry in over the placed members stays a safe integer, every column narrow. */
function fitsInDoubles(order: Int32Array, volume: ExactColumn, carryIn: BinaryCarry | null): boolean {
  if (!volume.isNarrow || (carryIn !== null && !(carryIn.left.isNarrow && carryIn.right.isNarrow))) return false;
  const values = volume.values;
  let sum = 0;
  for (let k = 0; k < order.length; k++) sum += values[order[k]];
  if (carryIn !== null) {
    const left = carryIn.left.values;
    const right = carryIn.right.values;
    for (let k = 0; k < order.length && sum <= MAX; k++) sum += left[order[k]] + right[order[k]];
  }
  // partial sums of non-negative safe integers are exact until one passes 2^53 − 1, and stay above it after
  return sum <= MAX;
}

/** Sums of pair counts, exact: in a double while it stays safe, spilled into bigint beyond. */
class CountSum {
  #small = 0;
  #big = 0n;
  add(count: number): void {
    if (this.#small + count > MAX) {
      this.#big += BigInt(this.#small);
      this.#small = 0;
    }
    this.#small += count;
  }
  times(amount: bigint): bigint {
    return (this.#big + BigInt(this.#small)) * amount;
  }
}

function narrowPairs(
  placement: Placement,
  volume: Float64Array,
  carryIn: BinaryCarry | null,
  active: Uint8Array,
  rules: CompiledBinary,
): BinaryOutcome {
  const { parent, side, order } = placement;
  const n = parent.length;
  const legLeft = new Float64Array(n);
  const legRight = new Float64Array(n);
  for (let k = order.length - 1; k >= 0; k--) {
    const u = order[k];
    const p = parent[u];
    if (p < 0) continue;
    const subtree = legLeft[u] + legRight[u] + volume[u];
    if (side[u] === LEFT) legLeft[p] += subtree;
    else legRight[p] += subtree;
  }
  // a pair volume or cap beyond every L and R acts as infinite; x % Infinity is x, so no pair forms then
  const pairVolume = rules.pairVolume <= BIG_MAX ? Number(rules.pairVolume) : Number.POSITIVE_INFINITY;
  const cap = rules.carryCap === null || rules.carryCap > BIG_MAX ? Number.POSITIVE_INFINITY : Number(rules.carryCap);
  const ceiling = rules.pairCeiling ?? Number.POSITIVE_INFINITY;
  const pairAmount = rules.pairAmount <= BIG_MAX ? Number(rules.pairAmount) : Number.NaN;
  const inLeft = carryIn?.left.values;
  const inRight = carryIn?.right.values;
  const pairs = new Float64Array(n);
  const formed = new Float64Array(n);
  const carryLeft = new Float64Array(n);
  const carryRight = new Float64Array(n);
  const amounts = new ExactColumn(n);
  const paidPairs = new CountSum();
  const formedPairs = new CountSum();
  for (let k = 0; k < order.length; k++) {
    const u = order[k];
    let left = legLeft[u] + (inLeft === undefined ? 0 : inLeft[u]);
    let right = legRight[u] + (inRight === undefined ? 0 : inRight[u]);
    if (active[u] !== 0) {
      const least = left < right ? left : right;
      // exact: least − least % pairVolume is a multiple of pairVolume, below 2^53
      const made = (least - (least % pairVolume)) / pairVolume;
      if (made > 0) {
        const used = made * pairVolume;
        left -= used;
        right -= used;
        const paid = made < ceiling ? made : ceiling;
        formed[u] = made;
        pairs[u] = paid;
        formedPairs.add(made);
        paidPairs.add(paid);
        const amount = paid * pairAmount; // NaN when pairAmount is wide
        if (amount <= MAX) amounts.set(u, amount);
        else amounts.set(u, BigInt(paid) * rules.pairAmount);
      }
    }
    carryLeft[u] = left < cap ? left : cap;
    carryRight[u] = right < cap ? right : cap;
  }
  return {
    pairs,
    formed,
    legLeft: new ExactColumn(legLeft),
    legRight: new ExactColumn(legRight),
    carry: { left: new ExactColumn(carryLeft), right: new ExactColumn(carryRight) },
    amounts,
    paid: paidPairs.times(rules.pairAmount),
    potential: formedPairs.times(rules.pairAmount),
  };
}

/** The same stage in bigint, for volumes past 2^53. Slow, exact. */
function widePairs(
  placement: Placement,
  volume: ExactColumn,
  carryIn: BinaryCarry | null,
  active: Uint8Array,
  rules: CompiledBinary,
): BinaryOutcome {
  const { parent, side, order } = placement;
  const n = parent.length;
  const legLeft = new Map<number, bigint>();
  const legRight = new Map<number, bigint>();
  for (let k = order.length - 1; k >= 0; k--) {
    const u = order[k];
    const p = parent[u];
    if (p < 0) continue;
    const subtree = (legLeft.get(u) ?? 0n) + (legRight.get(u) ?? 0n) + volume.get(u);
    if (subtree === 0n) continue;
    const leg = side[u] === LEFT ? legLeft : legRight;
    leg.set(p, (leg.get(p) ?? 0n) + subtree);
  }
  const { pairVolume, pairAmount, carryCap: cap, pairCeiling } = rules;
  const ceiling = pairCeiling === null ? null : BigInt(pairCeiling);
  const out = {
    pairs: new Float64Array(n),
    formed: new Float64Array(n),
    legLeft: new ExactColumn(n),
    legRight: new ExactColumn(n),
    carry: { left: new ExactColumn(n), right: new ExactColumn(n) },
    amounts: new ExactColumn(n),
  };
  let paid = 0n;
  let potential = 0n;
  for (let k = 0; k < order.length; k++) {
    const u = order[k];
    const legL = legLeft.get(u) ?? 0n;
    const legR = legRight.get(u) ?? 0n;
    setExact(out.legLeft, u, legL);
    setExact(out.legRight, u, legR);
    let left = legL + (carryIn === null ? 0n : carryIn.left.get(u));
    let right = legR + (carryIn === null ? 0n : carryIn.right.get(u));
    if (active[u] !== 0) {
      const made = (left < right ? left : right) / pairVolume;
      if (made > BIG_MAX) {
        throw DownlineError.of(ErrorCode.VolumeTooLarge, `binary: member #${u} of the genealogy forms ${made} pairs, more than 2^53 − 1`);
      }
      if (made > 0n) {
        left -= made * pairVolume;
        right -= made * pairVolume;
        const pays = ceiling !== null && ceiling < made ? ceiling : made;
        out.formed[u] = Number(made);
        out.pairs[u] = Number(pays);
        setExact(out.amounts, u, pays * pairAmount);
        paid += pays * pairAmount;
        potential += made * pairAmount;
      }
    }
    setExact(out.carry.left, u, cap !== null && cap < left ? cap : left);
    setExact(out.carry.right, u, cap !== null && cap < right ? cap : right);
  }
  return { ...out, paid, potential };
}

/** Stores an exact value, in the double slot when it is safe. */
function setExact(column: ExactColumn, index: number, value: bigint): void {
  if (value === 0n) return;
  column.set(index, value <= BIG_MAX ? Number(value) : value);
}
