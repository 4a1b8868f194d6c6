import { z } from 'zod';
import { compilePlan } from '../engine/compiled-plan';
import { DownlineError, ErrorCode, fromZodIssues } from '../errors';
import { compareDecimals, formatUnits, groupThousands, parseDecimal } from '../money/decimal-string';
import { parsePlan } from '../plan/parse-plan';
import type { Plan } from '../plan/plan';
import type { PlanInput } from '../plan/schema';
import { percent, type Verdict } from './indicator';

const TAYLOR = 'Taylor, comment to the FTC on the Business Opportunity Rule';
const SEED_003 = 'Monter une stratégie marketing de réseau (2007): keep the payout threshold low, balance selling and recruiting';

/**
 * What the plan text does not say but the check can use: the discount or margin an affiliate keeps on a
 * retail sale, the smallest balance the company pays out, and the level above which that threshold counts as
 * high. Decimal strings.
 *
 * @example
 * ```ts
 * const context: PlanContext = { retailMargin: '0.25', payoutThreshold: '20.00' };
 * ```
 */
export interface PlanContext {
  /** Share of a retail sale's price the seller keeps (e.g. `'0.25'` for a 25% discount). */
  readonly retailMargin?: string;
  /** Smallest balance paid out, in currency units. */
  readonly payoutThreshold?: string;
  /** A payout threshold above this is a warning (default `'50'`). */
  readonly highPayoutThreshold?: string;
}

/** A share written as a decimal string in [0, 1]. */
export const shareString = z.string().regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a share between "0" and "1", like "0.9"');
const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal string like "0.25"');
/** The zod schema of a {@link PlanContext}. */
export const planContextSchema = z
  .object({ retailMargin: shareString.optional(), payoutThreshold: decimal.optional(), highPayoutThreshold: decimal.optional() })
  .strict();

/**
 * One finding of the plan-only check.
 *
 * @example
 * ```ts
 * const item = checkPlan(plan).items.find((i) => i.key === 'enrollment-commissionable');
 * item?.verdict; // 'flag' when joining fees pay commission
 * ```
 */
export interface PlanCheckItem {
  readonly key:
    | 'paid-depth'
    | 'top-weighted-rates'
    | 'enrollment-commissionable'
    | 'personal-commissionable'
    | 'pay-to-play'
    | 'rank-by-recruiting'
    | 'payout-threshold'
    | 'seller-margin';
  readonly title: string;
  readonly verdict: Verdict;
  readonly value: number | null;
  readonly explanation: string;
  readonly source: string;
}

/**
 * The plan-only check: its findings, the worst verdict among them, and the flags and warnings by key.
 *
 * @example
 * ```ts
 * const check: PlanCheck = checkPlan({ levels: ['0.1', '0.05'] });
 * check.verdict; // 'warning' or better for this plan
 * ```
 */
export interface PlanCheck {
  readonly verdict: Exclude<Verdict, 'not-assessed'>;
  readonly items: readonly PlanCheckItem[];
  readonly flags: readonly PlanCheckItem['key'][];
  readonly warnings: readonly PlanCheckItem['key'][];
}

/**
 * Seed 003's advice and Taylor's red flags made checkable on the plan alone, before any period is run: paid
 * depth, how top-weighted the rates are, whether joining fees or the affiliates' own purchases pay
 * commission, whether qualification can be bought, whether ranks can be reached by recruiting alone, the
 * payout threshold and the margin left to the seller. What the plan does not say (the seller's margin, the
 * payout threshold) comes from `context`, or the finding is `not-assessed`.
 *
 * @example
 * ```ts
 * const check = checkPlan({ levels: Array(8).fill('0.05'), commissionable: ['retail', 'personal', 'enrollment'] });
 * check.verdict; // 'flag'
 * check.flags;   // ['top-weighted-rates', 'enrollment-commissionable']
 * ```
 */
export function checkPlan(plan: Plan | PlanInput, context: PlanContext = {}): PlanCheck {
  const parsed = parsePlan(plan);
  const checked = planContextSchema.safeParse(context);
  if (!checked.success) {
    throw new DownlineError(fromZodIssues(checked.error.issues, ErrorCode.InvalidOptions, ['context'], null));
  }
  const items = [
    paidDepth(parsed),
    topWeighted(parsed),
    enrollmentCommissionable(parsed),
    personalCommissionable(parsed),
    payToPlay(parsed),
    rankByRecruiting(parsed),
    payoutThreshold(checked.data),
    sellerMargin(parsed, checked.data),
  ];
  const flags = items.filter((i) => i.verdict === 'flag').map((i) => i.key);
  const warnings = items.filter((i) => i.verdict === 'warning').map((i) => i.key);
  return { verdict: flags.length > 0 ? 'flag' : warnings.length > 0 ? 'warning' : 'ok', items, flags, warnings };
}

function paidDepth(plan: Plan): PlanCheckItem {
  const base = { key: 'paid-depth' as const, title: 'Levels of upline paid on each sale', source: TAYLOR };
  // a stairstep pays up to the first leader however deep, a breakaway override and a binary without limit
  const unbounded = [
    ...(plan.ranks.some((rank) => rank.differential !== undefined && /[1-9]/.test(rank.differential)) ? ['the differential'] : []),
    ...(plan.breakaway !== null ? ['the breakaway override'] : []),
    ...(plan.binary !== null ? ['the binary'] : []),
  ];
  const depth = Math.max(plan.levels.length, ...plan.ranks.map((rank) => rank.levels?.length ?? 0));
  if (unbounded.length > 0) {
    return {
      ...base,
      verdict: 'warning',
      value: null,
      explanation: `${unbounded.join(', ')} ${unbounded.length > 1 ? 'pay' : 'pays'} uplines at any depth; Taylor counts more than 5 paid levels as a red flag`,
    };
  }
  return {
    ...base,
    verdict: depth >= 5 ? 'warning' : 'ok',
    value: depth,
    explanation: `the plan pays ${depth} levels above the seller; ${depth >= 5 ? 'at or above' : 'below'} the 5 levels Taylor counts as a red flag`,
  };
}

function topWeighted(plan: Plan): PlanCheckItem {
  const { rateNumerators, rateSum } = compilePlan(plan);
  let deep = 0n;
  for (let k = 2; k < rateNumerators.length; k++) deep += BigInt(rateNumerators[k]);
  const share = rateSum === 0n ? 0 : Number((deep * 10n ** 12n) / rateSum) / 1e12;
  const verdict: Verdict = share > 2 / 3 ? 'flag' : share > 0.5 ? 'warning' : 'ok';
  return {
    key: 'top-weighted-rates',
    title: 'Share of the commission paid three or more levels above the seller',
    verdict,
    value: share,
    explanation: `${percent(share)} of the total rate (${plan.levels.join(' + ')}) is paid three or more levels up; warning above 50.0%, flag above 66.7%`,
    source: TAYLOR,
  };
}

function enrollmentCommissionable(plan: Plan): PlanCheckItem {
  const pays = plan.commissionable.includes('enrollment');
  return {
    key: 'enrollment-commissionable',
    title: 'Commission paid on joining fees and starter kits',
    verdict: pays ? 'flag' : 'ok',
    value: pays ? 1 : 0,
    explanation: pays
      ? `joining fees pay commission on ${plan.levels.length} levels: rewards for recruiting, not for selling`
      : 'joining fees pay no commission',
    source: 'France, Code de la consommation L121-15; EU UCPD Annex I pt 14',
  };
}

function personalCommissionable(plan: Plan): PlanCheckItem {
  const pays = plan.commissionable.includes('personal');
  return {
    key: 'personal-commissionable',
    title: 'Commission paid on affiliates’ own purchases',
    verdict: pays ? 'warning' : 'ok',
    value: pays ? 1 : 0,
    explanation: pays
      ? 'affiliates’ own purchases pay their upline: rewards can come from internal consumption, not resale'
      : 'only sales to customers pay commission',
    source: 'FTC v. Omnitrition (9th Cir. 1996)',
  };
}

function payToPlay(plan: Plan): PlanCheckItem {
  const minimum = plan.minPersonalVolume;
  const required = compareDecimals(minimum, '0') > 0;
  return {
    key: 'pay-to-play',
    title: 'Qualification that can be met by buying for oneself',
    verdict: required ? 'warning' : 'ok',
    value: required ? 1 : 0,
    explanation: required
      ? `earning requires ${groupThousands(minimum)} of personal volume a period, which an affiliate can buy for themselves`
      : 'no personal volume is required to earn',
    source: `${TAYLOR}; Bostick v. Herbalife (2015)`,
  };
}

function rankByRecruiting(plan: Plan): PlanCheckItem {
  const base = { key: 'rank-by-recruiting' as const, title: 'Ranks reachable by recruiting alone', source: TAYLOR };
  if (plan.ranks.length === 0) {
    return { ...base, verdict: 'ok', value: 0, explanation: 'the plan has no ranks, so no rank can be reached by recruiting' };
  }
  const recruiting = plan.ranks.filter((r) => (r.activeLegs ?? 0) > 0 || (r.personallySponsoredActives ?? 0) > 0);
  const pure = recruiting.filter((r) => r.personalVolume === undefined && r.groupVolume === undefined);
  const names = (ranks: readonly { name: string }[]) => ranks.map((r) => `"${r.name}"`).join(', ');
  if (pure.length > 0) {
    return {
      ...base,
      verdict: 'flag',
      value: pure.length,
      explanation: `ranks ${names(pure)} are reached by recruiting alone: they need recruits or legs and no volume`,
    };
  }
  if (recruiting.length > 0) {
    return {
      ...base,
      verdict: 'warning',
      value: recruiting.length,
      explanation: `ranks ${names(recruiting)} need recruits or legs, and their volume can be bought by the affiliates themselves`,
    };
  }
  return { ...base, verdict: 'ok', value: 0, explanation: 'no rank needs recruits or legs: ranks are reached by volume' };
}

function payoutThreshold(context: PlanContext): PlanCheckItem {
  const base = { key: 'payout-threshold' as const, title: 'Smallest balance paid out', source: SEED_003 };
  if (context.payoutThreshold === undefined) {
    return { ...base, verdict: 'not-assessed', value: null, explanation: 'not assessed: needs the payout threshold (context.payoutThreshold)' };
  }
  const high = context.highPayoutThreshold ?? '50';
  const above = compareDecimals(context.payoutThreshold, high) > 0;
  return {
    ...base,
    verdict: above ? 'warning' : 'ok',
    value: Number(context.payoutThreshold),
    explanation: `balances below ${groupThousands(context.payoutThreshold)} are not paid; warning above ${groupThousands(high)}`,
  };
}

function sellerMargin(plan: Plan, context: PlanContext): PlanCheckItem {
  const base = { key: 'seller-margin' as const, title: 'Margin left to the seller against the upline’s rewards', source: SEED_003 };
  // a plan that pays retail profit at a wholesale rate says the margin itself: 1 − wholesaleRate
  const wholesaleRate = plan.retailProfit?.wholesaleRate ?? null;
  const retailMargin = context.retailMargin ?? (wholesaleRate === null ? undefined : marginOf(wholesaleRate));
  if (retailMargin === undefined) {
    return { ...base, verdict: 'not-assessed', value: null, explanation: 'not assessed: needs the seller’s retail margin (context.retailMargin)' };
  }
  const { rateSum, rateDecimals } = compilePlan(plan);
  const upline = Number(rateSum) / 10 ** rateDecimals;
  // the seller keeps the retail margin, plus the plan's direct sale commission on their own sale
  const margin = Number(retailMargin) + Number(plan.directSale);
  const verdict: Verdict = upline > margin ? 'warning' : 'ok';
  return {
    ...base,
    verdict,
    value: margin,
    explanation: `the seller keeps ${percent(margin)} of a retail sale, the upline earns ${percent(upline)} of it; ${
      verdict === 'warning' ? 'building a downline pays more than selling' : 'selling pays at least as much as the downline'
    }`,
  };
}

/** `1 − wholesaleRate`, exact, as a decimal string. */
function marginOf(wholesaleRate: string): string {
  const read = parseDecimal(wholesaleRate, 6);
  return read.ok ? formatUnits(10n ** 6n - read.units, 6, 0) : wholesaleRate;
}
