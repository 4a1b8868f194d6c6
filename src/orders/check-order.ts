/**
 * The checks of one order record, shared by every way of building an order book: its shape, id, affiliate id
 * (as a string; whether the affiliate exists is looked up in bulk afterwards), kind, amount, volume and
 * wholesale cost, each problem reported against the record's index.
 *
 * @module
 */
import { ErrorCode, type Issue, quote } from '../errors';
import { hashId } from '../genealogy/id-index';
import { describe, refusalCode, refusalText } from '../money/amount-refusal';
import { readMinorUnits } from '../money/minor-units';
import { ORDER_KINDS } from '../plan/order-kind';
import type { OrderColumns } from './order-columns';
import type { OrderRecord } from './order-record';

/**
 * Receives one problem of record `index`, about its field `key` (null: the record as a whole).
 *
 * @example
 * ```ts
 * const report: ReportIssue = (code, index, key, message) => issues.push({ code, path: key === null ? [index] : [index, key], message });
 * ```
 */
export type ReportIssue = (code: Issue['code'], index: number, key: string | null, message: string) => void;

/**
 * Where {@link checkOrder} writes: the book's columns, and for the record's slot in its chunk its id (`''`
 * when it has none) and its affiliate id (undefined when it has none).
 *
 * @example
 * ```ts
 * const target: OrderTarget = { scale: 2, columns, ids: new Array(n).fill(''), affiliates: new Array(n), report };
 * ```
 */
export interface OrderTarget {
  readonly scale: number;
  readonly columns: OrderColumns;
  readonly ids: string[];
  readonly affiliates: (string | undefined)[];
  readonly report: ReportIssue;
}

/**
 * Checks record `index` of the orders (slot `slot` of its chunk), writes what is valid of it to the columns
 * and reports every problem. A record that is not an object, or has no id, is reported once and skipped.
 *
 * @example
 * ```ts
 * checkOrder({ id: 'o1', affiliateId: 'B', amount: '1.00', kind: 'retail' }, 0, 0, target);
 * target.columns.amounts[0]; // 100
 * ```
 */
export function checkOrder(input: unknown, index: number, slot: number, target: OrderTarget): void {
  const { scale, columns, report } = target;
  const i = index;
  const record = input as Partial<OrderRecord> | null | undefined;
  if (typeof record !== 'object' || record === null) {
    report(ErrorCode.InvalidOrder, i, null, `order #${i}: must be an object`);
    return;
  }
  const id = record.id;
  if (typeof id !== 'string' || id.length === 0) {
    report(ErrorCode.InvalidOrder, i, 'id', `order #${i}: id must be a non-empty string`);
    return;
  }
  target.ids[slot] = id;
  columns.hashes[i] = hashId(id);

  const affiliateId = record.affiliateId;
  if (typeof affiliateId === 'string') {
    target.affiliates[slot] = affiliateId;
  } else {
    report(ErrorCode.InvalidOrder, i, 'affiliateId', `order ${quote(id)}: affiliateId must be a string`);
  }

  const kind = record.kind;
  const code = kind === 'retail' ? 0 : kind === 'personal' ? 1 : kind === 'enrollment' ? 2 : -1;
  if (code < 0) {
    report(
      ErrorCode.InvalidOrder,
      i,
      'kind',
      `order ${quote(id)}: kind must be one of ${ORDER_KINDS.map((k) => `"${k}"`).join(', ')}, got ${describe(kind)}`,
    );
  }
  columns.kinds[i] = code;

  const amount = readMinorUnits(record.amount, scale);
  if (typeof amount === 'object') {
    report(refusalCode(amount), i, 'amount', `order ${quote(id)}: amount ${refusalText(amount, record.amount, scale)}`);
  } else {
    columns.setAmount(i, amount);
  }
  if (record.volume === undefined) {
    if (typeof amount !== 'object') columns.setVolume(i, amount);
  } else {
    const volume = readMinorUnits(record.volume, scale);
    if (typeof volume === 'object') {
      report(refusalCode(volume), i, 'volume', `order ${quote(id)}: volume ${refusalText(volume, record.volume, scale)}`);
    } else {
      columns.setVolume(i, volume);
    }
  }
  if (record.wholesale !== undefined) {
    const cost = readMinorUnits(record.wholesale, scale);
    if (typeof cost === 'object') {
      report(refusalCode(cost), i, 'wholesale', `order ${quote(id)}: wholesale ${refusalText(cost, record.wholesale, scale)}`);
    } else if (code !== 0) {
      report(ErrorCode.InvalidOrder, i, 'wholesale', `order ${quote(id)}: only a retail order has a wholesale cost`);
    } else if (typeof amount !== 'object' && BigInt(cost) > BigInt(amount)) {
      report(ErrorCode.InvalidAmount, i, 'wholesale', `order ${quote(id)}: wholesale ${describe(record.wholesale)} is more than the amount`);
    } else if (typeof cost === 'bigint') {
      report(ErrorCode.InvalidAmount, i, 'wholesale', `order ${quote(id)}: wholesale ${describe(record.wholesale)} is past 2^53 minor units`);
    } else {
      columns.setWholesale(i, cost);
    }
  }
}
