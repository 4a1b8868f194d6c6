import type { OrderKind } from '../plan/order-kind';

/**
 * An order as the caller gives it. `amount` (the price) and `volume` (the commissionable value, default
 * `amount`) are decimal strings (`"49.90"`) or integer minor units (`4990` or `4990n` at scale 2): never
 * floats.
 *
 * @example
 * ```ts
 * const order: OrderRecord = { id: 'o1', affiliateId: 'D', amount: '100.00', kind: 'retail' };
 * ```
 */
export interface OrderRecord {
  readonly id: string;
  /** The affiliate who sold (retail) or bought (personal, enrollment) it. */
  readonly affiliateId: string;
  readonly amount: string | number | bigint;
  readonly volume?: string | number | bigint | undefined;
  readonly kind: OrderKind;
  /**
   * A retail order only: what the goods cost the seller at wholesale, in the same form as `amount` and at most
   * `amount`. With a plan paying retail profit, the seller earns `amount − wholesale`.
   */
  readonly wholesale?: string | number | bigint | undefined;
}
