/**
 * The optional records a compliance assessment reads besides the commission period itself. Amounts are
 * decimal strings or integer minor units at the plan's scale, like order amounts.
 *
 * @module
 */

/** A decimal string (`"12.50"`) or integer minor units (`1250`, `1250n`); never a fractional number. */
export type AmountInput = string | number | bigint;

/**
 * Money an affiliate paid to take part in the period, besides orders: fees, training, events, tools,
 * required subscriptions. Joining fees recorded as `enrollment` orders are counted as costs already.
 *
 * @example
 * ```ts
 * const cost: CostRecord = { affiliateId: 'B', amount: '49.00', kind: 'training' };
 * ```
 */
export interface CostRecord {
  readonly affiliateId: string;
  readonly amount: AmountInput;
  /** Free label, shown in explanations. */
  readonly kind?: string;
}

/**
 * Inventory an affiliate sent back under the company's buy-back policy: the price of the goods returned and
 * what the company refunded.
 *
 * @example
 * ```ts
 * const back: ReturnRecord = { orderId: 'o17', returned: '100.00', refunded: '90.00' };
 * ```
 */
export interface ReturnRecord {
  readonly orderId: string;
  readonly returned: AmountInput;
  readonly refunded: AmountInput;
}

/**
 * What the goods inside a joining package are worth at retail: compared with the fee, it tells how much of
 * the fee buys goods and how much buys the right to earn.
 *
 * @example
 * ```ts
 * const pack: PackageRecord = { orderId: 'e1', goodsValue: '30.00' };
 * ```
 */
export interface PackageRecord {
  readonly orderId: string;
  readonly goodsValue: AmountInput;
}

/**
 * What an affiliate bought for resale in the period and how much of it was resold or consumed before the
 * next order (the 70% rule).
 *
 * @example
 * ```ts
 * const stock: InventoryRecord = { affiliateId: 'B', purchased: '500.00', resoldOrConsumed: '400.00' };
 * ```
 */
export interface InventoryRecord {
  readonly affiliateId: string;
  readonly purchased: AmountInput;
  readonly resoldOrConsumed: AmountInput;
}
