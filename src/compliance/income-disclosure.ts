/**
 * The income disclosure statement: what participants really earn, FTC style. Every participant counts
 * (those who earned nothing, those who left), money is exact (decimal strings at the column scale), and every
 * share comes with its count. Percentiles are nearest-rank (always an amount someone actually earned).
 *
 * Cost on n participants: one pass of checks, one sort per money column (gross, net) done per group and merged
 * (or one sort when there are no groups), a sort of the tenures, and linear passes; no allocation per
 * participant.
 *
 * @module
 */
import { formatIsoDay, NO_DAY } from '../dates/iso-day';
import { formatUnits } from '../money/decimal-string';
import { roundQuotient } from '../money/rounding';
import { checkDisclosureColumns } from './disclosure-checks';
import type {
  CostFigures,
  DisclosureColumns,
  IncomeDisclosure,
  IncomeDistribution,
  IncomeFigures,
  ParticipantShare,
  TenureFigures,
} from './disclosure-types';
import { ceilFraction, countAtMost, countBelow, exactSum, gini, mergeSortedRuns, nearestRank, topShare } from './statistics';

const TOP_FRACTION = 0.01;

/**
 * Computes the income disclosure statement of a period. Checks the columns first and throws one
 * {@link DownlineError} with every problem (amounts that are not non-negative safe integers, columns of the
 * wrong type or length, dates outside years 0000–9999, a leave day before the join day, a participant who
 * joined after the period or left before it, group codes without a label, a bad scale or limit). Each
 * problem of a column is reported once, at its first row, with the number of rows that have it.
 *
 * An empty population gives a valid statement: population 0, `null` means and percentiles, shares 0.
 *
 * @example
 * ```ts
 * const statement = incomeDisclosure({
 *   scale: 2,
 *   gross: Float64Array.of(0, 0, 12_500, 480_000),
 *   costs: Float64Array.of(4_900, 4_900, 4_900, 60_000),
 *   lowIncomeLimit: 100_000,
 * });
 * statement.gross.median;        // "0.00"
 * statement.earningZero;         // { count: 2, share: 0.5 }
 * statement.netLoss;             // { count: 2, share: 0.5 }
 * console.log(formatIncomeDisclosure(statement));
 * ```
 */
export function incomeDisclosure(columns: DisclosureColumns): IncomeDisclosure {
  checkDisclosureColumns(columns);
  const figures = figuresByView(columns, groupLayout(columns));
  const { period, groups } = columns;
  return {
    scale: columns.scale,
    period: period === undefined ? null : { start: formatIsoDay(period.start), end: formatIsoDay(period.end) },
    ...figures[0],
    ...movements(columns),
    tenureDays: tenureDays(columns),
    byGroup: groups === undefined ? null : groups.labels.map((label, g) => ({ label, ...figures[g + 1] })),
  };
}

interface GroupLayout {
  readonly codes: Uint8Array | null;
  readonly bounds: number[];
}

function groupLayout(columns: DisclosureColumns): GroupLayout {
  const n = columns.gross.length;
  if (columns.groups === undefined) return { codes: null, bounds: [0, n] };
  const { labels, codes } = columns.groups;
  const bounds = new Array<number>(labels.length + 1).fill(0);
  for (let i = 0; i < n; i++) bounds[codes[i] + 1]++;
  for (let g = 0; g < labels.length; g++) bounds[g + 1] += bounds[g];
  return { codes, bounds };
}

/**
 * `gross − costs` (or `gross` alone) per row, gathered by group (a counting sort on the codes) and sorted
 * within each group. The gather already partitions each group: negatives from its start, positives from its
 * end, zeros (the most common income) left in between; only the two non-zero parts are sorted.
 */
function sortedByGroup(gross: Float64Array, costs: Float64Array | undefined, layout: GroupLayout): Float64Array {
  const n = gross.length;
  const out = new Float64Array(n);
  const { codes, bounds } = layout;
  const low = bounds.slice(0, -1);
  const high = bounds.slice(1);
  for (let i = 0; i < n; i++) {
    const value = costs === undefined ? gross[i] : gross[i] - costs[i];
    const g = codes === null ? 0 : codes[i];
    if (value < 0) out[low[g]++] = value;
    else if (value > 0) out[--high[g]] = value;
  }
  for (let g = 0; g < low.length; g++) {
    out.subarray(bounds[g], low[g]).sort();
    out.subarray(high[g], bounds[g + 1]).sort();
  }
  return out;
}

/**
 * The sorted column of the whole population, then of each group when there are groups: the groups are sorted
 * apart and merged for the whole (the merge is linear per round, cheaper than a second sort).
 */
function sortedViews(gross: Float64Array, costs: Float64Array | undefined, layout: GroupLayout): Float64Array[] {
  const grouped = sortedByGroup(gross, costs, layout);
  const { codes, bounds } = layout;
  const views = [mergeSortedRuns(grouped, bounds)];
  if (codes === null) return views;
  for (let g = 0; g + 1 < bounds.length; g++) views.push(grouped.subarray(bounds[g], bounds[g + 1]));
  return views;
}

/** The figures that gross income alone gives, with its exact total (to derive the costs). */
type GrossFigures = Omit<IncomeFigures, 'net' | 'netLoss' | 'costs'>;

/** The figures that net income gives. */
type NetFigures = Pick<IncomeFigures, 'net' | 'netLoss'>;

function grossFigures(sorted: Float64Array, columns: DisclosureColumns): GrossFigures & { total: bigint } {
  const { scale, lowIncomeLimit } = columns;
  const n = sorted.length;
  const total = exactSum(sorted);
  const top = topShare(sorted, TOP_FRACTION);
  return {
    total,
    population: n,
    gross: distribution(sorted, total, scale),
    earningZero: shareOf(countAtMost(sorted, 0), n),
    earningAtMost: {
      limit: formatUnits(BigInt(lowIncomeLimit), scale),
      ...shareOf(countAtMost(sorted, lowIncomeLimit), n),
    },
    top1Percent: { count: top.count, share: top.share, amount: formatUnits(top.amount, scale) },
    gini: gini(sorted),
  };
}

function netFigures(sorted: Float64Array, scale: number): NetFigures & { total: bigint } {
  const total = exactSum(sorted);
  return { total, net: distribution(sorted, total, scale), netLoss: shareOf(countBelow(sorted, 0), sorted.length) };
}

/** Index 0: the whole population; then one per group. Gross first, so that its sorted copies are dropped. */
function figuresByView(columns: DisclosureColumns, layout: GroupLayout): IncomeFigures[] {
  const { costs, scale } = columns;
  const gross = sortedViews(columns.gross, undefined, layout).map((sorted) => grossFigures(sorted, columns));
  const net =
    costs === undefined ? null : sortedViews(columns.gross, costs, layout).map((sorted) => netFigures(sorted, scale));
  return gross.map((part, k) => {
    const netPart = net === null ? null : net[k];
    return {
      population: part.population,
      gross: part.gross,
      net: netPart === null ? null : netPart.net,
      earningZero: part.earningZero,
      earningAtMost: part.earningAtMost,
      netLoss: netPart === null ? null : netPart.netLoss,
      top1Percent: part.top1Percent,
      gini: part.gini,
      costs: netPart === null ? null : costFigures(part.total - netPart.total, part.population, scale),
    };
  });
}

function shareOf(count: number, population: number): ParticipantShare {
  return { count, share: population === 0 ? 0 : count / population };
}

function meanOf(total: bigint, n: number, scale: number): string | null {
  return n === 0 ? null : formatUnits(roundQuotient(total, BigInt(n), 'half-even'), scale);
}

function distribution(sorted: Float64Array, total: bigint, scale: number): IncomeDistribution {
  const at = (p: number): string | null =>
    sorted.length === 0 ? null : formatUnits(BigInt(nearestRank(sorted, p)), scale);
  return {
    total: formatUnits(total, scale),
    mean: meanOf(total, sorted.length, scale),
    p10: at(0.1),
    p25: at(0.25),
    median: at(0.5),
    p75: at(0.75),
    p90: at(0.9),
    p99: at(0.99),
  };
}

function costFigures(total: bigint, n: number, scale: number): CostFigures {
  return { total: formatUnits(total, scale), mean: meanOf(total, n, scale) };
}

function movements(columns: DisclosureColumns): Pick<IncomeDisclosure, 'newMembers' | 'leaving' | 'stillIn'> {
  const { joined, left, period } = columns;
  const n = columns.gross.length;
  if (period === undefined) return { newMembers: null, leaving: null, stillIn: null };
  const leaving = left === undefined ? null : countWithin(left, period.start, period.end);
  return {
    newMembers: joined === undefined ? null : shareOf(countWithin(joined, period.start, period.end), n),
    leaving: leaving === null ? null : shareOf(leaving, n),
    stillIn: leaving === null ? null : shareOf(n - leaving, n),
  };
}

/** Known days within `[start, end]` (NO_DAY is below every valid day, so never within). */
function countWithin(days: Int32Array, start: number, end: number): number {
  let count = 0;
  for (let i = 0; i < days.length; i++) if (days[i] >= start && days[i] <= end) count++;
  return count;
}

/**
 * Tenure of the participants with a known join day. The median comes from a histogram of days (tenures are
 * whole days below 3.7 million): linear, no sort. The sum of tenures stays below 2^53 for any array length,
 * so the mean is the exact sum divided once.
 */
function tenureDays(columns: DisclosureColumns): TenureFigures | null {
  const { joined, left, period } = columns;
  if (joined === undefined || period === undefined) return null;
  let count = 0;
  let longest = 0;
  let sum = 0;
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === NO_DAY) continue;
    const days = tenureAt(joined, left, i, period.end);
    count++;
    sum += days;
    if (days > longest) longest = days;
  }
  if (count === 0) return { count, median: null, mean: null };
  return { count, median: medianDays(joined, left, period.end, count, longest), mean: sum / count };
}

/** Days from joining to the period end, or to leaving when earlier. */
function tenureAt(joined: Int32Array, left: Int32Array | undefined, i: number, end: number): number {
  const leave = left === undefined ? NO_DAY : left[i];
  return (leave !== NO_DAY && leave < end ? leave : end) - joined[i];
}

/** The nearest-rank median of the tenures, from a histogram of `longest + 1` days. */
function medianDays(
  joined: Int32Array,
  left: Int32Array | undefined,
  end: number,
  count: number,
  longest: number,
): number {
  const histogram = new Uint32Array(longest + 1);
  for (let i = 0; i < joined.length; i++) if (joined[i] !== NO_DAY) histogram[tenureAt(joined, left, i, end)]++;
  const rank = Math.min(count, Math.max(1, ceilFraction(0.5, count)));
  let seen = 0;
  let day = 0;
  while ((seen += histogram[day]) < rank) day++;
  return day;
}

// ------------------------------------------------------------------------------------------------------ text

