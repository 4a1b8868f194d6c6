/**
 * What an order is; decides whether it counts toward personal volume and whether it pays commission.
 *
 * @example
 * ```ts
 * const kind: OrderKind = 'retail'; // sold to an outside customer
 * ```
 */
export type OrderKind = 'retail' | 'personal' | 'enrollment';

/**
 * Every order kind, in the order of their numeric codes in the order columns
 * (`retail` = 0, `personal` = 1, `enrollment` = 2).
 *
 * @example
 * ```ts
 * ORDER_KINDS.indexOf('enrollment'); // 2
 * ```
 */
export const ORDER_KINDS: readonly OrderKind[] = ['retail', 'personal', 'enrollment'];
