import { z } from 'zod';
import { DownlineError, ErrorCode, fromZodIssues } from '../errors';

/**
 * The version of the {@link PeriodState} layout. A state records the version it was written with; reading a
 * state of an earlier version upgrades it, a later version is refused.
 *
 * @example
 * ```ts
 * JSON.parse(serializeState(state)).schemaVersion === STATE_SCHEMA_VERSION; // true
 * ```
 */
export const STATE_SCHEMA_VERSION = 1;

/**
 * A period that has been closed: its id, the plan it was computed with (hash and version label).
 *
 * @example
 * ```ts
 * const closed: ClosedPeriod = { id: '2026-01', planHash: 'sha256:…', planVersion: 'v1' };
 * ```
 */
export interface ClosedPeriod {
  readonly id: string;
  readonly planHash: string;
  readonly planVersion: string | null;
}

/**
 * One line of a closed order, kept to reverse it on a refund: `[payee id, stage, level, amount]`, the amount an
 * integer string in units of `10^-decimals` of its {@link LedgerOrder}.
 *
 * @example
 * ```ts
 * const line: LedgerLine = ['B', 'unilevel', 1, '1000'];
 * ```
 */
export type LedgerLine = readonly [payee: string, stage: string, level: number, amount: string];

/**
 * What the ledger keeps of an order of a closed period: the period, its amount and what has been refunded of it
 * (decimal strings at the plan's scale), and the lines it paid (before caps) in exact units of `10^-decimals`.
 *
 * @example
 * ```ts
 * const order: LedgerOrder = { period: '2026-01', amount: '100.00', refunded: '0.00', decimals: 4, lines: [['B', 'unilevel', 1, '100000']] };
 * ```
 */
export interface LedgerOrder {
  readonly period: string;
  readonly amount: string;
  readonly refunded: string;
  readonly decimals: number;
  readonly lines: readonly LedgerLine[];
  /** Set once the order has been refunded in full (what marks it for an order of price 0). */
  readonly full?: true;
}

/**
 * What carries over from one period to the next, as plain JSON-safe data (decimal strings, never floats): the
 * closed periods, each member's balance (carried below the payout threshold, negative when a clawback is still
 * to recover), the binary carry, the achieved ranks and the ledger of closed orders for refunds.
 *
 * @example
 * ```ts
 * let state = emptyState();
 * const { nextState } = runPeriod(state, { period: '2026-01', genealogy, plan, orders });
 * ```
 */
export interface PeriodState {
  readonly schemaVersion: typeof STATE_SCHEMA_VERSION;
  /** The currency scale of the balances (the plans' scale), null before the first period. */
  readonly scale: number | null;
  readonly periods: readonly ClosedPeriod[];
  readonly balances: Readonly<Record<string, string>>;
  readonly binaryCarry: Readonly<Record<string, { readonly left: string; readonly right: string }>>;
  readonly achievedRanks: Readonly<Record<string, string>>;
  readonly orders: Readonly<Record<string, LedgerOrder>>;
  /** With a refund window: the newest period whose orders the ledger has dropped (they and older ones are past it). */
  readonly ledgerDropped?: string;
}

/**
 * The state before any period.
 *
 * @example
 * ```ts
 * emptyState().periods; // []
 * ```
 */
export function emptyState(): PeriodState {
  return trust({ schemaVersion: STATE_SCHEMA_VERSION, scale: null, periods: [], balances: {}, binaryCarry: {}, achievedRanks: {}, orders: {} });
}

const signedDecimal = z.string().regex(/^-?\d+(\.\d+)?$/, { error: 'must be a decimal string' });
const plainDecimal = z.string().regex(/^\d+(\.\d+)?$/, { error: 'must be a non-negative decimal string' });

/**
 * The zod schema of a serialized {@link PeriodState} of the current version.
 *
 * @example
 * ```ts
 * periodStateSchema.safeParse(JSON.parse(text)).success;
 * ```
 */
export const periodStateSchema = z.strictObject({
  schemaVersion: z.literal(STATE_SCHEMA_VERSION),
  scale: z.int().min(0).nullable(),
  periods: z.array(z.strictObject({ id: z.string().min(1), planHash: z.string().min(1), planVersion: z.string().nullable() })),
  balances: z.record(z.string(), signedDecimal),
  binaryCarry: z.record(z.string(), z.strictObject({ left: plainDecimal, right: plainDecimal })),
  achievedRanks: z.record(z.string(), z.string()),
  ledgerDropped: z.string().optional(),
  // checked by a loop: a ledger holds millions of orders and lines, and a schema object per line costs seconds
  orders: z.record(z.string(), z.unknown()).check((ctx) => {
    for (const [id, order] of Object.entries(ctx.value)) {
      const problem = ledgerOrderProblem(order);
      if (problem !== null) ctx.issues.push({ code: 'custom', input: order, path: [id, ...problem.path], message: problem.message });
    }
  }),
});

const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;
const ORDER_KEYS = new Set(['period', 'amount', 'refunded', 'decimals', 'full', 'lines']);

/** What is wrong with one ledger order of a serialized state (null: nothing), with its path inside the order. */
function ledgerOrderProblem(order: unknown): { path: (string | number)[]; message: string } | null {
  if (typeof order !== 'object' || order === null || Array.isArray(order)) return { path: [], message: 'must be a ledger order object' };
  const o = order as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!ORDER_KEYS.has(key)) return { path: [key], message: `unknown key "${key}"` };
  if (typeof o.period !== 'string') return { path: ['period'], message: 'must be a period id' };
  for (const key of ['amount', 'refunded'] as const) {
    if (typeof o[key] !== 'string' || !DECIMAL.test(o[key] as string)) return { path: [key], message: 'must be a non-negative decimal string' };
  }
  if (!Number.isSafeInteger(o.decimals) || (o.decimals as number) < 0) return { path: ['decimals'], message: 'must be a whole number' };
  if (o.full !== undefined && o.full !== true) return { path: ['full'], message: 'must be true when present' };
  if (!Array.isArray(o.lines)) return { path: ['lines'], message: 'must be an array of lines' };
  for (let k = 0; k < o.lines.length; k++) {
    const line: unknown = o.lines[k];
    const ok =
      Array.isArray(line) &&
      line.length === 4 &&
      typeof line[0] === 'string' &&
      typeof line[1] === 'string' &&
      Number.isSafeInteger(line[2]) &&
      line[2] >= 0 &&
      typeof line[3] === 'string' &&
      INTEGER.test(line[3]);
    if (!ok) return { path: ['lines', k], message: 'must be [payee, stage, level, integer amount string]' };
  }
  return null;
}

/** States this module built or read: runPeriod trusts them without validating them again. */
const trusted = new WeakSet<object>();

/**
 * Marks a state the library built as trusted (not validated again when the next period runs on it).
 *
 * @example
 * ```ts
 * return trust({ schemaVersion: STATE_SCHEMA_VERSION, … });
 * ```
 */
export function trust(state: PeriodState): PeriodState {
  trusted.add(state);
  return state;
}

/**
 * Reads a period state written by {@link serializeState} (a JSON string or the parsed object), validated; a
 * state of a later schema version, or of the wrong shape, is refused with `INVALID_STATE` issues naming the path.
 *
 * @example
 * ```ts
 * const state = readState(readFileSync('state.json', 'utf8'));
 * ```
 */
export function readState(input: string | unknown): PeriodState {
  if (typeof input === 'object' && input !== null && trusted.has(input)) return input as PeriodState;
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      throw DownlineError.of(ErrorCode.InvalidState, 'state: not JSON');
    }
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > STATE_SCHEMA_VERSION) {
    throw DownlineError.of(
      ErrorCode.InvalidState,
      `state: written with schema version ${version}, this version of downline reads up to ${STATE_SCHEMA_VERSION}`,
      ['schemaVersion'],
    );
  }
  const parsed = periodStateSchema.safeParse(data);
  if (!parsed.success) throw new DownlineError(fromZodIssues(parsed.error.issues, ErrorCode.InvalidState, [], 'state'));
  return trust(parsed.data as PeriodState);
}

/**
 * The state as JSON, byte for byte the same for the same state: keys in sorted order at every level (the
 * canonical form), decimal strings.
 *
 * @example
 * ```ts
 * readState(serializeState(state)); // deep-equals state
 * ```
 */
export function serializeState(state: PeriodState): string {
  // written field by field in sorted key order: JSON.stringify does the values, arrays of lines included
  const record = (value: Readonly<Record<string, unknown>>, write: (item: never) => string = JSON.stringify) =>
    `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(value[key] as never)}`)
      .join(',')}}`;
  const order = (o: LedgerOrder) =>
    `{"amount":${JSON.stringify(o.amount)},"decimals":${o.decimals},${o.full === true ? '"full":true,' : ''}"lines":${JSON.stringify(
      o.lines,
    )},"period":${JSON.stringify(o.period)},"refunded":${JSON.stringify(o.refunded)}}`;
  const carry = (c: { left: string; right: string }) => `{"left":${JSON.stringify(c.left)},"right":${JSON.stringify(c.right)}}`;
  const period = (p: ClosedPeriod) => `{"id":${JSON.stringify(p.id)},"planHash":${JSON.stringify(p.planHash)},"planVersion":${JSON.stringify(p.planVersion)}}`;
  const fields: Record<string, string> = {
    achievedRanks: record(state.achievedRanks),
    balances: record(state.balances),
    binaryCarry: record(state.binaryCarry, carry),
    orders: record(state.orders, order),
    periods: `[${state.periods.map(period).join(',')}]`,
    scale: JSON.stringify(state.scale),
    schemaVersion: JSON.stringify(state.schemaVersion),
  };
  if (state.ledgerDropped !== undefined) fields.ledgerDropped = JSON.stringify(state.ledgerDropped);
  return record(fields, (text: string) => text);
}
