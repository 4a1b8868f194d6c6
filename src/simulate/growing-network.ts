/**
 * The simulated population: who joined when, sponsored by whom, and who left — as member records in join order
 * (a sponsor always before its recruits) and plain columns. Every draw comes from the seeded generator given.
 *
 * @module
 */
import type { MemberRecord } from '../genealogy';
import { poissonDraw } from './poisson-draw';

/**
 * A network that grows by recruiting into a finite market and shrinks by dropout. Member `k` (0-based, in join
 * order) has id `m<k>`; founders come first, without a sponsor. Members who leave stay in `records` (the
 * genealogy keeps them) but are no longer `present`: they neither recruit nor order again, and nobody who left
 * comes back (they count against the market for good).
 *
 * @example
 * ```ts
 * const network = new GrowingNetwork(1000);
 * const random = seededRandom(1);
 * network.addFounders(10, 1);
 * network.recruit(1, 1.5, random); // period 1's recruits, by the founders
 * network.leave(1, 0.2, random); // the period's dropouts
 * network.present.length;        // members still in
 * ```
 */
export class GrowingNetwork {
  /** Everyone who joined, in join order; sponsors precede their recruits. */
  readonly records: MemberRecord[] = [];
  /** Period in which member `k` joined (1-based). */
  readonly joinedIn: number[] = [];
  /** Period at whose end member `k` left, 0 while they are still in. */
  readonly leftAfter: number[] = [];
  /** Members still in, ascending. */
  present: number[] = [];

  constructor(readonly marketSize: number) {}

  /** Everyone who joined so far. */
  get size(): number {
    return this.records.length;
  }

  /** People of the market who have not joined. */
  get remaining(): number {
    return this.marketSize - this.records.length;
  }

  /**
   * Adds `count` founders (no sponsor) in `period`.
   *
   * @example
   * ```ts
   * network.addFounders(10, 1); // m0 … m9
   * ```
   */
  addFounders(count: number, period: number): void {
    for (let f = 0; f < count && this.remaining > 0; f++) this.#join(null, period);
  }

  /**
   * One period of recruiting by the members present now, in join order: each draws a Poisson number of recruits
   * with mean `recruitRate × remaining / marketSize` (the remaining market at the start of the period), cut to
   * what is left of the market as the draws go; drawing stops once the market is full. The recruits join in
   * `period` and are present from now on (they recruit from the next period). Returns how many joined.
   *
   * @example
   * ```ts
   * const recruits = network.recruit(3, 1.2, random);
   * ```
   */
  recruit(period: number, recruitRate: number, random: () => number): number {
    const mean = (recruitRate * this.remaining) / this.marketSize;
    const recruiters = this.present;
    const recruiterCount = recruiters.length; // the recruits, appended to `present`, recruit from the next period
    const before = this.size;
    for (let r = 0; r < recruiterCount && this.remaining > 0; r++) {
      const sponsor = this.records[recruiters[r]].id;
      const count = Math.min(poissonDraw(mean, random), this.remaining);
      for (let c = 0; c < count; c++) this.#join(sponsor, period);
    }
    return this.size - before;
  }

  /**
   * The end of `period`: each member present leaves with probability `dropout` (one draw each, in join order).
   * Returns how many left.
   *
   * @example
   * ```ts
   * const left = network.leave(3, 0.15, random);
   * ```
   */
  leave(period: number, dropout: number, random: () => number): number {
    const staying: number[] = [];
    for (const k of this.present) {
      if (random() < dropout) this.leftAfter[k] = period;
      else staying.push(k);
    }
    const left = this.present.length - staying.length;
    this.present = staying;
    return left;
  }

  #join(sponsorId: string | null, period: number): void {
    const k = this.records.length;
    this.records.push({ id: `m${k}`, sponsorId });
    this.joinedIn.push(period);
    this.leftAfter.push(0);
    this.present.push(k);
  }
}
