import type { RoundingMode } from '../money/rounding';
import type { OrderKind } from './order-kind';

/**
 * A validated, normalized unilevel plan: plain frozen data, safe to serialize and compare. Make one with
 * `parsePlan`; the engine trusts it and does no further checks.
 *
 * @example
 * ```ts
 * const plan: Plan = parsePlan({ levels: ['0.10', '0.05', '0.02'], minPersonalVolume: '50' });
 * plan.levels;      // ['0.1', '0.05', '0.02']
 * plan.compression; // 'none'
 * ```
 */
export interface Plan {
  /** Rate of each level, level 1 first, as normalized decimal strings in [0, 1]. 2 to 8 of them. */
  readonly levels: readonly string[];
  /** Personal volume (decimal string) an affiliate needs in the period to be active and earn. */
  readonly minPersonalVolume: string;
  /** `none`: an inactive upline's level is breakage. `dynamic`: inactive uplines are skipped. */
  readonly compression: 'none' | 'dynamic';
  /** How each payee's exact total is rounded to `scale` decimals. */
  readonly rounding: RoundingMode;
  /** Decimals of the currency (2 for cents). Amounts may not have more. */
  readonly scale: number;
  /** Order kinds that pay commission. */
  readonly commissionable: readonly OrderKind[];
  /** Whether the level rates may add up to more than 1. */
  readonly allowRateSumAboveOne: boolean;
  /**
   * Direct sale commission (seed 002): the share of each retail sale paid to the seller — the affiliate who
   * recorded it, or the referring affiliate of the customer who bought — whether or not they qualified. `'0'`
   * when the plan pays none.
   */
  readonly directSale: string;
  /**
   * Fast start: fixed amounts (decimal strings at the plan's scale) paid on each enrollment order, level 1
   * (the enroller) first, to active uplines under the plan's compression. Empty when the plan has none.
   */
  readonly fastStart: readonly string[];
  /** The rank ladder, lowest first (empty when the plan has no ranks). */
  readonly ranks: readonly RankRule[];
}

/**
 * One rank of a normalized plan: volumes as decimal strings at the plan's scale, counts as integers; a
 * requirement the rank does not have is absent.
 *
 * @example
 * ```ts
 * const rule: RankRule = { name: 'Gold', groupVolume: '4350.00', maxLegShare: '0.4', activeLegs: 3 };
 * ```
 */
export interface RankRule {
  readonly name: string;
  readonly personalVolume?: string;
  readonly groupVolume?: string;
  readonly maxLegShare?: string;
  readonly activeLegs?: number;
  readonly legRank?: string;
  readonly personallySponsoredActives?: number;
  /** The unilevel rates of this rank (normalized decimal strings), when it has its own. */
  readonly levels?: readonly string[];
}
