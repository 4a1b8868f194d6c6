import { z } from 'zod';
import type { AssessmentOptions } from '../compliance';
import { type ResolvedOptions, resolveOptions } from '../compliance/assessment-options';
import { collect, DownlineError, ErrorCode, fromZodIssues, type Issue } from '../errors';

/**
 * Options of {@link renderReport}: the report's own (title, how many top earners, a label for when it was
 * made) and everything {@link assessCompliance} takes (thresholds, policies, plan context, the low-income
 * limit of the disclosure).
 *
 * @example
 * ```ts
 * const options: ReportOptions = { title: 'October 2026', topEarners: 5, generated: '2026-11-02', lowIncomeLimit: '500' };
 * ```
 */
export interface ReportOptions extends AssessmentOptions {
  /** The page title and heading (default `'Commission period report'`). */
  readonly title?: string;
  /** How many of the best-paid participants to list with their explanation, 0 to 100 (default 10). */
  readonly topEarners?: number;
  /**
   * When the report was made, as the caller wants it shown (`'2026-11-02 09:00 UTC'`); left out by default, so
   * that the same period always gives the same bytes.
   */
  readonly generated?: string;
}

/**
 * Report options after validation, defaults filled in.
 *
 * @example
 * ```ts
 * const { title, topEarners, generated, assessment } = resolveReportOptions({ topEarners: 3 });
 * ```
 */
export interface ResolvedReportOptions {
  readonly title: string;
  readonly topEarners: number;
  readonly generated: string | null;
  /** The assessment options, validated and resolved (thresholds in force, policies, context, limit). */
  readonly assessment: ResolvedOptions;
}

const reportSchema = z
  .object({
    title: z.string().min(1).max(200).optional(),
    topEarners: z.number().int().min(0).max(100).optional(),
    generated: z.string().min(1).max(100).optional(),
  })
  .passthrough();

/**
 * Validates the report's own options and the assessment options together (`INVALID_OPTIONS` with the path of
 * each problem, every problem at once) and splits them apart.
 *
 * @example
 * ```ts
 * resolveReportOptions({ topEarners: 3 }).title; // 'Commission period report'
 * ```
 */
export function resolveReportOptions(options: ReportOptions = {}): ResolvedReportOptions {
  const checked = reportSchema.safeParse(options);
  const issues: Issue[] = checked.success ? [] : fromZodIssues(checked.error.issues, ErrorCode.InvalidOptions, ['options'], null);
  const { title, topEarners, generated, ...rest } = options ?? {};
  const assessment = collect(() => resolveOptions(rest), issues);
  if (issues.length > 0 || assessment === null) throw new DownlineError(issues);
  return {
    title: title ?? 'Commission period report',
    topEarners: topEarners ?? 10,
    generated: generated ?? null,
    assessment,
  };
}
