import type { Genealogy } from '../genealogy';
import { ExactColumn } from '../money/exact-column';
import type { OrderBook } from '../orders/ingest-orders';
import type { CompiledPlan } from './compiled-plan';
import { levelSums } from './level-sums';
import { exactKernelSums, type PayeeSums } from './payee-sums';

/**
 * What fast start paid: each payee's exact amount (the engine's exact units), their sum, and the potential
 * (every level of every enrollment order paid).
 *
 * @example
 * ```ts
 * const { exact, paid, potential } = fastStartSums(genealogy, book, compiled, active);
 * ```
 */
export interface FastStartSums extends PayeeSums {
  readonly potential: bigint;
}

/**
 * Stage 3b: fast start. Each enrollment order pays fixed amounts up the line — the enroller at level 1, the
 * enroller's sponsor at level 2, … (DESIGN §9: 50 and 20) — under the plan's qualification and compression,
 * like a sale whose "volume" is one order and whose "rates" are the amounts: the same exact kernel, run on the
 * count of enrollment orders per buyer.
 *
 * @example
 * ```ts
 * const fast = fastStartSums(genealogy, book, compilePlan(parsePlan({ levels: ['0.1', '0.05'], fastStart: ['50', '20'] })), active);
 * fast.paid; // Σ of every fast start line
 * ```
 */
export function fastStartSums(genealogy: Genealogy, book: OrderBook, compiled: CompiledPlan, active: Uint8Array): FastStartSums {
  const n = genealogy.size;
  const counts = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < book.count; i++) {
    if (book.kinds[i] === 2) {
      counts[book.buyers[i]]++;
      total++;
    }
  }
  if (total === 0 || compiled.fastStartRates.length === 0) return { exact: new ExactColumn(n), paid: 0n, potential: 0n };
  const rates = compiled.fastStartRates;
  const compression = compiled.plan.compression;
  const sums = exactKernelSums(new ExactColumn(counts), BigInt(total), compiled.fastStartSum, (volume) =>
    levelSums(genealogy, volume, rates, active, compression),
  );
  return { ...sums, potential: BigInt(total) * compiled.fastStartSum };
}
