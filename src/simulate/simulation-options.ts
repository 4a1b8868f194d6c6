import type { SimulationSettings } from './simulation-types';
/**
 * The options of the growth simulator: what they mean, their defaults and limits, and their validation at the
 * boundary (zod, every problem at once, coded `INVALID_OPTIONS` with the option's path quoted in the message).
 *
 * @module
 */
import { z } from 'zod';
import { collect, DownlineError, ErrorCode, type Issue } from '../errors';
import { parseDecimal } from '../money/decimal-string';
import { parsePlan } from '../plan/parse-plan';
import type { Plan } from '../plan/plan';
import type { PlanInput } from '../plan/schema';

/**
 * Options of {@link simulateGrowth}. Every field is optional; rates and probabilities are numbers (doubles),
 * money is decimal strings at the plan's scale.
 *
 * @example
 * ```ts
 * const options: SimulationOptions = { seed: 7, periods: 12, founders: 10, marketSize: 10_000, recruitRate: 1.2 };
 * ```
 */
export interface SimulationOptions {
  /** Seed of the generator (an integer from 0 to 2^32 − 1): the same seed gives the same report. Default 1. */
  readonly seed?: number;
  /** Number of periods simulated, 1 to 120. Default 12. */
  readonly periods?: number;
  /** Members who start the network in period 1, without a sponsor. Default 10. */
  readonly founders?: number;
  /** Everyone who could ever join, founders included (at most 10,000,000). Default 10,000. */
  readonly marketSize?: number;
  /**
   * Mean recruits per member per period while the whole market is still free, 0 to 20. The mean actually drawn
   * is `recruitRate × (people not yet joined) / marketSize`: recruiting slows as the market fills. Default 1.5.
   */
  readonly recruitRate?: number;
  /** Probability that a member buys for themselves (a `personal` order of `purchase`) in a period. Default 0.6. */
  readonly activity?: number;
  /** Probability that a member sells to an outside customer (a `retail` order of `retailAmount`). Default 0.3. */
  readonly retailShare?: number;
  /** Probability that a member leaves at the end of a period. Default 0.15. */
  readonly dropout?: number;
  /** Amount of a member's own purchase. Default `'100.00'`. */
  readonly purchase?: string;
  /** Amount of a retail sale to an outside customer. Default `'60.00'`. */
  readonly retailAmount?: string;
  /** Joining fee (an `enrollment` order), paid once, in the period a member joins. Default `'49.00'`. */
  readonly joiningFee?: string;
  /** The compensation plan run every period (any plan without `binary`). Default {@link DEFAULT_SIMULATION_PLAN}. */
  readonly plan?: PlanInput | Plan;
  /** Recruiting has slowed when a period's recruits fall below this fraction of the peak so far. Default 0.1. */
  readonly saturationFraction?: number;
  /** The market is exhausted when this share of it has joined. Default 0.95. */
  readonly exhaustedShare?: number;
}

/**
 * The plan simulated when none is given: five levels (10/5/4/3/2 %) with dynamic compression, 50 of personal
 * volume to qualify, and a fast start of 20.00 to the enroller and 5.00 to the enroller's sponsor on every
 * joining fee (the fees themselves are not commissionable).
 *
 * @example
 * ```ts
 * simulateGrowth({ plan: { ...DEFAULT_SIMULATION_PLAN, fastStart: [] } }); // the same plan without fast start
 * ```
 */
export const DEFAULT_SIMULATION_PLAN: PlanInput = Object.freeze({
  levels: ['0.10', '0.05', '0.04', '0.03', '0.02'],
  minPersonalVolume: '50',
  compression: 'dynamic',
  fastStart: ['20.00', '5.00'],
}) as PlanInput;

/**
 * The defaults of every numeric and money option of {@link SimulationOptions}.
 *
 * @example
 * ```ts
 * SIMULATION_DEFAULTS.marketSize; // 10000
 * ```
 */
export const SIMULATION_DEFAULTS = Object.freeze({
  seed: 1,
  periods: 12,
  founders: 10,
  marketSize: 10_000,
  recruitRate: 1.5,
  activity: 0.6,
  retailShare: 0.3,
  dropout: 0.15,
  purchase: '100.00',
  retailAmount: '60.00',
  joiningFee: '49.00',
  saturationFraction: 0.1,
  exhaustedShare: 0.95,
});

/**
 * Options checked and completed: the plan parsed, and each amount also in integer minor units at the plan's
 * scale.
 *
 * @example
 * ```ts
 * const resolved: ResolvedSimulationOptions = resolveSimulationOptions({ seed: 3 });
 * resolved.units.purchase; // 10000n
 * ```
 */
export interface ResolvedSimulationOptions extends SimulationSettings {
  /** The amounts in minor units at `plan.scale`. */
  readonly units: { readonly purchase: bigint; readonly retailAmount: bigint; readonly joiningFee: bigint };
}

const MAX_MARKET = 10_000_000;

function integer(low: number, high: number) {
  const error = `must be an integer between ${low} and ${high}`;
  return z.number({ error }).int({ error }).min(low, { error }).max(high, { error }).optional();
}

function real(low: number, high: number) {
  const error = `must be between ${low} and ${high}`;
  return z.number({ error }).min(low, { error }).max(high, { error }).optional();
}

const AMOUNT_ERROR = 'must be a non-negative decimal string like "100.00"';
const amount = z.string({ error: AMOUNT_ERROR }).regex(/^\d+(\.\d+)?$/, { error: AMOUNT_ERROR }).optional();

const optionsSchema = z
  .object(
    {
      seed: integer(0, 2 ** 32 - 1),
      periods: integer(1, 120),
      founders: integer(1, MAX_MARKET),
      marketSize: integer(1, MAX_MARKET),
      recruitRate: real(0, 20),
      activity: real(0, 1),
      retailShare: real(0, 1),
      dropout: real(0, 1),
      purchase: amount,
      retailAmount: amount,
      joiningFee: amount,
      plan: z.unknown().optional(),
      saturationFraction: real(0, 1),
      exhaustedShare: real(0, 1),
    },
    { error: 'must be an object of simulation options' },
  )
  .strict();

const AMOUNTS = ['purchase', 'retailAmount', 'joiningFee'] as const;

/**
 * Validates simulation options and fills the defaults. Every problem is reported at once in one
 * {@link DownlineError}: option problems as `INVALID_OPTIONS` issues at `['options', name]` with messages like
 * `options.recruitRate: must be between 0 and 20`; plan problems with the plan's own codes (`INVALID_PLAN`,
 * `RATES_EXCEED_ONE`) at `['options', 'plan', …]`. Also refused: `founders` above `marketSize`, amounts with
 * more decimals than the plan's scale, and a plan with a `binary` (the simulator builds no placement tree).
 *
 * @example
 * ```ts
 * resolveSimulationOptions({ dropout: 1.5 }); // throws: options.dropout: must be between 0 and 1
 * resolveSimulationOptions({}).periods;       // 12
 * ```
 */
export function resolveSimulationOptions(options: SimulationOptions = {}): ResolvedSimulationOptions {
  const checked = optionsSchema.safeParse(options);
  const issues: Issue[] = [];
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = ['options', ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
      const where = path.join('.');
      issues.push({ code: ErrorCode.InvalidOptions, path, message: `${where}: ${issue.message}` });
    }
  }
  const given: SimulationOptions = checked.success ? checked.data as SimulationOptions : {};
  const planInput = checked.success ? (given.plan ?? DEFAULT_SIMULATION_PLAN) : (options as SimulationOptions | null)?.plan ?? DEFAULT_SIMULATION_PLAN;
  const plan = collect(() => readPlan(planInput), issues);
  const values = { ...SIMULATION_DEFAULTS, ...stripUndefined(given) };
  if (checked.success && values.founders > values.marketSize) {
    issues.push({
      code: ErrorCode.InvalidOptions,
      path: ['options', 'marketSize'],
      message: `options.marketSize: must be at least founders (${values.founders}), got ${values.marketSize}`,
    });
  }
  const units = { purchase: 0n, retailAmount: 0n, joiningFee: 0n };
  if (checked.success && plan !== null) {
    for (const key of AMOUNTS) {
      const read = parseDecimal(values[key], plan.scale);
      if (read.ok) units[key] = read.units;
      else {
        issues.push({
          code: ErrorCode.InvalidOptions,
          path: ['options', key],
          message: `options.${key}: at most ${plan.scale} decimals (the plan's scale), got ${JSON.stringify(values[key])}`,
        });
      }
    }
  }
  if (issues.length > 0 || plan === null) throw new DownlineError(issues);
  return Object.freeze({
    seed: values.seed,
    periods: values.periods,
    founders: values.founders,
    marketSize: values.marketSize,
    recruitRate: values.recruitRate,
    activity: values.activity,
    retailShare: values.retailShare,
    dropout: values.dropout,
    purchase: values.purchase,
    retailAmount: values.retailAmount,
    joiningFee: values.joiningFee,
    saturationFraction: values.saturationFraction,
    exhaustedShare: values.exhaustedShare,
    plan,
    units: Object.freeze(units),
  });
}

/** The plan parsed with its issues under `options.plan`; a binary plan refused. */
function readPlan(input: unknown): Plan {
  let plan: Plan;
  try {
    plan = parsePlan(input, { path: ['options', 'plan'] });
  } catch (error) {
    if (!(error instanceof DownlineError)) throw error;
    throw new DownlineError(error.issues.map((issue) => ({ ...issue, message: `options.${issue.message}` })));
  }
  if (plan.binary !== null) {
    throw DownlineError.of(
      ErrorCode.InvalidOptions,
      'options.plan.binary: the simulator builds no binary placement tree; simulate a plan without binary',
      ['options', 'plan', 'binary'],
    );
  }
  return plan;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
