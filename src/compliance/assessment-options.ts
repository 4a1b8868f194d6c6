import { z } from 'zod';
import { DownlineError, ErrorCode, fromZodIssues, type IssuePath } from '../errors';
import { type IndicatorKey, INDICATORS } from './catalogue';
import type { Threshold } from './indicator';
import type { CompanyPolicies } from './indicator-context';
import { type PlanContext, planContextSchema, shareString } from './plan-check';

/**
 * How an assessment reads its periods: threshold overrides per indicator key (levels and source text),
 * declared company policies, what the plan check needs beyond the plan, and the low-income limit.
 *
 * @example
 * ```ts
 * const options: AssessmentOptions = {
 *   thresholds: { 'enrollment-funding': { warning: null, source: 'EU UCPD Annex I pt 14 only' } },
 *   policies: { buyBackRate: '0.9' },
 *   lowIncomeLimit: '1000',
 * };
 * ```
 */
export interface AssessmentOptions {
  readonly thresholds?: Partial<Record<IndicatorKey, Partial<Omit<Threshold, 'direction'>>>>;
  readonly policies?: CompanyPolicies;
  readonly planContext?: PlanContext;
  /** "Earned at most this", in currency units (default `'1000'`). */
  readonly lowIncomeLimit?: string;
}

const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal string like "0.9"');
const level = z.number().finite().nullable();
const thresholdSchema = z.object({ warning: level.optional(), flag: level.optional(), source: z.string().min(1).optional() }).strict();
const keys = INDICATORS.map((i) => i.key) as [IndicatorKey, ...IndicatorKey[]];
const optionsSchema = z
  .object({
    thresholds: z.partialRecord(z.enum(keys), thresholdSchema).optional(),
    policies: z
      .object({ seventyPercentRule: z.boolean().optional(), tenCustomerRule: z.boolean().optional(), buyBackRate: shareString.optional() })
      .strict()
      .optional(),
    planContext: planContextSchema.optional(),
    lowIncomeLimit: decimal.optional(),
  })
  .strict();

/** Options checked, with the thresholds in force for every indicator. */
export interface ResolvedOptions {
  readonly thresholds: Readonly<Record<IndicatorKey, Threshold>>;
  readonly policies: CompanyPolicies;
  readonly planContext: PlanContext;
  readonly lowIncomeLimit: string;
}

/**
 * Validates assessment options (every problem, coded `INVALID_OPTIONS`, with its path) and merges the
 * threshold overrides over the defaults.
 *
 * @example
 * ```ts
 * resolveOptions({ thresholds: { 'zero-earners': { flag: 0.8 } } }).thresholds['zero-earners'].flag; // 0.8
 * ```
 */
export function resolveOptions(options: AssessmentOptions = {}, base: IssuePath = ['options']): ResolvedOptions {
  const checked = optionsSchema.safeParse(options);
  if (!checked.success) {
    throw new DownlineError(fromZodIssues(checked.error.issues, ErrorCode.InvalidOptions, base, null));
  }
  const data = checked.data;
  const thresholds = {} as Record<IndicatorKey, Threshold>;
  for (const entry of INDICATORS) {
    const override = data.thresholds?.[entry.key] ?? {};
    thresholds[entry.key] = Object.freeze({ ...entry.threshold, ...override });
  }
  return {
    thresholds,
    policies: data.policies ?? {},
    planContext: data.planContext ?? {},
    lowIncomeLimit: data.lowIncomeLimit ?? '1000',
  };
}
