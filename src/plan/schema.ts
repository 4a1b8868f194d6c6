/**
 * The plan as data: a zod schema for the core unilevel plan of DESIGN §3. `parsePlan` turns what this
 * schema accepts into a normalized {@link Plan}.
 *
 * @module
 */
import { z } from 'zod';
import { ROUNDING_MODES } from '../money/rounding';
import { ORDER_KINDS } from './order-kind';

/**
 * Limits of a plan: 2 to 8 levels, rates with at most 6 decimals, a currency scale of at most 12.
 *
 * @example
 * ```ts
 * parsePlan({ levels: Array(MAX_LEVELS).fill('0.01') }); // the deepest plan accepted
 * ```
 */
export const MIN_LEVELS = 2;
/** Most levels a plan may pay. @example `MAX_LEVELS === 8` */
export const MAX_LEVELS = 8;
/** Most decimals a level rate may have (`"0.000125"` has 6). @example `MAX_RATE_DECIMALS === 6` */
export const MAX_RATE_DECIMALS = 6;
/** Most decimals of the currency a plan may use. @example `MAX_SCALE === 12` */
export const MAX_SCALE = 12;

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

const decimalString = (what: string) =>
  z.string({ error: `${what} must be a decimal string such as "0.05"` }).regex(PLAIN_DECIMAL, {
    error: `${what} must be a plain non-negative decimal string such as "0.05" (no sign, exponent or blanks)`,
  });

/** A rate: a decimal string in [0, 1] with at most 6 decimals; `what` names it in messages. */
const rate = (what: string) =>
  decimalString(what).check((ctx) => {
    const value = ctx.value;
    if (!PLAIN_DECIMAL.test(value)) return; // already reported by the regex
    const [whole, fraction = ''] = value.split('.');
    if (fraction.length > MAX_RATE_DECIMALS) {
      ctx.issues.push({ code: 'custom', input: value, message: `${what} has at most ${MAX_RATE_DECIMALS} decimals, got "${value}"` });
    } else if (BigInt(whole) > 1n || (BigInt(whole) === 1n && /[1-9]/.test(fraction))) {
      ctx.issues.push({ code: 'custom', input: value, message: `${what} is at most 1, got "${value}"` });
    }
  });

const rateSchema = rate('a level rate');

function rateRow(what: string, min = 1) {
  return z
    .array(rateSchema, { error: `${what} must be an array of decimal strings` })
    .min(min, { error: `${what} need at least ${min} rate` })
    .max(MAX_LEVELS, { error: `${what} have at most ${MAX_LEVELS} rates` });
}

const levelsSchema = z
  .array(rateSchema, { error: 'levels must be an array of decimal strings' })
  .check((ctx) => {
    const levels = ctx.value;
    if (levels.length < MIN_LEVELS) {
      ctx.issues.push({ code: 'custom', input: levels, message: `at least ${MIN_LEVELS} levels` });
    }
    for (let i = MAX_LEVELS; i < levels.length; i++) {
      ctx.issues.push({ code: 'custom', input: levels, path: [i], message: `at most ${MAX_LEVELS} levels` });
    }
  });

/** Most ranks a plan may define. @example `MAX_RANKS === 32` */
export const MAX_RANKS = 32;

const count = (what: string) =>
  z.int({ error: `${what} must be a whole number` }).min(0, { error: `${what} must be at least 0` });

const shareSchema = decimalString('maxLegShare').check((ctx) => {
  const [whole, fraction = ''] = ctx.value.split('.');
  if (!PLAIN_DECIMAL.test(ctx.value)) return;
  if (fraction.length > MAX_RATE_DECIMALS) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `maxLegShare has at most ${MAX_RATE_DECIMALS} decimals` });
  } else if (BigInt(whole) > 1n || (BigInt(whole) === 1n && /[1-9]/.test(fraction)) || !/[1-9]/.test(ctx.value)) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: 'maxLegShare must be above 0 and at most 1' });
  }
});

/**
 * One rank of the ladder as a caller writes it: a name and what an active affiliate needs this period to be
 * paid as that rank. Every requirement is optional.
 *
 * - `personalVolume`: PV at least this.
 * - `groupVolume`: GV (PV plus the whole downline's PV) at least this; with `maxLegShare`, at most that share
 *   of the requirement counts from any one leg (4,350 with `'0.4'`: at most 1,740 from one leg).
 * - `activeLegs`: at least this many legs (personally sponsored affiliates' subtrees) holding an active
 *   affiliate, or, with `legRank`, an affiliate paid as `legRank` or higher.
 * - `personallySponsoredActives`: at least this many active affiliates sponsored directly.
 * - `levels` (1 to 8 rates): the unilevel rates an affiliate paid as this rank earns, level 1 first; fewer
 *   rates than the plan's `levels` pay fewer levels (rank-based depth). Without it the rank earns the plan's
 *   `levels`.
 *
 * @example
 * ```ts
 * const gold = rankSchema.parse({ name: 'Gold', groupVolume: '4350', maxLegShare: '0.4', activeLegs: 3 });
 * ```
 */
export const rankSchema = z.strictObject({
  name: z.string({ error: 'a rank name must be a string' }).min(1, { error: 'a rank name must not be empty' }),
  personalVolume: decimalString('personalVolume').optional(),
  groupVolume: decimalString('groupVolume').optional(),
  maxLegShare: shareSchema.optional(),
  activeLegs: count('activeLegs').optional(),
  legRank: z.string({ error: 'legRank must be a rank name' }).optional(),
  personallySponsoredActives: count('personallySponsoredActives').optional(),
  levels: rateRow('a rank\'s levels').optional(),
  differential: rate('a differential rate').optional(),
  matching: rateRow('a rank\'s matching rates').optional(),
});

/**
 * The payout stages a plan can have, in the order the engine runs them: the names that caps, matching and
 * income sources refer to.
 *
 * @example
 * ```ts
 * STAGE_NAMES.includes('binary'); // true
 * ```
 */
export const STAGE_NAMES = [
  'unilevel',
  'fast-start',
  'direct-sale',
  'retail-profit',
  'differential',
  'generation',
  'binary',
  'matching',
  'pool',
] as const;

/** Stages whose earnings a matching bonus can match. @example `MATCHABLE_STAGES[0] === 'unilevel'` */
export const MATCHABLE_STAGES = ['unilevel', 'differential', 'generation', 'binary'] as const;

const amountSchema = (what: string) => decimalString(what);

const wholeCount = (what: string) =>
  z.int({ error: `${what} must be a whole number` }).min(1, { error: `${what} must be at least 1` });

/**
 * Stairstep breakaway: an affiliate paid as `rank` or higher is a leader; a leader's group (the volume that
 * reaches them through the differential) breaks away from the upline's differential, and the leaders above
 * earn `generations[g - 1]` of it, the g-th leader up (leaders only counted) first.
 *
 * @example
 * ```ts
 * breakawaySchema.parse({ rank: 'Gold', generations: ['0.04', '0.02', '0.01'] });
 * ```
 */
export const breakawaySchema = z.strictObject({
  rank: z.string({ error: 'breakaway.rank must be a rank name' }),
  generations: rateRow('breakaway.generations'),
});

/**
 * Matching bonus: a share of the earnings of the affiliates in one's personally sponsored generations
 * (generation 1 = those one sponsored, under the plan's compression). `levels` are the rates of affiliates
 * without a rank row of their own (ranks may set `matching`); `on` the stages whose earnings are matched.
 *
 * @example
 * ```ts
 * matchingSchema.parse({ levels: ['0.1', '0.05'], on: ['unilevel'] });
 * ```
 */
export const matchingSchema = z.strictObject({
  levels: rateRow('matching.levels', 0).optional(),
  on: z
    .array(z.enum(MATCHABLE_STAGES, { error: `matching.on lists stages among ${MATCHABLE_STAGES.join(', ')}` }))
    .min(1, { error: 'matching.on needs at least one stage' })
    .refine((stages) => new Set(stages).size === stages.length, { error: 'matching.on lists a stage twice' })
    .default(['unilevel']),
});

/** Most shares one rank may hold in a pool. @example `MAX_SHARES === 1_000_000_000` */
export const MAX_SHARES = 1_000_000_000;

/**
 * A leadership pool: `share` of the period's commissionable volume, split among the affiliates paid as the
 * ranks in `shares` by their number of shares (largest remainder: every exact unit is allocated).
 *
 * @example
 * ```ts
 * poolSchema.parse({ name: 'Diamond pool', share: '0.02', shares: { Gold: 1, Diamond: 2 } });
 * ```
 */
export const poolSchema = z.strictObject({
  name: z.string({ error: 'a pool name must be a string' }).min(1, { error: 'a pool name must not be empty' }),
  share: rate('a pool share'),
  shares: z.record(z.string(), count('a number of shares').max(MAX_SHARES, { error: `a number of shares is at most ${MAX_SHARES}` }), {
    error: 'shares must map rank names to whole numbers',
  }),
});

/**
 * Binary: each affiliate's placement legs pair up. Every `pairVolume` on both the left and the right leg (this
 * period's volume plus the carry) forms a pair; an active affiliate is paid `pairAmount` per pair, at most
 * `pairCeiling` pairs a period (pairs above it are flushed). What is left on each side is carried to the next
 * period, at most `carryCap`.
 *
 * @example
 * ```ts
 * binarySchema.parse({ pairVolume: '100', pairAmount: '10', carryCap: '5000', pairCeiling: 20 });
 * ```
 */
export const binarySchema = z.strictObject({
  pairVolume: amountSchema('binary.pairVolume'),
  pairAmount: amountSchema('binary.pairAmount'),
  carryCap: amountSchema('binary.carryCap').nullish(),
  pairCeiling: wholeCount('binary.pairCeiling').nullish(),
});

/**
 * Retail profit: the company pays the seller of each retail order (the affiliate who recorded it, or the
 * referring affiliate of the customer who bought) the difference between the price and the wholesale cost —
 * the order's `wholesale`, else `amount × wholesaleRate` (without either, the order pays none).
 *
 * @example
 * ```ts
 * retailProfitSchema.parse({ wholesaleRate: '0.75' }); // 25% of every retail price without a wholesale cost
 * ```
 */
export const retailProfitSchema = z.strictObject({
  wholesaleRate: rate('wholesaleRate').nullish(),
});

/**
 * Caps, applied after every stage, in this order: `perBonus` (a payee's amount from one stage at most this),
 * `perPayee` (a payee's period total at most this; the cut is shared over their stages in proportion),
 * `totalShare` (all payouts at most this share of the period's commissionable volume, in whole minor units:
 * every payee scaled in proportion). Exact: the units proportional scaling cannot split go by largest remainder
 * (`remainder: 'largest-remainder'`, the default) or the company keeps them (`'company'`; they count as capped).
 *
 * @example
 * ```ts
 * capsSchema.parse({ perPayee: '10000', perBonus: { matching: '500' }, totalShare: '0.5' });
 * ```
 */
export const capsSchema = z.strictObject({
  perPayee: amountSchema('caps.perPayee').nullish(),
  perBonus: z
    .record(z.string(), amountSchema('a per-bonus cap'), { error: 'caps.perBonus must map stage names to amounts' })
    .optional(),
  totalShare: rate('caps.totalShare').nullish(),
  remainder: z.enum(['largest-remainder', 'company'], { error: 'caps.remainder must be "largest-remainder" or "company"' }).default('largest-remainder'),
});

/**
 * The zod schema of a plan as a caller writes it (JSON-friendly; defaults filled in by parsing).
 *
 * @example
 * ```ts
 * planSchema.safeParse({ levels: ['0.10', '0.05'] }).success; // true
 * ```
 */
export const planSchema = z
  .strictObject({
    levels: levelsSchema,
    minPersonalVolume: decimalString('minPersonalVolume').default('0'),
    compression: z.enum(['none', 'dynamic'], { error: 'compression must be "none" or "dynamic"' }).default('none'),
    rounding: z
      .enum(ROUNDING_MODES as ['half-even', 'half-up', 'down'], {
        error: 'rounding must be "half-even", "half-up" or "down"',
      })
      .default('half-even'),
    scale: z
      .int({ error: 'scale must be an integer' })
      .min(0, { error: 'scale must be at least 0' })
      .max(MAX_SCALE, { error: `scale must be at most ${MAX_SCALE}` })
      .default(2),
    commissionable: z
      .array(z.enum(ORDER_KINDS as ['retail', 'personal', 'enrollment'], { error: 'unknown order kind' }))
      .refine((kinds) => new Set(kinds).size === kinds.length, { error: 'lists an order kind twice' })
      .default(['retail', 'personal']),
    allowRateSumAboveOne: z.boolean({ error: 'allowRateSumAboveOne must be a boolean' }).default(false),
    directSale: rate('directSale').default('0'),
    fastStart: z
      .array(decimalString('a fast start amount'), { error: 'fastStart must be an array of decimal strings' })
      .max(MAX_LEVELS, { error: `fastStart pays at most ${MAX_LEVELS} levels` })
      .default([]),
    ranks: z
      .array(rankSchema, { error: 'ranks must be an array of rank objects' })
      .max(MAX_RANKS, { error: `at most ${MAX_RANKS} ranks` })
      .default([]),
    breakaway: breakawaySchema.nullish(),
    matching: matchingSchema.nullish(),
    pools: z.array(poolSchema, { error: 'pools must be an array of pool objects' }).default([]),
    binary: binarySchema.nullish(),
    retailProfit: retailProfitSchema.nullish(),
    version: z.string({ error: 'version must be a string' }).min(1, { error: 'version must not be empty' }).nullish(),
    payoutThreshold: decimalString('payoutThreshold').default('0'),
    leaverBalance: z.enum(['pay', 'forfeit'], { error: 'leaverBalance must be "pay" or "forfeit"' }).default('pay'),
    refundWindow: z.int({ error: 'refundWindow must be a whole number of periods' }).min(0, { error: 'refundWindow must be at least 0' }).nullish(),
    caps: capsSchema.nullish(),
  })
  .superRefine((plan, ctx) => {
    checkRanks(plan.ranks, plan.scale, ctx);
    checkStairstep(plan, ctx);
    checkPools(plan, ctx);
    checkStageReferences(plan, ctx);
    const amounts: Array<[string | null | undefined, (string | number)[]]> = [
      [plan.binary?.pairVolume, ['binary', 'pairVolume']],
      [plan.binary?.pairAmount, ['binary', 'pairAmount']],
      [plan.binary?.carryCap, ['binary', 'carryCap']],
      [plan.caps?.perPayee, ['caps', 'perPayee']],
      [plan.payoutThreshold, ['payoutThreshold']],
      ...Object.entries(plan.caps?.perBonus ?? {}).map(([stage, amount]): [string, string[]] => [amount, ['caps', 'perBonus', stage]]),
    ];
    for (const [amount, path] of amounts) checkAtScale(amount, plan.scale, path, ctx);
    if (plan.binary != null && !/[1-9]/.test(plan.binary.pairVolume)) {
      ctx.addIssue({ code: 'custom', path: ['binary', 'pairVolume'], message: 'must be above 0' });
    }
    plan.fastStart.forEach((amount, k) => {
      const [whole, fraction = ''] = amount.split('.');
      if (fraction.length > plan.scale) {
        ctx.addIssue({ code: 'custom', path: ['fastStart', k], message: `has ${fraction.length} decimals, more than the plan's scale ${plan.scale}` });
      } else if (BigInt(whole + fraction.padEnd(plan.scale, '0')) > BigInt(Number.MAX_SAFE_INTEGER)) {
        ctx.addIssue({ code: 'custom', path: ['fastStart', k], message: 'is more than 2^53 minor units' });
      }
    });
    const fraction = plan.minPersonalVolume.split('.')[1] ?? '';
    if (fraction.length > plan.scale) {
      ctx.addIssue({
        code: 'custom',
        path: ['minPersonalVolume'],
        message: `has ${fraction.length} decimals, more than the plan's scale ${plan.scale}`,
      });
    }
  });

/** Rank names unique; `legRank` names a lower rank; `maxLegShare` only with `groupVolume`; volumes at the scale. */
function checkRanks(ranks: z.infer<typeof rankSchema>[], scale: number, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  ranks.forEach((rank, r) => {
    const at = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: ['ranks', r, key], message });
    if (seen.has(rank.name)) at('name', `rank "${rank.name}" is listed twice (first as ranks[${seen.get(rank.name)}])`);
    if (rank.legRank !== undefined && !seen.has(rank.legRank)) {
      at('legRank', `legRank "${rank.legRank}" must name a rank listed before "${rank.name}"`);
    }
    if (rank.legRank !== undefined && rank.activeLegs === undefined) at('legRank', 'legRank needs activeLegs');
    if (rank.maxLegShare !== undefined && rank.groupVolume === undefined) at('maxLegShare', 'maxLegShare needs groupVolume');
    for (const key of ['personalVolume', 'groupVolume'] as const) {
      const fraction = rank[key]?.split('.')[1] ?? '';
      if (fraction.length > scale) at(key, `has ${fraction.length} decimals, more than the plan's scale ${scale}`);
    }
    if (!seen.has(rank.name)) seen.set(rank.name, r);
  });
}

/** An amount with at most `scale` decimals and below 2^53 minor units. */
function checkAtScale(amount: string | null | undefined, scale: number, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (amount == null || !PLAIN_DECIMAL.test(amount)) return;
  const [whole, fraction = ''] = amount.split('.');
  if (fraction.length > scale) {
    ctx.addIssue({ code: 'custom', path, message: `has ${fraction.length} decimals, more than the plan's scale ${scale}` });
  } else if (BigInt(whole + fraction.padEnd(scale, '0')) > BigInt(Number.MAX_SAFE_INTEGER)) {
    ctx.addIssue({ code: 'custom', path, message: 'is more than 2^53 minor units' });
  }
}

type ParsedPlan = z.infer<typeof planSchema>;
type RefinedPlan = Pick<ParsedPlan, 'ranks' | 'breakaway' | 'matching' | 'pools'>;

const rateValue = (rate: string) => {
  const [whole, fraction = ''] = rate.split('.');
  return BigInt(whole + fraction.padEnd(MAX_RATE_DECIMALS, '0'));
};

/**
 * Differential rates on every rank or on none, never decreasing up the ladder; breakaway names a rank of a
 * ladder with differential rates; matching rates by rank need ranks.
 */
function checkStairstep(plan: RefinedPlan, ctx: z.RefinementCtx): void {
  const { ranks } = plan;
  const withRate = ranks.filter((rank) => rank.differential !== undefined).length;
  if (withRate > 0 && withRate < ranks.length) {
    ranks.forEach((rank, r) => {
      if (rank.differential === undefined) {
        ctx.addIssue({ code: 'custom', path: ['ranks', r, 'differential'], message: 'every rank needs a differential rate when one has' });
      }
    });
  }
  if (withRate === ranks.length && withRate > 0) {
    for (let r = 1; r < ranks.length; r++) {
      const rate = ranks[r].differential as string;
      const below = ranks[r - 1].differential as string;
      if (PLAIN_DECIMAL.test(rate) && PLAIN_DECIMAL.test(below) && rateValue(rate) < rateValue(below)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ranks', r, 'differential'],
          message: `differential "${rate}" of "${ranks[r].name}" is below "${below}" of the rank under it`,
        });
      }
    }
  }
  if (plan.breakaway != null) {
    if (withRate === 0) ctx.addIssue({ code: 'custom', path: ['breakaway'], message: 'breakaway needs differential rates on the ranks' });
    if (!ranks.some((rank) => rank.name === plan.breakaway?.rank)) {
      ctx.addIssue({ code: 'custom', path: ['breakaway', 'rank'], message: `unknown rank "${plan.breakaway.rank}"` });
    }
  }
}

/**
 * The stages a plan runs, from its fields: caps and matching may only name these.
 *
 * @example
 * ```ts
 * plannedStages(planSchema.parse({ levels: ['0.1', '0.1'], fastStart: ['50'] })); // ['unilevel', 'fast-start']
 * ```
 */
export function plannedStages(plan: z.infer<typeof planSchema> | ParsedPlanFields): StageNameText[] {
  const stages: StageNameText[] = ['unilevel'];
  if (plan.fastStart.length > 0) stages.push('fast-start');
  if (/[1-9]/.test(plan.directSale)) stages.push('direct-sale');
  if (plan.retailProfit != null) stages.push('retail-profit');
  if (plan.ranks.length > 0 && plan.ranks.every((rank) => rank.differential !== undefined)) stages.push('differential');
  if (plan.breakaway != null) stages.push('generation');
  if (plan.binary != null) stages.push('binary');
  if (plan.matching != null || plan.ranks.some((rank) => rank.matching !== undefined)) stages.push('matching');
  if (plan.pools.length > 0) stages.push('pool');
  return stages;
}

type StageNameText = (typeof STAGE_NAMES)[number];
type ParsedPlanFields = Pick<
  z.infer<typeof planSchema>,
  'fastStart' | 'directSale' | 'retailProfit' | 'ranks' | 'breakaway' | 'binary' | 'matching' | 'pools'
>;

/** Caps and matching name stages the plan runs; a matching bonus has rates somewhere. */
function checkStageReferences(plan: ParsedPlanFields & { caps?: z.infer<typeof capsSchema> | null }, ctx: z.RefinementCtx): void {
  const runs = plannedStages(plan);
  for (const stage of Object.keys(plan.caps?.perBonus ?? {})) {
    if (!(STAGE_NAMES as readonly string[]).includes(stage)) {
      ctx.addIssue({ code: 'custom', path: ['caps', 'perBonus', stage], message: `"${stage}" is not a stage: ${STAGE_NAMES.join(', ')}` });
    } else if (!runs.includes(stage as StageNameText)) {
      ctx.addIssue({ code: 'custom', path: ['caps', 'perBonus', stage], message: `the plan runs no ${stage} stage` });
    }
  }
  if (plan.matching != null) {
    plan.matching.on.forEach((stage, k) => {
      if (!runs.includes(stage)) ctx.addIssue({ code: 'custom', path: ['matching', 'on', k], message: `the plan runs no ${stage} stage to match` });
    });
    if ((plan.matching.levels ?? []).length === 0 && !plan.ranks.some((rank) => rank.matching !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['matching', 'levels'], message: 'a matching bonus needs rates: matching.levels or a rank\'s matching' });
    }
  }
}

/** Pool names unique, shares keyed by rank names; pools need ranks. */
function checkPools(plan: RefinedPlan, ctx: z.RefinementCtx): void {
  const names = new Set(plan.ranks.map((rank) => rank.name));
  const seen = new Set<string>();
  if (plan.pools.length > 0 && plan.ranks.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['pools'], message: 'pools are shared by rank: the plan needs ranks' });
  }
  plan.pools.forEach((pool, p) => {
    if (seen.has(pool.name)) ctx.addIssue({ code: 'custom', path: ['pools', p, 'name'], message: `pool "${pool.name}" is listed twice` });
    seen.add(pool.name);
    for (const rank of Object.keys(pool.shares)) {
      if (!names.has(rank)) ctx.addIssue({ code: 'custom', path: ['pools', p, 'shares', rank], message: `unknown rank "${rank}"` });
    }
  });
}

/** A plan as zod reads it, before defaults: the shape under {@link PlanInput}. @example `const raw: RawPlanInput = { levels: ['0.1', '0.1'] };` */
export type RawPlanInput = z.input<typeof planSchema>;

/**
 * A plan as a caller writes it: the input of `parsePlan`. Omitted fields take their defaults; arrays may be
 * readonly (`as const` works).
 *
 * @example
 * ```ts
 * const input: PlanInput = { levels: ['0.10', '0.05'], compression: 'dynamic' } as const;
 * ```
 */
export type PlanInput = ReadonlyDeep<RawPlanInput>;

/** `T` with every array and object readonly, all the way down. @example `type P = ReadonlyDeep<{ a: string[] }>; // { readonly a: readonly string[] }` */
export type ReadonlyDeep<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyDeep<U>[]
  : T extends object
    ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
    : T;
