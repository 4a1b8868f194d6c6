import type { MemberRecord } from '../genealogy/member-record';
import type { OrderRecord } from '../orders/order-record';

/**
 * One period of the channel as the caller gives it: its dates, the genealogy of the period (with roles and
 * join/leave dates), the orders placed in it and what the channel cost the company.
 *
 * - `start` / `end`: ISO `YYYY-MM-DD`, both inclusive; periods come in chronological order and do not overlap
 *   (gaps are allowed).
 * - `members`: everyone listed for the period (a cumulative list, as exports usually are, or only the active
 *   members). A member is recognised across periods by id.
 * - `orders`: `affiliateId` is the member who placed the order, an affiliate or a customer.
 * - `commissions`: the commissions paid for the period; `channelCosts`: the company's other costs of the
 *   channel (events, marketing, starter kits given away…). Decimal strings or integer minor units at the
 *   input's `scale`, never floats.
 *
 * @example
 * ```ts
 * const october: ChannelPeriod = {
 *   label: '2026-10',
 *   start: '2026-10-01',
 *   end: '2026-10-31',
 *   members: [{ id: 'A', sponsorId: null }, { id: 'c1', sponsorId: 'A', role: 'customer', joinedOn: '2026-10-04' }],
 *   orders: [{ id: 'o1', affiliateId: 'c1', amount: '80.00', kind: 'retail' }],
 *   commissions: '8.00',
 *   channelCosts: '20.00',
 * };
 * ```
 */
export interface ChannelPeriod {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly members: ArrayLike<MemberRecord>;
  readonly orders: ArrayLike<OrderRecord>;
  readonly commissions: string | number | bigint;
  readonly channelCosts?: string | number | bigint;
}

/**
 * What {@link channelKpis} reads.
 *
 * - `periods`: one or more {@link ChannelPeriod}s, oldest first.
 * - `scale` (default 2): decimals of the currency; amounts given as integers are minor units at this scale.
 * - `grossMargin` (optional): the share of revenue left after the cost of goods, a decimal string in [0, 1]
 *   such as `'0.6'`. Without it the whole revenue is taken as margin, and the explanations say so.
 * - `regularAfter` (default 2): how many periods with an order make a customer a *regular*.
 * - `maxLifetime` (default 20): the cap, in periods, of the expected customer lifetime used by the CLV
 *   (a retention near 1 would make it unbounded).
 *
 * @example
 * ```ts
 * const input: ChannelKpisInput = { periods: [october, november], grossMargin: '0.6' };
 * ```
 */
export interface ChannelKpisInput {
  readonly periods: readonly ChannelPeriod[];
  readonly scale?: number;
  readonly grossMargin?: string;
  readonly regularAfter?: number;
  readonly maxLifetime?: number;
}

/**
 * Defaults of the optional fields of {@link ChannelKpisInput}.
 *
 * @example
 * ```ts
 * CHANNEL_DEFAULTS.regularAfter; // 2
 * ```
 */
export const CHANNEL_DEFAULTS = Object.freeze({ scale: 2, regularAfter: 2, maxLifetime: 20 });

/**
 * Decimals a `grossMargin` may have; margins are computed exactly at `scale + MARGIN_DECIMALS` decimals.
 *
 * @example
 * ```ts
 * MARGIN_DECIMALS; // 12
 * ```
 */
export const MARGIN_DECIMALS = 12;
