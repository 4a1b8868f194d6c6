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

const rateSchema = decimalString('a level rate').check((ctx) => {
  const rate = ctx.value;
  if (!PLAIN_DECIMAL.test(rate)) return; // already reported by the regex
  const [whole, fraction = ''] = rate.split('.');
  if (fraction.length > MAX_RATE_DECIMALS) {
    ctx.issues.push({
      code: 'custom',
      input: rate,
      message: `a level rate has at most ${MAX_RATE_DECIMALS} decimals, got "${rate}"`,
    });
  } else if (BigInt(whole) > 1n || (BigInt(whole) === 1n && /[1-9]/.test(fraction))) {
    ctx.issues.push({ code: 'custom', input: rate, message: `a level rate is at most 1, got "${rate}"` });
  }
});

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
  levels: z
    .array(rateSchema, { error: 'a rank\'s levels must be an array of decimal strings' })
    .min(1, { error: 'a rank\'s levels need at least 1 rate' })
    .max(MAX_LEVELS, { error: `a rank's levels have at most ${MAX_LEVELS} rates` })
    .optional(),
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
    directSale: rateSchema.default('0'),
    fastStart: z
      .array(decimalString('a fast start amount'), { error: 'fastStart must be an array of decimal strings' })
      .max(MAX_LEVELS, { error: `fastStart pays at most ${MAX_LEVELS} levels` })
      .default([]),
    ranks: z
      .array(rankSchema, { error: 'ranks must be an array of rank objects' })
      .max(MAX_RANKS, { error: `at most ${MAX_RANKS} ranks` })
      .default([]),
  })
  .superRefine((plan, ctx) => {
    checkRanks(plan.ranks, plan.scale, ctx);
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

type RawPlanInput = z.input<typeof planSchema>;

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

/** `T` with every array and object readonly, all the way down. */
type ReadonlyDeep<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyDeep<U>[]
  : T extends object
    ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
    : T;
