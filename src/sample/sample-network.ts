import type { MemberRecord } from '../genealogy';
import type { OrderRecord } from '../orders/order-record';
import { seededRandom } from './seeded-random';

/**
 * Options of {@link sampleNetwork}. Every probability is per member.
 *
 * @example
 * ```ts
 * const options: SampleNetworkOptions = { size: 10_000, seed: 7, roots: 2 };
 * ```
 */
export interface SampleNetworkOptions {
  /** Number of members. */
  readonly size: number;
  /** Seed of the generator: the same seed gives the same network. Default 1. */
  readonly seed?: number;
  /** Members without a sponsor (company accounts). Default 3. */
  readonly roots?: number;
  /** Big leaders who keep recruiting all along. Default 20. */
  readonly leaders?: number;
  /** Orders' volumes are integers of minor units between these bounds. Default 2,000 to 20,000 (20.00–200.00). */
  readonly minVolume?: number;
  readonly maxVolume?: number;
  /** Write amounts as decimal strings (`"49.90"`) instead of integer minor units. Default false. */
  readonly decimalStrings?: boolean;
  /** Generate orders too. Default true; the members are the same either way. */
  readonly withOrders?: boolean;
}

/**
 * A member's place in the network plus their orders, as plain records.
 *
 * @example
 * ```ts
 * const { members, orders }: SampleNetwork = sampleNetwork({ size: 1000 });
 * ```
 */
export interface SampleNetwork {
  readonly members: MemberRecord[];
  readonly orders: OrderRecord[];
}

/**
 * A deterministic synthetic network of realistic shape, for demos, tests and benchmarks: members join one
 * after another; half of them are recruited by someone who joined recently (recent joiners recruit most),
 * most others by anyone earlier, and a few percent by one of a handful of big leaders. About 70% buy for
 * themselves, 40% sell to outside customers, 10% pay a joining fee in the period. Ids are `m0`, `m1`, … and
 * orders `o0`, `o1`, …
 *
 * @example
 * ```ts
 * import { Genealogy, computeCommissions, sampleNetwork } from 'downline';
 * const { members, orders } = sampleNetwork({ size: 10_000, seed: 42 });
 * const result = computeCommissions({
 *   genealogy: Genealogy.fromRecords(members),
 *   plan: { levels: ['0.1', '0.05', '0.03'], minPersonalVolume: '50' },
 *   orders,
 * });
 * ```
 */
export function sampleNetwork(options: SampleNetworkOptions): SampleNetwork {
  const { size, seed = 1, roots = 3, leaders = 20, minVolume = 2000, maxVolume = 20_000 } = options;
  const random = seededRandom(seed);
  const members: MemberRecord[] = new Array(size);
  const orders: OrderRecord[] = [];
  const firstLeader = Math.min(roots, size);
  const volume = (draw: number) => minVolume + Math.floor(draw * (maxVolume - minVolume + 1));
  const withOrders = options.withOrders ?? true;
  const amount = options.decimalStrings ? (units: number) => toDecimal(units) : (units: number) => units;
  for (let i = 0; i < size; i++) {
    let sponsor = -1;
    if (i >= roots) {
      const pick = random();
      if (pick < 0.05) sponsor = firstLeader + Math.floor(random() * Math.min(leaders, i - firstLeader || 1));
      else if (pick < 0.55) sponsor = i - 1 - Math.floor(-Math.log(1 - random()) * 50);
      else sponsor = Math.floor(random() * i);
      if (sponsor < 0 || sponsor >= i) sponsor = i - 1;
    }
    const id = `m${i}`;
    members[i] = { id, sponsorId: sponsor < 0 ? null : `m${sponsor}` };
    // the draws happen with or without orders, so that the members do not depend on withOrders
    const [buys, sells, joins, personalDraw, retailDraw] = [random(), random(), random(), random(), random()];
    if (!withOrders) continue;
    if (buys < 0.7) orders.push({ id: `o${orders.length}`, affiliateId: `m${i}`, amount: amount(volume(personalDraw)), kind: 'personal' });
    if (sells < 0.4) orders.push({ id: `o${orders.length}`, affiliateId: `m${i}`, amount: amount(volume(retailDraw)), kind: 'retail' });
    if (joins < 0.1) orders.push({ id: `o${orders.length}`, affiliateId: `m${i}`, amount: amount(4900), kind: 'enrollment' });
  }
  return { members, orders };
}

function toDecimal(units: number): string {
  const text = String(units).padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
