/**
 * The columns of an order book while it is being built: typed arrays that grow as chunks of orders arrive,
 * trimmed to the number of orders when the book is built.
 *
 * @module
 */
import { fitColumn, grownColumn, grownSize } from '../genealogy/capacity';
import { ExactColumn, WIDE } from '../money/exact-column';

/**
 * Marks an order without a wholesale cost in `OrderBook.wholesale`.
 *
 * @example
 * ```ts
 * book.wholesale?.[i] === WHOLESALE_NONE; // the order gave no wholesale cost
 * ```
 */
export const WHOLESALE_NONE = -1;

const SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Growable order columns: buyers, kinds, amounts and volumes (doubles, with values past 2^53 aside), wholesale
 * costs (allocated on the first one given), and the `hashId` of each order id for the duplicate check.
 * Each slot is written once, the amount of an order before its volume. The volumes are not stored while every
 * volume equals its amount (orders given without a volume): the book then shares one column for both.
 *
 * @example
 * ```ts
 * const columns = new OrderColumns();
 * columns.reserve(2);
 * columns.setAmount(0, 1234);
 * columns.finish(1).amounts.get(0); // 1234n
 * ```
 */
export class OrderColumns {
  buyers = new Int32Array(0);
  kinds = new Uint8Array(0);
  amounts = new Float64Array(0);
  /** Null while every volume equals its order's amount. */
  volumes: Float64Array | null = null;
  wholesale: Float64Array | null = null;
  hashes = new Int32Array(0);
  readonly bigAmounts = new Map<number, bigint>();
  readonly bigVolumes = new Map<number, bigint>();

  /** Room for `count` orders: exactly that many at first, then at least half as many again each time. */
  reserve(count: number): void {
    const capacity = this.buyers.length;
    if (count <= capacity) return;
    const size = grownSize(capacity, count);
    this.buyers = grownColumn(this.buyers, size);
    this.kinds = grownColumn(this.kinds, size);
    this.amounts = grownColumn(this.amounts, size);
    if (this.volumes !== null) this.volumes = grownColumn(this.volumes, size);
    this.hashes = grownColumn(this.hashes, size);
    if (this.wholesale !== null) this.wholesale = grownColumn(this.wholesale, size, WHOLESALE_NONE);
  }

  /** Stores the amount of order `index` (a safe integer, or a bigint kept aside only past 2^53). */
  setAmount(index: number, value: number | bigint): void {
    setExact(this.amounts, this.bigAmounts, index, value);
  }

  /** Stores the volume of order `index` (after its amount): a volume other than the amount starts the column. */
  setVolume(index: number, value: number | bigint): void {
    if (this.volumes === null) {
      if (sameExact(this.amounts, this.bigAmounts, index, value)) return;
      // every earlier volume equals its amount: the column starts as a copy of the amounts
      this.volumes = this.amounts.slice();
      for (const [slot, big] of this.bigAmounts) this.bigVolumes.set(slot, big);
    }
    setExact(this.volumes, this.bigVolumes, index, value);
  }

  /** Stores the wholesale cost of order `index`, allocating the column on the first one. */
  setWholesale(index: number, cost: number): void {
    this.wholesale ??= new Float64Array(this.buyers.length).fill(WHOLESALE_NONE);
    this.wholesale[index] = cost;
  }

  /**
   * The first `count` orders' columns, each cut by `fitColumn` (a view when little room is spare). `volumes` is
   * the `amounts` column itself when no volume differed from its amount.
   */
  finish(count: number): { buyers: Int32Array; kinds: Uint8Array; amounts: ExactColumn; volumes: ExactColumn; wholesale: Float64Array | null } {
    const amounts = exactColumn(fitColumn(this.amounts, count), this.bigAmounts);
    return {
      buyers: fitColumn(this.buyers, count),
      kinds: fitColumn(this.kinds, count),
      amounts,
      volumes: this.volumes === null ? amounts : exactColumn(fitColumn(this.volumes, count), this.bigVolumes),
      wholesale: this.wholesale === null ? null : fitColumn(this.wholesale, count),
    };
  }
}

/** Whether slot `index` of an exact column already holds `value`. */
function sameExact(values: Float64Array, big: Map<number, bigint>, index: number, value: number | bigint): boolean {
  if (typeof value === 'bigint' && value <= SAFE_BIG) value = Number(value);
  return typeof value === 'number' ? values[index] === value && value !== WIDE : values[index] === WIDE && big.get(index) === value;
}

function setExact(values: Float64Array, big: Map<number, bigint>, index: number, value: number | bigint): void {
  if (typeof value === 'bigint' && value <= SAFE_BIG) value = Number(value);
  if (typeof value === 'number') {
    values[index] = value;
  } else {
    values[index] = WIDE;
    big.set(index, value);
  }
}

function exactColumn(values: Float64Array, big: Map<number, bigint>): ExactColumn {
  const column = new ExactColumn(values);
  for (const [index, value] of big) column.big.set(index, value);
  return column;
}
