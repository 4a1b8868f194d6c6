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
import { NO_DAY, formatIsoDay } from '../dates/iso-day';
import { DownlineError, ErrorCode, formatPath, type Issue } from '../errors';
import { formatUnits } from '../money/decimal-string';
import { roundQuotient } from '../money/rounding';
import {
  ceilFraction,
  countAtMost,
  countBelow,
  exactSum,
  gini,
  mergeSortedRuns,
  nearestRank,
  topShare,
} from './statistics';

/**
 * The input of {@link incomeDisclosure}: one row per participant, in columns of equal length.
 *
 * @example
 * ```ts
 * const columns: DisclosureColumns = {
 *   scale: 2,
 *   gross: Float64Array.of(0, 12_500, 480_000),  // 0.00, 125.00, 4,800.00
 *   costs: Float64Array.of(4_900, 4_900, 60_000),
 *   lowIncomeLimit: 100_000,                     // "earning at most 1,000.00"
 * };
 * ```
 */
export interface DisclosureColumns {
  /** Decimals of the minor units (2 for cents), 0 to 12. */
  readonly scale: number;
  /** Gross income per participant, minor units, safe integers ≥ 0. */
  readonly gross: Float64Array;
  /** Costs paid per participant (fees, kits, required purchases), minor units ≥ 0; absent = costs not given. */
  readonly costs?: Float64Array;
  /** Join day per participant (days since 1970-01-01, `NO_DAY` when unknown). */
  readonly joined?: Int32Array;
  /** Leave day per participant (`NO_DAY` when still in). */
  readonly left?: Int32Array;
  /** The period of the statement, day numbers, both ends included. */
  readonly period?: { readonly start: number; readonly end: number };
  /** A group per participant (a rank, a country…): `labels[codes[i]]`. */
  readonly groups?: { readonly labels: readonly string[]; readonly codes: Uint8Array };
  /** Minor units: the statement reports the share of participants earning at most this (gross). */
  readonly lowIncomeLimit: number;
}

/**
 * Some of the participants: how many, and which share of the population (0 when the population is empty).
 *
 * @example
 * ```ts
 * const zero: ParticipantShare = { count: 723, share: 0.723 }; // of 1,000 participants
 * ```
 */
export interface ParticipantShare {
  readonly count: number;
  readonly share: number;
}

/**
 * Gross or net income per participant: the exact total, the mean rounded half-even to the scale, and
 * nearest-rank percentiles (each an amount that a participant actually had). Everything but `total` is `null`
 * for an empty population.
 *
 * @example
 * ```ts
 * const gross: IncomeDistribution = {
 *   total: '1200.00', mean: '120.00',
 *   p10: '0.00', p25: '0.00', median: '50.00', p75: '100.00', p90: '300.00', p99: '500.00',
 * };
 * ```
 */
export interface IncomeDistribution {
  readonly total: string;
  readonly mean: string | null;
  readonly p10: string | null;
  readonly p25: string | null;
  readonly median: string | null;
  readonly p75: string | null;
  readonly p90: string | null;
  readonly p99: string | null;
}

/**
 * The largest earners: the top `count` participants (`ceil(1% · population)`, at least one) hold `amount`,
 * which is `share` of all gross income (0 when nobody earned anything).
 *
 * @example
 * ```ts
 * const top: TopEarners = { count: 10, share: 0.54, amount: '540000.00' };
 * ```
 */
export interface TopEarners {
  readonly count: number;
  readonly share: number;
  readonly amount: string;
}

/**
 * Costs paid by the participants: the exact total and the mean over the whole population, rounded half-even.
 *
 * @example
 * ```ts
 * const costs: CostFigures = { total: '49000.00', mean: '49.00' };
 * ```
 */
export interface CostFigures {
  readonly total: string;
  readonly mean: string | null;
}

/**
 * Tenure in days, for the `count` participants whose join day is known: from the join day to the period end,
 * or to the leave day when earlier. `median` is nearest-rank (a whole number of days), `mean` the exact mean as
 * a double; both `null` when `count` is 0.
 *
 * @example
 * ```ts
 * const tenure: TenureFigures = { count: 980, median: 214, mean: 301.7 };
 * ```
 */
export interface TenureFigures {
  readonly count: number;
  readonly median: number | null;
  readonly mean: number | null;
}

/**
 * The income figures of a population (all participants, or one group). `net` is gross − costs per
 * participant and may be negative; `net`, `netLoss` and `costs` are `null` when costs were not given.
 *
 * @example
 * ```ts
 * const figures: IncomeFigures = incomeDisclosure(columns);
 * figures.earningZero.share; // 0.723: 72.3% earned nothing
 * ```
 */
export interface IncomeFigures {
  /** Every participant, including those who earned nothing and those who left. */
  readonly population: number;
  readonly gross: IncomeDistribution;
  readonly net: IncomeDistribution | null;
  /** Gross income 0. */
  readonly earningZero: ParticipantShare;
  /** Gross income at most `limit` (the column's `lowIncomeLimit`, as a decimal string). */
  readonly earningAtMost: ParticipantShare & { readonly limit: string };
  /** Net income below 0: paid more than they earned. */
  readonly netLoss: ParticipantShare | null;
  /** The top 1% of earners by gross income. */
  readonly top1Percent: TopEarners;
  /** Gini coefficient of gross income, in [0, 1): 0 when everyone earned the same. */
  readonly gini: number;
  readonly costs: CostFigures | null;
}

/**
 * The income figures of one group (one label of `groups`), possibly empty.
 *
 * @example
 * ```ts
 * const gold = statement.byGroup?.find((group) => group.label === 'Gold');
 * gold?.gross.median; // "1250.00"
 * ```
 */
export interface GroupDisclosure extends IncomeFigures {
  readonly label: string;
}

/**
 * The statement: the figures of the whole population, its movements in the period, tenure, and the same
 * figures per group. Movements are `null` when the dates or the period needed for them are not given:
 * `newMembers` needs join days, `leaving` and `stillIn` need leave days, `tenureDays` needs join days, all
 * need the period.
 *
 * @example
 * ```ts
 * const statement: IncomeDisclosure = incomeDisclosure(columns);
 * statement.gross.median;       // "12.50"
 * statement.netLoss?.share;     // 0.81
 * ```
 */
export interface IncomeDisclosure extends IncomeFigures {
  /** Decimals of every amount. */
  readonly scale: number;
  /** The period, as ISO dates, or `null` when not given. */
  readonly period: { readonly start: string; readonly end: string } | null;
  /** Joined within the period. */
  readonly newMembers: ParticipantShare | null;
  /** Left within the period. */
  readonly leaving: ParticipantShare | null;
  /** Had not left by the period end. */
  readonly stillIn: ParticipantShare | null;
  readonly tenureDays: TenureFigures | null;
  /** One entry per label, in the order of the labels; `null` without groups. */
  readonly byGroup: readonly GroupDisclosure[] | null;
}

const MAX_SCALE = 12;
/** 0000-01-01 and 9999-12-31 as day numbers: the days an ISO date can name. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;
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
  throwIfAny(shapeIssues(columns));
  throwIfAny(valueIssues(columns));
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

// ---------------------------------------------------------------------------------------------------- checks

function throwIfAny(issues: Issue[]): void {
  if (issues.length > 0) throw new DownlineError(issues);
}

/** The types and lengths of the columns and the scalar options; nothing per row. */
function shapeIssues(columns: DisclosureColumns): Issue[] {
  const issues: Issue[] = [];
  const option = (key: string, message: string): void => {
    issues.push({ code: ErrorCode.InvalidOptions, path: [key], message });
  };
  const { scale, lowIncomeLimit, period, groups } = columns;
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    option('scale', `scale: an integer from 0 to ${MAX_SCALE}, got ${scale}`);
  }
  if (!Number.isSafeInteger(lowIncomeLimit) || lowIncomeLimit < 0) {
    option('lowIncomeLimit', `lowIncomeLimit: a safe integer of minor units ≥ 0, got ${lowIncomeLimit}`);
  }
  if (!(columns.gross instanceof Float64Array)) {
    const message = 'gross: a Float64Array of minor units, one per participant';
    return [...issues, { code: ErrorCode.InvalidRecord, path: ['gross'], message }];
  }
  const n = columns.gross.length;
  columnShape(issues, 'costs', columns.costs, Float64Array, n);
  columnShape(issues, 'joined', columns.joined, Int32Array, n);
  columnShape(issues, 'left', columns.left, Int32Array, n);
  if (period !== undefined) issues.push(...periodIssues(period));
  if (groups !== undefined) issues.push(...groupShapeIssues(groups, n));
  return issues;
}

function columnShape(
  issues: Issue[],
  name: string,
  column: unknown,
  type: Float64ArrayConstructor | Int32ArrayConstructor,
  length: number,
): void {
  if (column === undefined) return;
  if (!(column instanceof type) || column.length !== length) {
    const message = `${name}: an ${type.name} of ${length} rows, one per participant (as gross)`;
    issues.push({ code: ErrorCode.InvalidRecord, path: [name], message });
  }
}

function periodIssues(period: { readonly start: number; readonly end: number }): Issue[] {
  const issues: Issue[] = [];
  for (const key of ['start', 'end'] as const) {
    if (!isIsoDay(period[key])) {
      const message = `period.${key}: a day number of years 0000–9999, got ${period[key]}`;
      issues.push({ code: ErrorCode.InvalidDate, path: ['period', key], message });
    }
  }
  if (issues.length === 0 && period.start > period.end) {
    const message = `period: starts on ${formatIsoDay(period.start)}, after its end ${formatIsoDay(period.end)}`;
    issues.push({ code: ErrorCode.InvalidRecord, path: ['period'], message });
  }
  return issues;
}

function groupShapeIssues(groups: NonNullable<DisclosureColumns['groups']>, length: number): Issue[] {
  const issues: Issue[] = [];
  const { labels, codes } = groups;
  const distinct = Array.isArray(labels) && new Set(labels).size === labels.length;
  if (!distinct || labels.length > 256 || labels.some((label) => typeof label !== 'string')) {
    const message = 'groups.labels: at most 256 distinct strings, one per code';
    issues.push({ code: ErrorCode.InvalidOptions, path: ['groups', 'labels'], message });
  }
  if (!(codes instanceof Uint8Array) || codes.length !== length) {
    const message = `groups.codes: a Uint8Array of ${length} rows, one per participant (as gross)`;
    issues.push({ code: ErrorCode.InvalidRecord, path: ['groups', 'codes'], message });
  }
  return issues;
}

function isIsoDay(day: number): boolean {
  return Number.isInteger(day) && day >= FIRST_DAY && day <= LAST_DAY;
}

/**
 * Problems found in the rows, kept once per kind: the first row's issue, and how many rows have it. The hot
 * loops hold no closure (a closure over the loop variables would allocate a context per row); they call a
 * `report…` function on a bad row only, which describes the row only the first time.
 */
class RowProblems {
  private readonly found = new Map<string, { issue: Issue; count: number }>();

  /** Counts one more row of `kind`; false when it is the first, which the caller then describes. */
  repeated(kind: string): boolean {
    const seen = this.found.get(kind);
    if (seen === undefined) return false;
    seen.count++;
    return true;
  }

  /** Kinds of problem found so far. */
  get size(): number {
    return this.found.size;
  }

  add(kind: string, issue: Issue): void {
    this.found.set(kind, { issue, count: 1 });
  }

  issues(): Issue[] {
    return [...this.found.values()].map(({ issue, count }) =>
      count === 1 ? issue : { ...issue, message: `${issue.message} (and ${count - 1} more rows like it)` },
    );
  }
}

/** Row by row: amounts, dates against each other and against the period, group codes. */
function valueIssues(columns: DisclosureColumns): Issue[] {
  const problems = new RowProblems();
  amountIssues(problems, 'gross', columns.gross);
  if (columns.costs !== undefined) amountIssues(problems, 'costs', columns.costs);
  const before = problems.size;
  if (columns.joined !== undefined) dayIssues(problems, 'joined', columns.joined);
  if (columns.left !== undefined) dayIssues(problems, 'left', columns.left);
  // Days out of range would also be out of order: report them once, as out of range.
  if (problems.size === before) dateOrderIssues(problems, columns);
  if (columns.groups !== undefined) codeIssues(problems, columns.groups);
  return problems.issues();
}

function amountIssues(problems: RowProblems, name: string, values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!(Number.isSafeInteger(value) && value >= 0)) reportAmount(problems, name, i, value);
  }
}

function reportAmount(problems: RowProblems, name: string, row: number, value: number): void {
  const negative = Number.isSafeInteger(value);
  const kind = negative ? `${name}:negative` : `${name}:invalid`;
  const message = negative ? `negative amount ${value}` : `${value} is not a safe integer of minor units`;
  reportRow(problems, kind, [name, row], message, negative ? ErrorCode.NegativeAmount : ErrorCode.InvalidAmount);
}

function dayIssues(problems: RowProblems, name: string, days: Int32Array): void {
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    if (day !== NO_DAY && (day < FIRST_DAY || day > LAST_DAY)) {
      reportRow(problems, `${name}:range`, [name, i], `${day} is neither NO_DAY nor a day of years 0000–9999`);
    }
  }
}

function dateOrderIssues(problems: RowProblems, columns: DisclosureColumns): void {
  const { joined, left, period } = columns;
  if (joined !== undefined && left !== undefined) leftBeforeJoined(problems, joined, left);
  if (joined !== undefined && period !== undefined) joinedAfter(problems, joined, period.end);
  if (left !== undefined && period !== undefined) leftBefore(problems, left, period.start);
}

function leftBeforeJoined(problems: RowProblems, joined: Int32Array, left: Int32Array): void {
  for (let i = 0; i < joined.length; i++) {
    const join = joined[i];
    const leave = left[i];
    if (leave < join && leave !== NO_DAY) {
      const message = `left on ${isoOf(leave)}, before joining on ${isoOf(join)}`;
      reportRow(problems, 'left-before-joined', ['left', i], message);
    }
  }
}

/** NO_DAY is below every day: never after the end. */
function joinedAfter(problems: RowProblems, joined: Int32Array, end: number): void {
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] > end) {
      const message = `joined on ${isoOf(joined[i])}, after the period: not a participant`;
      reportRow(problems, 'joined-after-period', ['joined', i], message);
    }
  }
}

function leftBefore(problems: RowProblems, left: Int32Array, start: number): void {
  for (let i = 0; i < left.length; i++) {
    if (left[i] < start && left[i] !== NO_DAY) {
      const message = `left on ${isoOf(left[i])}, before the period: not a participant`;
      reportRow(problems, 'left-before-period', ['left', i], message);
    }
  }
}

/** ISO text of a day already checked to be in range (or the number as it is, if not). */
function isoOf(day: number): string {
  return day >= FIRST_DAY && day <= LAST_DAY ? formatIsoDay(day) : String(day);
}

function reportRow(
  problems: RowProblems,
  kind: string,
  path: Issue['path'],
  message: string,
  code: ErrorCode = ErrorCode.InvalidDate,
): void {
  if (!problems.repeated(kind)) problems.add(kind, { code, path, message: `${formatPath(path)}: ${message}` });
}

function codeIssues(problems: RowProblems, groups: NonNullable<DisclosureColumns['groups']>): void {
  const { labels, codes } = groups;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] >= labels.length) {
      const message = `code ${codes[i]} has no label (${labels.length} labels)`;
      reportRow(problems, 'group-code', ['groups', 'codes', i], message, ErrorCode.InvalidRecord);
    }
  }
}

// ------------------------------------------------------------------------------------------------ computation

/** Rows by group: group `g` is `[bounds[g], bounds[g + 1])` of a gathered column. Without groups, one group. */
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
  const blocks = [
    headerBlock(statement),
    participantsBlock(statement),
    percentileBlock(statement),
    sharesBlock(statement),
    concentrationBlock(statement),
    costsBlock(statement),
    tenureBlock(statement),
  ];
  if (statement.byGroup !== null) blocks.push(groupBlock(statement, statement.byGroup));
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Inserts thousands separators in the whole part of a decimal string.
 *
 * @example
 * ```ts
 * groupThousands('1248000.00'); // "1,248,000.00"
 * groupThousands('-1234');      // "-1,234"
 * ```
 */
export function groupThousands(decimal: string): string {
  const sign = decimal.startsWith('-') ? '-' : '';
  const unsigned = sign === '' ? decimal : decimal.slice(1);
  const dot = unsigned.indexOf('.');
  const whole = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const rest = dot < 0 ? '' : unsigned.slice(dot);
  let grouped = '';
  for (let end = whole.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = start > 0 ? `,${whole.slice(start, end)}${grouped}` : `${whole.slice(start, end)}${grouped}`;
  }
  return `${sign}${grouped}${rest}`;
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

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function shareCells(share: ParticipantShare | null): string[] {
  return share === null ? [NOT_GIVEN, NOT_GIVEN] : [count(share.count), percent(share.share)];
}

function headerBlock(statement: IncomeDisclosure): string {
  const { period } = statement;
  const when = period === null ? 'period not given' : `period ${period.start} to ${period.end}`;
  return `Income disclosure statement\n${when}; amounts at ${statement.scale} decimals`;
}

function participantsBlock(statement: IncomeDisclosure): string {
  return textTable([
    ['Participants', 'count', 'share'],
    ['All participants', count(statement.population), percent(statement.population === 0 ? 0 : 1)],
    ['Joined in the period', ...shareCells(statement.newMembers)],
    ['Left in the period', ...shareCells(statement.leaving)],
    ['Still in at the end', ...shareCells(statement.stillIn)],
  ]);
}

const PERCENTILES = ['p10', 'p25', 'median', 'p75', 'p90', 'p99'] as const;

function distributionCells(income: IncomeDistribution | null): string[] {
  if (income === null) return [...PERCENTILES, 'mean', 'total'].map(() => NOT_GIVEN);
  return [...PERCENTILES.map((key) => money(income[key])), money(income.mean), money(income.total)];
}

function percentileBlock(statement: IncomeDisclosure): string {
  return textTable([
    ['Income per participant', ...PERCENTILES, 'mean', 'total'],
    ['Gross', ...distributionCells(statement.gross)],
    ['Net of costs', ...distributionCells(statement.net)],
  ]);
}

function sharesBlock(statement: IncomeDisclosure): string {
  return textTable([
    ['Participants', 'count', 'share'],
    ['Earning nothing', ...shareCells(statement.earningZero)],
    [`Earning at most ${money(statement.earningAtMost.limit)}`, ...shareCells(statement.earningAtMost)],
    ['With a net loss', ...shareCells(statement.netLoss)],
  ]);
}

function concentrationBlock(statement: IncomeDisclosure): string {
  const top = statement.top1Percent;
  return textTable([
    ['Concentration of gross income', 'value'],
    [`Top 1% of earners (${participants(top.count)}): share`, percent(top.share)],
    [`Top 1% of earners (${participants(top.count)}): amount`, money(top.amount)],
    ['Gini coefficient', statement.gini.toFixed(3)],
  ]);
}

function costsBlock(statement: IncomeDisclosure): string {
  const costs = statement.costs;
  return textTable([
    ['Costs paid', 'value'],
    ['Total', costs === null ? NOT_GIVEN : money(costs.total)],
    ['Mean per participant', costs === null ? NOT_GIVEN : money(costs.mean)],
  ]);
}

function tenureBlock(statement: IncomeDisclosure): string {
  const tenure = statement.tenureDays;
  const show = (value: number | null | undefined, digits: number): string =>
    value === null || value === undefined ? NOT_GIVEN : groupThousands(value.toFixed(digits));
  return textTable([
    ['Tenure at the period end (days)', 'value'],
    ['Participants with a join day', tenure === null ? NOT_GIVEN : count(tenure.count)],
    ['Median', show(tenure?.median, 0)],
    ['Mean', show(tenure?.mean, 1)],
  ]);
}

function groupBlock(statement: IncomeDisclosure, groups: readonly GroupDisclosure[]): string {
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
  return textTable([header, ...rows]);
}
