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
  })
  .superRefine((plan, ctx) => {
    const fraction = plan.minPersonalVolume.split('.')[1] ?? '';
    if (fraction.length > plan.scale) {
      ctx.addIssue({
        code: 'custom',
        path: ['minPersonalVolume'],
        message: `has ${fraction.length} decimals, more than the plan's scale ${plan.scale}`,
      });
    }
  });

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
export type PlanInput = {
  readonly [K in keyof RawPlanInput]: RawPlanInput[K] extends (infer U)[] | undefined
    ? readonly U[] | Extract<RawPlanInput[K], undefined>
    : RawPlanInput[K];
};
