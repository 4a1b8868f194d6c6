import { formatIsoDay, NO_DAY } from '../dates/iso-day';
import { DownlineError, ErrorCode, formatPath, type Issue } from '../errors';
import type { DisclosureColumns } from './disclosure-types';

/** Highest scale and the day numbers of 0000-01-01 and 9999-12-31: the days an ISO date can name. */
const MAX_SCALE = 12;
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/**
 * Checks disclosure columns and throws one {@link DownlineError} with every problem: column types and
 * lengths first, then each kind of row problem once, at its first row, with how many rows share it.
 *
 * @example
 * ```ts
 * checkDisclosureColumns({ scale: 2, gross: Float64Array.of(-1), lowIncomeLimit: 0 }); // throws NEGATIVE_AMOUNT
 * ```
 */
export function checkDisclosureColumns(columns: DisclosureColumns): void {
  throwIfAny(shapeIssues(columns));
  throwIfAny(valueIssues(columns));
}


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
