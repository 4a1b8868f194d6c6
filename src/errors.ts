/**
 * One error class for the whole library, with stable codes.
 *
 * Every problem found while validating input is an {@link Issue}: a stable `code`, a `path` into the input
 * (zod style: `['orders', 17, 'amount']`) and a message that names the offending record
 * (`order "o17": unknown affiliate "M99"`). Validation collects every issue it can find and throws them
 * together in one {@link DownlineError}, so a caller fixes a file once rather than once per problem.
 *
 * @module
 */

/**
 * The stable codes of every error the library raises. Compare `error.code` (or `issue.code`) against these,
 * never against message text.
 *
 * @example
 * ```ts
 * import { ErrorCode, DownlineError, Genealogy } from 'downline';
 * try {
 *   Genealogy.fromRecords([{ id: 'A', sponsorId: 'Z' }]);
 * } catch (e) {
 *   if (e instanceof DownlineError && e.issues[0].code === ErrorCode.UnknownSponsor) console.log('fix the sponsor');
 * }
 * ```
 */
export const ErrorCode = {
  // genealogy
  /** A member record is not an object with a string `id` and a string-or-null `sponsorId`. */
  InvalidMember: 'INVALID_MEMBER',
  /** A member id is the empty string. */
  EmptyId: 'EMPTY_ID',
  /** Two member records share an id. */
  DuplicateMember: 'DUPLICATE_MEMBER',
  /** A member names a sponsor that is not in the records. */
  UnknownSponsor: 'UNKNOWN_SPONSOR',
  /** A member is its own sponsor. */
  SelfSponsor: 'SELF_SPONSOR',
  /** Sponsor links form a cycle; the issue lists the members on it. */
  Cycle: 'CYCLE',
  /** A query named a member id that the genealogy does not hold. */
  UnknownMember: 'UNKNOWN_MEMBER',
  /** A member names a customer as sponsor: customers buy and may be referred, they never sponsor. */
  CustomerSponsor: 'CUSTOMER_SPONSOR',
  /** A date is not an ISO `YYYY-MM-DD` calendar date, or a member left before joining. */
  InvalidDate: 'INVALID_DATE',
  // plan
  /** The plan does not match its schema (wrong type, out of range, unknown key, too many levels…). */
  InvalidPlan: 'INVALID_PLAN',
  /** The level rates add up to more than 1 and the plan does not allow it. */
  RatesExceedOne: 'RATES_EXCEED_ONE',
  /** A rank name that the plan's ladder does not have (in the achieved ranks of a previous period). */
  UnknownRank: 'UNKNOWN_RANK',
  /** The period's total personal volume passes 2^53 minor units, past what rank evaluation keeps exact. */
  VolumeTooLarge: 'VOLUME_TOO_LARGE',
  // orders
  /** An order record is not an object of the expected shape (id, affiliateId, amount, kind…). */
  InvalidOrder: 'INVALID_ORDER',
  /** An amount or volume is not a plain decimal string or a safe integer of minor units. */
  InvalidAmount: 'INVALID_AMOUNT',
  /** An amount or volume is negative. */
  NegativeAmount: 'NEGATIVE_AMOUNT',
  /** An amount or volume has more decimals than the plan's scale allows. */
  TooManyDecimals: 'TOO_MANY_DECIMALS',
  /** An order names an affiliate that the genealogy does not hold. */
  UnknownAffiliate: 'UNKNOWN_AFFILIATE',
  /** Two orders share an id. */
  DuplicateOrder: 'DUPLICATE_ORDER',
  /** An order book given to the engine was ingested for another genealogy or another currency scale. */
  OrderBookMismatch: 'ORDER_BOOK_MISMATCH',
  /** A customer placed a `personal` or `enrollment` order: what a customer buys is a retail sale. */
  CustomerOrderKind: 'CUSTOMER_ORDER_KIND',
  // binary placement
  /** A placement record is not `{ id, parentId, side }`, places a customer, or places a member twice. */
  InvalidPlacement: 'INVALID_PLACEMENT',
  /** Two members are placed on the same side of one parent in the binary placement tree. */
  PlacementSideTaken: 'PLACEMENT_SIDE_TAKEN',
  /** Placement links form a cycle; the issue lists the members on it. */
  PlacementCycle: 'PLACEMENT_CYCLE',
  // periods
  /** A period that is already closed was run again (its lines are immutable), or periods ran out of order. */
  PeriodClosed: 'PERIOD_CLOSED',
  /** A period's plan does not fit the ledger (another currency scale than the balances carried). */
  PlanMismatch: 'PLAN_MISMATCH',
  /** A refund names an order that has already been refunded in full. */
  AlreadyRefunded: 'ALREADY_REFUNDED',
  /** A period state (or a serialized one) is not of the expected shape or was written by a later version. */
  InvalidState: 'INVALID_STATE',
  // compliance and analytics inputs
  /** A cost, return, package, inventory or period record is not of the expected shape. */
  InvalidRecord: 'INVALID_RECORD',
  /** A record names an order that the period does not hold. */
  UnknownOrder: 'UNKNOWN_ORDER',
  /** Assessment options or thresholds do not match their schema. */
  InvalidOptions: 'INVALID_OPTIONS',
  // documents
  /** A scenario document is not `{ plan, members, orders }`. */
  InvalidScenario: 'INVALID_SCENARIO',
} as const;

/** One of the values of {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A path into the input, zod style: keys and array indexes from the root of what was validated.
 *
 * @example
 * ```ts
 * const path: IssuePath = ['orders', 17, 'amount'];
 * ```
 */
export type IssuePath = ReadonlyArray<string | number>;

/**
 * One problem found in the input.
 *
 * @example
 * ```ts
 * const issue: Issue = {
 *   code: 'UNKNOWN_AFFILIATE',
 *   path: ['orders', 17, 'affiliateId'],
 *   message: 'order "o17": unknown affiliate "M99"',
 * };
 * ```
 */
export interface Issue {
  /** Stable code, one of {@link ErrorCode}. */
  readonly code: ErrorCode;
  /** Where in the input the problem is. */
  readonly path: IssuePath;
  /** Human-readable, names the offending record. */
  readonly message: string;
}

const MAX_LISTED = 20;

/**
 * Renders a path the way the messages quote it.
 *
 * @example
 * ```ts
 * formatPath(['orders', 17, 'amount']); // 'orders[17].amount'
 * ```
 */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

/**
 * The only error class the library throws. `code` is the code of the first issue (all issues share it when
 * there is one kind of problem); `issues` holds every problem found, in input order.
 *
 * @example
 * ```ts
 * import { DownlineError, parsePlan } from 'downline';
 * try {
 *   parsePlan({ levels: ['0.1'] });
 * } catch (e) {
 *   if (e instanceof DownlineError) for (const issue of e.issues) console.log(issue.code, issue.message);
 * }
 * ```
 */
export class DownlineError extends Error {
  override readonly name = 'DownlineError';
  /** Code of the first issue. */
  readonly code: ErrorCode;
  /** Every issue found, never empty. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    if (issues.length === 0) throw new TypeError('DownlineError needs at least one issue');
    const head =
      issues.length === 1 ? issues[0].message : `${issues.length} problems found:\n${listIssues(issues)}`;
    super(head);
    this.code = issues[0].code;
    this.issues = Object.freeze([...issues]);
  }

  /** Shorthand for an error with a single issue. */
  static of(code: ErrorCode, message: string, path: IssuePath = []): DownlineError {
    return new DownlineError([{ code, message, path }]);
  }
}

function listIssues(issues: readonly Issue[]): string {
  const lines = issues.slice(0, MAX_LISTED).map((issue) => `  - ${issue.code}: ${issue.message}`);
  if (issues.length > MAX_LISTED) lines.push(`  … and ${issues.length - MAX_LISTED} more (see error.issues)`);
  return lines.join('\n');
}

/**
 * The outcome of a `safe*` function: the value, or the error that the throwing variant would have thrown.
 * Shaped like zod's `safeParse` result.
 *
 * @example
 * ```ts
 * const result = Genealogy.safeFromRecords(records);
 * if (!result.success) console.log(result.error.issues.length, 'problems');
 * ```
 */
export type SafeResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: DownlineError };

/**
 * Runs `fn` and turns a thrown {@link DownlineError} into a failed {@link SafeResult}; other errors propagate.
 *
 * @example
 * ```ts
 * const result = toSafe(() => parsePlan(input));
 * ```
 */
export function toSafe<T>(fn: () => T): SafeResult<T> {
  try {
    return { success: true, data: fn() };
  } catch (error) {
    if (error instanceof DownlineError) return { success: false, error };
    throw error;
  }
}

/**
 * Quotes an id for a message, with control characters escaped and long ids cut.
 *
 * @example
 * ```ts
 * quote('M99'); // '"M99"'
 * ```
 */
export function quote(id: unknown): string {
  const text = typeof id === 'string' ? id : String(id);
  const cut = text.length > 64 ? `${text.slice(0, 61)}...` : text;
  return JSON.stringify(cut);
}

/**
 * The issues of a failed zod parse as library issues, each path under `base`. With a `label` the message leads
 * with it and the path relative to `base` (`plan levels[8]: at most 8 levels`); with `null` it leads with the
 * whole path (`options.lowIncomeLimit: …`).
 *
 * @example
 * ```ts
 * const parsed = planSchema.safeParse(input);
 * if (!parsed.success) throw new DownlineError(fromZodIssues(parsed.error.issues, ErrorCode.InvalidPlan, [], 'plan'));
 * ```
 */
export function fromZodIssues(
  issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>,
  code: ErrorCode,
  base: IssuePath,
  label: string | null,
): Issue[] {
  return issues.map((issue) => {
    const relative = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    const path = [...base, ...relative];
    const where = formatPath(relative);
    const lead = label === null ? formatPath(path) : where === '' ? label : `${label} ${where}`;
    return { code, path, message: `${lead}: ${issue.message}` };
  });
}

/**
 * Runs a check and keeps its issues instead of throwing them: they go to `issues` and the result is null. Lets
 * a validation run every check and report every problem at once.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * const placement = collect(() => buildPlacement(records, genealogy), issues);
 * const carry = collect(() => readBinaryCarry(input, genealogy, 2), issues);
 * if (issues.length > 0) throw new DownlineError(issues);
 * ```
 */
export function collect<T>(check: () => T, issues: Issue[]): T | null {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof DownlineError)) throw error;
    issues.push(...error.issues);
    return null;
  }
}
