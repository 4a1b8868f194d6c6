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
  /** Stairstep breakaway (with differential rates on the ranks), or null. */
  readonly breakaway: BreakawayRule | null;
  /** The matching bonus, or null when the plan pays none (neither `matching` nor a rank's matching rates). */
  readonly matching: MatchingRule | null;
  /** Leadership pools (empty when none). */
  readonly pools: readonly PoolRule[];
  /**
   * Retail profit paid to the seller of each retail order (price − wholesale cost; `wholesaleRate` prices the
   * orders that give no wholesale cost), or null when the plan pays none.
   */
  readonly retailProfit: { readonly wholesaleRate: string | null } | null;
  /** The binary rules, or null when the plan has no binary. */
  readonly binary: BinaryRule | null;
  /** Caps on what is paid, or null when nothing is capped. */
  readonly caps: CapRules | null;
  /** A label for this version of the plan (results and period states record it with the plan's hash), or null. */
  readonly version: string | null;
  /**
   * Over periods (`runPeriod`): a balance below this is carried to the next period instead of being paid out
   * (at the plan's scale; `'0.00'`: every positive balance is paid).
   */
  readonly payoutThreshold: string;
  /** Over periods: what happens to the positive balance of a member who leaves: paid out, or forfeited. */
  readonly leaverBalance: 'pay' | 'forfeit';
  /**
   * Over periods: how many periods after its own an order may still be refunded (0: only in its own period);
   * null: always. The ledger drops the lines of orders past the window.
   */
  readonly refundWindow: number | null;
}

/**
 * A payout stage by name: `unilevel` and each bonus. Caps, matching and income sources name stages.
 *
 * @example
 * ```ts
 * const stage: StageName = 'matching';
 * ```
 */
export type StageName =
  | 'unilevel'
  | 'fast-start'
  | 'direct-sale'
  | 'retail-profit'
  | 'differential'
  | 'generation'
  | 'binary'
  | 'matching'
  | 'pool';

/** Stages a matching bonus can match. @example `const on: MatchableStage = 'binary';` */
export type MatchableStage = 'unilevel' | 'differential' | 'generation' | 'binary';

/**
 * Stairstep breakaway, normalized: leaders are affiliates paid as `rank` or higher; `generations` the override
 * rates on the groups of the leaders below, the nearest leader first.
 *
 * @example
 * ```ts
 * const rule: BreakawayRule = { rank: 'Gold', generations: ['0.04', '0.02'] };
 * ```
 */
export interface BreakawayRule {
  readonly rank: string;
  readonly generations: readonly string[];
}

/**
 * The matching bonus, normalized: `levels` the rates by generation of affiliates without matching rates of
 * their rank (empty: none), `on` the matched stages.
 *
 * @example
 * ```ts
 * const rule: MatchingRule = { levels: ['0.1'], on: ['unilevel'] };
 * ```
 */
export interface MatchingRule {
  readonly levels: readonly string[];
  readonly on: readonly MatchableStage[];
}

/**
 * A leadership pool, normalized.
 *
 * @example
 * ```ts
 * const pool: PoolRule = { name: 'Leaders', share: '0.02', shares: { Gold: 1, Diamond: 2 } };
 * ```
 */
export interface PoolRule {
  readonly name: string;
  readonly share: string;
  readonly shares: Readonly<Record<string, number>>;
}

/**
 * The binary rules, normalized (amounts at the plan's scale; null where the plan sets no limit).
 *
 * @example
 * ```ts
 * const rule: BinaryRule = { pairVolume: '100.00', pairAmount: '10.00', carryCap: null, pairCeiling: null };
 * ```
 */
export interface BinaryRule {
  readonly pairVolume: string;
  readonly pairAmount: string;
  readonly carryCap: string | null;
  readonly pairCeiling: number | null;
}

/**
 * Caps, normalized (amounts at the plan's scale, null where the plan sets none).
 *
 * @example
 * ```ts
 * const caps: CapRules = { perPayee: '10000.00', perBonus: { matching: '500.00' }, totalShare: null, remainder: 'largest-remainder' };
 * ```
 */
export interface CapRules {
  readonly perPayee: string | null;
  readonly perBonus: Readonly<Partial<Record<StageName, string>>>;
  readonly totalShare: string | null;
  readonly remainder: 'largest-remainder' | 'company';
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
  /** The stairstep rate of this rank (the differential over the downline's rate is paid). */
  readonly differential?: string;
  /** Matching rates by generation of this rank, when it has its own. */
  readonly matching?: readonly string[];
}
