import { groupThousands } from '../money/decimal-string';
import { percent } from './indicator';
import type { GroupDisclosure, IncomeDisclosure, IncomeDistribution, ParticipantShare } from './disclosure-types';

const NOT_GIVEN = 'n/a';

/**
 * The statement as a plain-text report: fixed-width tables, numbers right-aligned, amounts with thousands
 * separators (`1,248,000.00`), shares as percentages with one decimal. Blocks: the participants (all, new,
 * leaving, still in), income percentiles (gross and net rows), the shares earning nothing / at most the limit /
 * at a net loss, concentration (top 1%, Gini), costs, tenure, and a by-group table when there are groups.
 * Figures that were not given print as `n/a`.
 *
 * @example
 * ```ts
 * const text = formatIncomeDisclosure(incomeDisclosure(columns));
 * // Income per participant       p10     p25  median  …
 * // Gross                       0.00    0.00   12.50  …
 * ```
 */
export function formatIncomeDisclosure(statement: IncomeDisclosure): string {
  return `${[headerBlock(statement), ...disclosureTables(statement).map(textTable)].join('\n\n')}\n`;
}

/**
 * The statement's tables as rows of display strings (amounts grouped by thousands, shares as percentages,
 * "not given" where the data was missing), each table's first row its header: the one layout behind the
 * plain-text statement and the HTML report.
 *
 * @example
 * ```ts
 * const [participants] = disclosureTables(statement);
 * participants[0]; // ['Participants', 'count', 'share']
 * participants[1]; // ['All participants', '1,000', '100.0%']
 * ```
 */
export function disclosureTables(statement: IncomeDisclosure): string[][][] {
  const tables = [
    participantsBlock(statement),
    percentileBlock(statement),
    sharesBlock(statement),
    concentrationBlock(statement),
    costsBlock(statement),
    tenureBlock(statement),
  ];
  if (statement.byGroup !== null) tables.push(groupBlock(statement, statement.byGroup));
  return tables;
}

/**
 * Lays rows out as a fixed-width table: the first column left-aligned, the others right-aligned, two spaces
 * between columns, no trailing blanks. The first row is the header.
 *
 * @example
 * ```ts
 * textTable([['', 'count'], ['zero', '7'], ['all', '1,000']]);
 * // "      count\nzero      7\nall   1,000"
 * ```
 */
export function textTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[c]))))
    .map((cells) => cells.join('  ').trimEnd())
    .join('\n');
}

function money(value: string | null): string {
  return value === null ? NOT_GIVEN : groupThousands(value);
}

function count(value: number): string {
  return groupThousands(String(value));
}

function participants(value: number): string {
  return `${count(value)} participant${value === 1 ? '' : 's'}`;
}

function shareCells(share: ParticipantShare | null): string[] {
  return share === null ? [NOT_GIVEN, NOT_GIVEN] : [count(share.count), percent(share.share)];
}

function headerBlock(statement: IncomeDisclosure): string {
  const { period } = statement;
  const when = period === null ? 'period not given' : `period ${period.start} to ${period.end}`;
  return `Income disclosure statement\n${when}; amounts at ${statement.scale} decimals`;
}

function participantsBlock(statement: IncomeDisclosure): string[][] {
  return [
    ['Participants', 'count', 'share'],
    ['All participants', count(statement.population), percent(statement.population === 0 ? 0 : 1)],
    ['Joined in the period', ...shareCells(statement.newMembers)],
    ['Left in the period', ...shareCells(statement.leaving)],
    ['Still in at the end', ...shareCells(statement.stillIn)],
  ];
}

const PERCENTILES = ['p10', 'p25', 'median', 'p75', 'p90', 'p99'] as const;

function distributionCells(income: IncomeDistribution | null): string[] {
  if (income === null) return [...PERCENTILES, 'mean', 'total'].map(() => NOT_GIVEN);
  return [...PERCENTILES.map((key) => money(income[key])), money(income.mean), money(income.total)];
}

function percentileBlock(statement: IncomeDisclosure): string[][] {
  return [
    ['Income per participant', ...PERCENTILES, 'mean', 'total'],
    ['Gross', ...distributionCells(statement.gross)],
    ['Net of costs', ...distributionCells(statement.net)],
  ];
}

function sharesBlock(statement: IncomeDisclosure): string[][] {
  return [
    ['Participants', 'count', 'share'],
    ['Earning nothing', ...shareCells(statement.earningZero)],
    [`Earning at most ${money(statement.earningAtMost.limit)}`, ...shareCells(statement.earningAtMost)],
    ['With a net loss', ...shareCells(statement.netLoss)],
  ];
}

function concentrationBlock(statement: IncomeDisclosure): string[][] {
  const top = statement.top1Percent;
  return [
    ['Concentration of gross income', 'value'],
    [`Top 1% of earners (${participants(top.count)}): share`, percent(top.share)],
    [`Top 1% of earners (${participants(top.count)}): amount`, money(top.amount)],
    ['Gini coefficient', statement.gini.toFixed(3)],
  ];
}

function costsBlock(statement: IncomeDisclosure): string[][] {
  const costs = statement.costs;
  return [
    ['Costs paid', 'value'],
    ['Total', costs === null ? NOT_GIVEN : money(costs.total)],
    ['Mean per participant', costs === null ? NOT_GIVEN : money(costs.mean)],
  ];
}

function tenureBlock(statement: IncomeDisclosure): string[][] {
  const tenure = statement.tenureDays;
  const show = (value: number | null | undefined, digits: number): string =>
    value === null || value === undefined ? NOT_GIVEN : groupThousands(value.toFixed(digits));
  return [
    ['Tenure at the period end (days)', 'value'],
    ['Participants with a join day', tenure === null ? NOT_GIVEN : count(tenure.count)],
    ['Median', show(tenure?.median, 0)],
    ['Mean', show(tenure?.mean, 1)],
  ];
}

function groupBlock(statement: IncomeDisclosure, groups: readonly GroupDisclosure[]): string[][] {
  const header = ['By group', 'participants', 'share', 'gross median', 'gross mean', 'gross p90', 'earning 0'];
  header.push(`at most ${money(statement.earningAtMost.limit)}`, 'net median', 'net loss', 'mean costs');
  const rows = groups.map((group) => [
    group.label,
    count(group.population),
    percent(statement.population === 0 ? 0 : group.population / statement.population),
    money(group.gross.median),
    money(group.gross.mean),
    money(group.gross.p90),
    percent(group.earningZero.share),
    percent(group.earningAtMost.share),
    group.net === null ? NOT_GIVEN : money(group.net.median),
    group.netLoss === null ? NOT_GIVEN : percent(group.netLoss.share),
    group.costs === null ? NOT_GIVEN : money(group.costs.mean),
  ]);
  return [header, ...rows];
}

