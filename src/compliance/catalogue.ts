import type { Threshold } from './indicator';

/**
 * One indicator of DESIGN §8: its number, key, title, weight in the overall ordering and default threshold.
 *
 * @example
 * ```ts
 * const entry = INDICATORS.find((i) => i.key === 'enrollment-funding');
 * entry?.threshold.source; // 'France: Code de la consommation L121-15 (any reward funded by joining fees) …'
 * ```
 */
export interface IndicatorEntry {
  readonly id: number;
  readonly key: IndicatorKey;
  readonly title: string;
  readonly weight: number;
  readonly threshold: Threshold;
}

/**
 * The stable keys of the sixteen indicators, in DESIGN §8 order.
 *
 * @example
 * ```ts
 * const key: IndicatorKey = 'participants-losing-money';
 * ```
 */
export type IndicatorKey =
  | 'retail-reward-share'
  | 'end-user-sales-share'
  | 'downline-retail-majority'
  | 'purchase-triggered-rewards'
  | 'qualification-clustering'
  | 'enrollment-funding'
  | 'inventory-resale-rule'
  | 'retail-customers-per-affiliate'
  | 'inventory-buy-back'
  | 'participants-losing-money'
  | 'zero-earners'
  | 'income-concentration'
  | 'plan-shape'
  | 'affiliate-buyer-share'
  | 'new-recruit-funding'
  | 'fee-to-goods-ratio';

const entry = (
  id: number,
  key: IndicatorKey,
  title: string,
  weight: number,
  direction: Threshold['direction'],
  warning: number | null,
  flag: number | null,
  source: string,
): IndicatorEntry => Object.freeze({ id, key, title, weight, threshold: Object.freeze({ direction, warning, flag, source }) });

/**
 * The sixteen pyramid indicators with their default thresholds and the sources those come from. Override
 * any level or source through the assessment's `thresholds` option.
 *
 * @example
 * ```ts
 * INDICATORS.length; // 16
 * INDICATORS[0].title; // 'Share of rewards from retail sales to outside customers'
 * ```
 */
export const INDICATORS: readonly IndicatorEntry[] = Object.freeze([
  entry(1, 'retail-reward-share', 'Share of rewards from retail sales to outside customers', 3, 'below', 2 / 3, 0.5,
    'FTC v. Herbalife (2016): at least two thirds of rewards from sales to legitimate end users'),
  entry(2, 'end-user-sales-share', 'Share of sales made to end users outside the network', 3, 'below', 0.8, 0.5,
    'FTC v. Herbalife (2016): 80% of sales to legitimate end users'),
  entry(3, 'downline-retail-majority', 'Share of affiliates whose downline sales come mostly from outside customers', 3, 'below', 0.8, 0.5,
    'FTC v. Vemma (2016): rewards to be based on downline sales more than 50% to outside customers'),
  entry(4, 'purchase-triggered-rewards', 'Share of rewards triggered by affiliates’ own purchases and fees', 3, 'above', 1 / 3, 0.5,
    'FTC v. Omnitrition (9th Cir. 1996): rewards for purchases rather than resale to end users'),
  entry(5, 'qualification-clustering', 'Active affiliates whose volume sits just above the minimum, bought by themselves', 2, 'above', 0.25, 0.5,
    'Bostick v. Herbalife (2015): internal consumption driven by qualification minimums'),
  entry(6, 'enrollment-funding', 'Share of sales and of rewards funded by joining fees and starter kits', 5, 'above', 0, 0.5,
    'France, Code de la consommation L121-15 (any reward funded by joining fees); EU UCPD Annex I pt 14 ("primarily"); FTC v. BurnLounge: 92.6% of revenue from packages'),
  entry(7, 'inventory-resale-rule', 'Affiliates who resold or consumed less than 70% of their stock before reordering', 1, 'above', 0.1, 0.3,
    'In re Amway (FTC 1979): the 70% rule'),
  entry(8, 'retail-customers-per-affiliate', 'Buying customers per affiliate', 1, 'below', 10, 1,
    'In re Amway (FTC 1979): the ten-retail-customers rule'),
  entry(9, 'inventory-buy-back', 'Share of returned inventory bought back', 1, 'below', null, 0.9,
    'In re Amway (FTC 1979) and state anti-pyramid laws: buy-back of at least 90%'),
  entry(10, 'participants-losing-money', 'Share of participants whose costs exceed their income', 4, 'above', 0.5, 0.9,
    'FTC v. BurnLounge: 93.84% never recouped; FTC v. FHTM: more than 98% lost money'),
  entry(11, 'zero-earners', 'Share of participants who earned nothing', 2, 'above', 0.5, 0.7,
    'FTC staff report on MLM income disclosures (2024): 72.3% of AdvoCare participants earned $0'),
  entry(12, 'income-concentration', 'Share of all rewards paid to the top 1% of participants', 2, 'above', 0.25, 0.5,
    'Brooks (2014): about 54% of rewards to the top 1% in the plans studied'),
  entry(13, 'plan-shape', 'Red flags in the shape of the plan', 2, 'above', 0, 2,
    'Taylor, comment to the FTC: paid depth ≥ 5, top-weighted rates, ranks by recruiting, pay-to-play'),
  entry(14, 'affiliate-buyer-share', 'Share of buyers who are affiliates rather than customers', 4, 'above', 0.5, 0.7,
    'FTC v. Vemma: 72% of buyers were affiliates; FTC v. BurnLounge: 96.8% of buyers joined'),
  entry(15, 'new-recruit-funding', 'Share of rewards funded by the purchases of members who joined in the period', 2, 'above', 1 / 3, 0.5,
    'Gastwirth (1977): about 37% of entrants recruit anyone, so rewards that need new entrants cannot last'),
  entry(16, 'fee-to-goods-ratio', 'Joining fees against the retail value of the goods they include', 3, 'above', 1, 2,
    'FTC v. BurnLounge: packages sold for the right to earn, not for their goods'),
]);
