/**
 * A what-if comparison as plain text.
 *
 * @module
 */
import type { IndicatorKey } from '../compliance/catalogue';
import { percent } from '../compliance/indicator';
import { DownlineError, ErrorCode } from '../errors';
import { groupThousands } from '../money/decimal-string';
import { type PlanComparison, TOTAL_KEYS } from './compare-plans';
import type { IndicatorChange, IndicatorReading } from './compliance-changes';
import { signed } from './decimal-difference';

/**
 * How {@link formatComparison} renders: `top` is how many of the largest payee changes are listed (default 10;
 * 0 lists none).
 *
 * @example
 * ```ts
 * const options: FormatComparisonOptions = { top: 5 };
 * ```
 */
export interface FormatComparisonOptions {
  readonly top?: number;
}

/**
 * The comparison as a plain-text report: the plan changes, a table of the totals and of each stage (before,
 * after, difference), how many payees gain, lose or keep their payout with the `top` largest changes, and with
 * compliance the overall verdicts and every indicator whose verdict changed. Amounts with thousands
 * separators, differences signed. A `top` that is not a non-negative integer is `INVALID_OPTIONS`.
 *
 * @example
 * ```ts
 * console.log(formatComparison(comparePlans({ genealogy, orders, before, after }), { top: 3 }));
 * // Plan changes (2):
 * //   levels[0]: "0.1" → "0.08"
 * //   …
 * // Payees: 1 gain, 4 lose, 1 unchanged (6 paid in either plan)
 * ```
 */
export function formatComparison(comparison: PlanComparison, options: FormatComparisonOptions = {}): string {
  const top = options.top ?? 10;
  if (!Number.isSafeInteger(top) || top < 0) {
    throw DownlineError.of(ErrorCode.InvalidOptions, `options.top: must be a non-negative integer, got ${String(top)}`, ['options', 'top']);
  }
  const lines: string[] = [];
  const { changes, totals, stages, payees, compliance } = comparison;
  lines.push(changes.length === 0 ? 'Plan changes: none (the same plan)' : `Plan changes (${changes.length}):`);
  for (const change of changes) lines.push(`  ${change.description}`);

  const money = (text: string) => groupThousands(text);
  const header = ['', 'before', 'after', 'difference'];
  const totalRows = TOTAL_KEYS.map((key) => [key, money(totals.before[key]), money(totals.after[key]), signed(money(totals.difference[key]))]);
  lines.push('', 'Totals:', ...table([header, ...totalRows]));
  const stageRows = stages.flatMap((stage) =>
    (['potential', 'paid', 'capped'] as const).map((key) => [
      `${stage.stage} ${key}${stage.runs.before ? '' : ' (new)'}${stage.runs.after ? '' : ' (dropped)'}`,
      money(stage.before[key]),
      money(stage.after[key]),
      signed(money(stage.difference[key])),
    ]),
  );
  lines.push('', 'Stages:', ...table([header, ...stageRows]));

  lines.push(
    '',
    `Payees: ${payees.gain} gain, ${payees.lose} lose, ${payees.unchanged} unchanged (${payees.payees} paid in either plan)`,
  );
  const shown = payees.changes.slice(0, top);
  if (shown.length > 0) {
    lines.push(`Largest changes (${shown.length} of ${payees.changes.length}):`);
    const payeeRows = [['member', 'before', 'after', 'difference'], ...shown.map((c) => [c.id, money(c.before), money(c.after), signed(money(c.difference))])];
    lines.push(...table(payeeRows));
    if (payees.changes.length > shown.length) lines.push(`  … and ${payees.changes.length - shown.length} more`);
  }

  if (compliance !== null) {
    const { verdict, changed } = compliance;
    lines.push(
      '',
      `Compliance: ${verdict.before} → ${verdict.after}; ${changed.length === 0 ? 'no verdict changed' : `${changed.length} verdict${changed.length === 1 ? '' : 's'} changed`}`,
    );
    for (const c of changed) lines.push(`  #${String(c.id).padStart(2)} ${c.key}: ${reading(c, c.before)} → ${reading(c, c.after)} (${c.trend})`);
  }
  return lines.join('\n');
}

/** Indicators whose value is not a share. */
const NOT_SHARES: Partial<Record<IndicatorKey, (value: number) => string>> = {
  'retail-customers-per-affiliate': (v) => v.toFixed(2),
  'plan-shape': (v) => String(v),
  'fee-to-goods-ratio': (v) => `${v.toFixed(2)}×`,
};

function reading(change: IndicatorChange, side: IndicatorReading): string {
  if (side.value === null) return side.verdict;
  const show = NOT_SHARES[change.key] ?? percent;
  return `${side.verdict} ${show(side.value)}`;
}

/** Rows as aligned columns, indented: the first column left-aligned, the others right-aligned. */
function table(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, c) => rows.reduce((width, row) => Math.max(width, row[c].length), 0));
  return rows.map((row) => `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`.trimEnd());
}
