import type { ComplianceAssessment } from './assess-compliance';
import type { IndicatorResult } from './indicator';

const MARK: Record<IndicatorResult['verdict'], string> = { flag: 'FLAG', warning: 'WARN', ok: 'ok', 'not-assessed': 'n/a' };

/**
 * The assessment as plain text for a terminal or a report: the summary, then the flags and warnings by
 * weight, what was not assessed, and every indicator in DESIGN §8 order with its explanation.
 *
 * @example
 * ```ts
 * console.log(formatAssessment(assessCompliance({ result, members, costs })));
 * // Compliance assessment (1 period): flag — 3 flags, 2 warnings, 2 not assessed: #6 enrollment-funding, …
 * ```
 */
export function formatAssessment(assessment: ComplianceAssessment): string {
  const lines = [
    `Compliance assessment (${assessment.periods} period${assessment.periods === 1 ? '' : 's'}): ${assessment.verdict} — ${assessment.summary}`,
  ];
  const section = (title: string, items: readonly IndicatorResult[]) => {
    if (items.length === 0) return;
    lines.push('', title);
    for (const i of items) lines.push(`  #${String(i.id).padStart(2)} ${i.title}`, `      ${i.explanation}`);
  };
  section('Flags, heaviest first:', assessment.flags);
  section('Warnings:', assessment.warnings);
  section('Not assessed:', assessment.notAssessed);
  lines.push('', 'All indicators:');
  for (const i of assessment.indicators) lines.push(`  ${MARK[i.verdict].padEnd(4)} #${String(i.id).padStart(2)} ${i.title}`);
  lines.push('', `Plan check: ${assessment.planCheck.verdict}`);
  for (const item of assessment.planCheck.items) lines.push(`  ${MARK[item.verdict].padEnd(4)} ${item.key}: ${item.explanation}`);
  return lines.join('\n');
}
