import { NO_DAY } from '../dates/iso-day';
import type { ComplianceFacts } from './compliance-facts';

/**
 * The participants of the periods, as union slots: every member who was an affiliate in at least one period
 * (customers are not participants),
 * including those who earned nothing and those who left; with join and leave dates and period dates, only
 * those who were in at some time between the first period's start and the last period's end.
 *
 * @example
 * ```ts
 * const slots = participants(facts);
 * slots.length; // the disclosure's population
 * ```
 */
export function participants(facts: ComplianceFacts): Int32Array {
  const { union, everAffiliate, joined, left, firstStart, lastEnd } = facts;
  const out = new Int32Array(union.size);
  let count = 0;
  for (let s = 0; s < union.size; s++) {
    if (everAffiliate[s] === 0) continue;
    if (lastEnd !== null && joined[s] !== NO_DAY && joined[s] > lastEnd) continue;
    if (firstStart !== null && left[s] !== NO_DAY && left[s] < firstStart) continue;
    out[count++] = s;
  }
  return out.slice(0, count);
}

/**
 * A per-slot column (money, days or codes) gathered for the given slots, in a new array of the same type.
 *
 * @example
 * ```ts
 * const gross = gather(facts.gross, participants(facts));
 * const joined = gather(facts.joined, participants(facts));
 * ```
 */
export function gather<T extends Float64Array | Int32Array | Uint8Array>(column: T, slots: Int32Array): T {
  const out = new (column.constructor as new (length: number) => T)(slots.length);
  for (let k = 0; k < slots.length; k++) out[k] = column[slots[k]];
  return out;
}
