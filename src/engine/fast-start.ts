import type { Genealogy } from '../genealogy';
import { ExactColumn } from '../money/exact-column';
import type { OrderBook } from '../orders/ingest-orders';
import type { CompiledPlan } from './compiled-plan';
import { levelSums } from './level-sums';
import type { PayeeSums } from './payee-sums';

/**
 * What a bonus stage paid (fast start, direct sale): each payee's exact amount (the engine's exact units,
 * `10^-(scale + rateDecimals)`), their sum, and the potential (what the stage pays if nothing is lost).
 *
 * @example
 * ```ts
 * const { exact, paid, potential } = fastStartSums(genealogy, book, compiled, active);
 * ```
 */
export interface BonusSums extends PayeeSums {
  readonly potential: bigint;
}

/**
 * Stage 3b: fast start. Each enrollment order pays fixed amounts up the line — the enroller at level 1, the
 * enroller's sponsor at level 2, … (DESIGN §9: 50 and 20) — under the plan's qualification and compression,
 * like a sale whose "volume" is one order and whose "rates" are the amounts: the same kernel, run on the count
 * of enrollment orders per buyer — in one pass when every sum stays below 2^53 minor units, otherwise one pass
 * per level counting lines, multiplied by the amounts in bigint.
 *
 * @example
 * ```ts
 * const fast = fastStartSums(genealogy, book, compilePlan(parsePlan({ levels: ['0.1', '0.05'], fastStart: ['50', '20'] })), active);
 * fast.paid; // Σ of every fast start line
 * ```
 */
export function fastStartSums(genealogy: Genealogy, book: OrderBook, compiled: CompiledPlan, active: Uint8Array): BonusSums {
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
  const lift = 10n ** BigInt(compiled.rateDecimals);
  const potential = BigInt(total) * compiled.fastStartSum * lift;
  if (BigInt(total) * compiled.fastStartSum <= BigInt(Number.MAX_SAFE_INTEGER)) {
    // one pass in minor units (every sum is at most the potential), then lifted to the engine's exact units
    const acc = levelSums(genealogy, counts, rates, active, compression);
    let paid = 0;
    for (let i = 0; i < n; i++) paid += acc[i];
    return { exact: scaleColumn(new ExactColumn(acc), lift), paid: BigInt(paid) * lift, potential };
  }
  // large amounts: count each payee's lines per level (small integers), then multiply in bigint
  const perPayee: bigint[] = new Array(n).fill(0n);
  for (let k = 0; k < rates.length; k++) {
    const unit = new Float64Array(k + 1);
    unit[k] = 1;
    const lines = levelSums(genealogy, counts, unit, active, compression);
    const amount = BigInt(rates[k]);
    for (let i = 0; i < n; i++) if (lines[i] !== 0) perPayee[i] += BigInt(lines[i]) * amount;
  }
  const exact = new ExactColumn(n);
  let paid = 0n;
  for (let i = 0; i < n; i++) {
    if (perPayee[i] === 0n) continue;
    const units = perPayee[i] * lift;
    exact.set(i, units);
    paid += units;
  }
  return { exact, paid, potential };
}

/**
 * Every value times `factor`, exact (in doubles while the product is a safe integer, else bigint).
 *
 * @example
 * ```ts
 * scaleColumn(new ExactColumn(Float64Array.of(5)), 100n).get(0); // 500n
 * ```
 */
export function scaleColumn(column: ExactColumn, factor: bigint): ExactColumn {
  const out = new ExactColumn(column.values.length);
  const f = Number(factor);
  for (let i = 0; i < column.values.length; i++) {
    const value = column.values[i];
    if (value === 0) continue;
    const product = value * f;
    out.set(i, value > 0 && product <= Number.MAX_SAFE_INTEGER ? product : column.get(i) * factor);
  }
  return out;
}
