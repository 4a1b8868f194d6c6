import { DownlineError, ErrorCode, type Issue, quote } from '../errors';
import { refusalCode, refusalText } from '../money/amount-refusal';
import { formatUnits, parseDecimal } from '../money/decimal-string';
import { readMinorUnits } from '../money/minor-units';
import type { LedgerOrder } from './period-state';

/**
 * A refund of an order, of this period or of a closed one: `amount` (decimal string or integer minor units) of
 * the order's price, all of what is left of it when omitted.
 *
 * @example
 * ```ts
 * const refund: RefundRecord = { id: 'r1', orderId: 'o17', amount: '40.00' };
 * ```
 */
export interface RefundRecord {
  readonly id: string;
  readonly orderId: string;
  readonly amount?: string | number | bigint;
}

/**
 * One reversed line: the negative of the share of an order line that a refund takes back, attributed to the
 * same payee, stage and level as the line it reverses (`period` is the order's), exact.
 *
 * @example
 * ```ts
 * const line: ReversalLine = { refundId: 'r1', orderId: 'o17', period: '2026-01', payeeId: 'B', stage: 'unilevel', level: 1, amount: '-4.00' };
 * ```
 */
export interface ReversalLine {
  readonly refundId: string;
  readonly orderId: string;
  readonly period: string;
  readonly payeeId: string;
  readonly stage: string;
  readonly level: number;
  readonly amount: string;
}

/** A reversed line with its amount in exact units (`10^-decimals`, ≤ 0). */
export interface Reversal extends Omit<ReversalLine, 'amount'> {
  readonly units: bigint;
}

/**
 * Checks every refund against the ledger (unknown order, order refunded in full already, refund above what is
 * left of the order, malformed or repeated records: all reported at once) and reverses the lines, exactly:
 * after refunds adding up to `r` of an order of price `A`, each of its lines has been reversed by `floor(line ×
 * r / A)` in the line's own units — a partial refund takes back its proportional share, and refunds that add up
 * to the whole order take back every line to the last unit. Amounts are lifted to `10^-decimals`.
 *
 * @example
 * ```ts
 * const { lines, refunded } = reverseRefunds(refunds, ledger, 2, 6);
 * // with a refund window, `ledgerDropped` (the newest period dropped) explains an order that is gone
 * ```
 */
export function reverseRefunds(
  refunds: readonly RefundRecord[],
  ledger: Readonly<Record<string, LedgerOrder>>,
  scale: number,
  decimals: number,
  ledgerDropped?: string,
): { lines: Reversal[]; refunded: Map<string, bigint> } {
  const issues: Issue[] = [];
  const lines: Reversal[] = [];
  const refunded = new Map<string, bigint>(); // order id → refunded so far, minor units
  const seen = new Set<string>();
  refunds.forEach((refund, k) => {
    const at = (key: string | null, code: Issue['code'], message: string) =>
      issues.push({ code, path: key === null ? ['refunds', k] : ['refunds', k, key], message });
    if (typeof refund !== 'object' || refund === null || typeof refund.id !== 'string' || refund.id === '') {
      at(null, ErrorCode.InvalidRecord, `refund #${k}: must be an object with a non-empty string id`);
      return;
    }
    const name = `refund ${quote(refund.id)}`;
    if (seen.has(refund.id)) at('id', ErrorCode.InvalidRecord, `${name}: listed twice`);
    seen.add(refund.id);
    const order = typeof refund.orderId === 'string' ? ledger[refund.orderId] : undefined;
    if (order === undefined || !Object.hasOwn(ledger, refund.orderId)) {
      const past = ledgerDropped === undefined ? '' : ` (orders of period ${quote(ledgerDropped)} and earlier are past the refund window)`;
      at('orderId', ErrorCode.UnknownOrder, `${name}: unknown order ${typeof refund.orderId === 'string' ? quote(refund.orderId) : String(refund.orderId)}${past}`);
      return;
    }
    const price = minor(order.amount, scale);
    const before = refunded.get(refund.orderId) ?? minor(order.refunded, scale);
    const left = price - before;
    // an order of price 0 (volume without a price) is refunded once, in full
    const done = price === 0n ? order.full === true || refunded.has(refund.orderId) : left === 0n;
    if (done) {
      at('orderId', ErrorCode.AlreadyRefunded, `${name}: order ${quote(refund.orderId)} has already been refunded in full`);
      return;
    }
    let amount = left;
    if (refund.amount !== undefined && price > 0n) {
      const read = readMinorUnits(refund.amount, scale);
      if (typeof read === 'object') {
        at('amount', refusalCode(read), `${name}: amount ${refusalText(read, refund.amount, scale)}`);
        return;
      }
      amount = BigInt(read);
      if (amount > left) {
        at('amount', ErrorCode.InvalidAmount, `${name}: amount ${formatUnits(amount, scale)} is more than the ${formatUnits(left, scale)} left on order ${quote(refund.orderId)}`);
        return;
      }
    }
    const after = before + amount;
    refunded.set(refund.orderId, after);
    const lift = 10n ** BigInt(decimals - order.decimals);
    for (const [payeeId, stage, level, text] of order.lines) {
      const line = BigInt(text);
      const taken = price === 0n ? line : (line * after) / price - (line * before) / price;

      if (taken !== 0n) lines.push({ refundId: refund.id, orderId: refund.orderId, period: order.period, payeeId, stage, level, units: -taken * lift });
    }
  });
  if (issues.length > 0) throw new DownlineError(issues);
  return { lines, refunded };
}

function minor(text: string, scale: number): bigint {
  const read = parseDecimal(text, scale);
  if (!read.ok) throw DownlineError.of(ErrorCode.InvalidState, `state: order amount "${text}" does not fit the scale ${scale}`);
  return read.units;
}
