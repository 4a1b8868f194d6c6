import { DownlineError, ErrorCode, formatPath, type Issue, type IssuePath, quote } from '../errors';
import { Genealogy } from '../genealogy/genealogy';
import type { MemberRecord } from '../genealogy/member-record';
import { type OrderBook, safeIngestOrders } from '../orders/ingest-orders';
import type { OrderRecord } from '../orders/order-record';
import type { ChannelKpisInput } from './channel-input';
import { type ChannelOptions, readChannelOptions } from './channel-options';
import { readMemberFields } from './member-fields';
import { listOf, readAmount, readPeriodDay } from './period-fields';

/**
 * One period after validation: its genealogy and order book, and the member fields the KPIs read, by
 * preorder index (`roles`, the genealogy's; `joined`, `left`) or by input position (`ids`, with `preorderOf`).
 *
 * @example
 * ```ts
 * const [first] = validateChannel(input).periods;
 * first.roles[first.preorderOf[0]]; // role code of the first member record
 * ```
 */
export interface ValidPeriod {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly startDay: number;
  readonly endDay: number;
  readonly genealogy: Genealogy;
  readonly book: OrderBook;
  readonly ids: readonly string[];
  readonly preorderOf: Int32Array;
  readonly roles: Uint8Array;
  readonly joined: Int32Array;
  readonly left: Int32Array;
  readonly commissions: bigint;
  /** `null` when the period gave no `channelCosts`. */
  readonly channelCosts: bigint | null;
}

/**
 * The whole input after validation.
 *
 * @example
 * ```ts
 * const valid: ValidChannel = validateChannel({ periods });
 * valid.options.scale; // 2
 * ```
 */
export interface ValidChannel {
  readonly options: ChannelOptions;
  readonly periods: readonly ValidPeriod[];
}

/** What the periods before the current one showed: their labels, and the last end date that could be read. */
interface Seen {
  readonly labels: Map<string, number>;
  last: { readonly name: string; readonly end: string; readonly endDay: number } | null;
}

interface PeriodDraft {
  label: string;
  start: string;
  end: string;
  startDay: number;
  endDay: number;
  genealogy: Genealogy;
  book: OrderBook;
  fields: ReturnType<typeof readMemberFields>;
  commissions: bigint;
  channelCosts: bigint | null;
}

/**
 * Validates the input of `channelKpis`: the options, then every period (its label, dates, order after the
 * previous period, amounts, member records through `Genealogy.fromRecords`, member roles and dates, orders
 * through `ingestOrders`). Issues of all periods are collected and thrown together in one
 * {@link DownlineError}; each message names the period (`period "2026-10": …`) and the path leads to the field
 * (`['periods', 1, 'orders', 4, 'amount']`). With an invalid `scale` no amount or order can be read, so those
 * are not checked.
 *
 * @example
 * ```ts
 * try {
 *   validateChannel({ periods: [{ ...october, channelCosts: 'lots' }] });
 * } catch (e) {
 *   (e as DownlineError).issues[0].message; // 'period "2026-10": channelCosts "lots" must be a decimal string (like "1250.00") or …'
 * }
 * ```
 */
export function validateChannel(input: ChannelKpisInput): ValidChannel {
  if (typeof input !== 'object' || input === null) {
    throw DownlineError.of(ErrorCode.InvalidOptions, 'channel KPIs: the input must be an object { periods, … }');
  }
  const raw = input as unknown as Record<string, unknown>;
  const { options, scale, issues } = readChannelOptions(raw);
  const periods = raw.periods;
  if (!Array.isArray(periods) || periods.length === 0) {
    issues.push({
      code: ErrorCode.InvalidOptions,
      path: ['periods'],
      message: 'options: periods must be a non-empty array of periods, oldest first',
    });
    throw new DownlineError(issues);
  }
  const drafts: (PeriodDraft | null)[] = [];
  const seen: Seen = { labels: new Map(), last: null };
  for (let p = 0; p < periods.length; p++) drafts.push(validatePeriod(periods[p], p, scale, seen, issues));
  if (issues.length > 0 || options === null) throw new DownlineError(issues);
  return { options, periods: drafts.map((draft) => finish(draft as PeriodDraft)) };
}

function validatePeriod(
  value: unknown,
  p: number,
  scale: number | null,
  seen: Seen,
  issues: Issue[],
): PeriodDraft | null {
  const base: IssuePath = ['periods', p];
  if (typeof value !== 'object' || value === null) {
    issues.push({
      code: ErrorCode.InvalidRecord,
      path: base,
      message: `period #${p}: must be an object with label, start, end, members, orders and commissions`,
    });
    return null;
  }
  const period = value as Record<string, unknown>;
  const before = issues.length;
  const label = period.label;
  let name = `period #${p}`;
  if (typeof label !== 'string' || label.length === 0) {
    issues.push({ code: ErrorCode.InvalidRecord, path: [...base, 'label'], message: `${name}: label must be a non-empty string` });
  } else {
    name = `period ${quote(label)}`;
    const first = seen.labels.get(label);
    if (first === undefined) seen.labels.set(label, p);
    else issues.push({ code: ErrorCode.InvalidRecord, path: [...base, 'label'], message: `${name}: duplicate label (first at #${first})` });
  }

  const startDay = readPeriodDay(period.start, 'start', base, name, issues);
  const endDay = readPeriodDay(period.end, 'end', base, name, issues);
  if (startDay !== undefined && endDay !== undefined && endDay < startDay) {
    issues.push({
      code: ErrorCode.InvalidDate,
      path: [...base, 'end'],
      message: `${name}: end ${String(period.end)} is before start ${String(period.start)}`,
    });
  }
  const previous = seen.last;
  if (startDay !== undefined && previous !== null && startDay <= previous.endDay) {
    issues.push({
      code: ErrorCode.InvalidDate,
      path: [...base, 'start'],
      message: `${name}: start ${String(period.start)} is not after the end of the previous ${previous.name} (${previous.end}); give periods oldest first, without overlap`,
    });
  }
  if (endDay !== undefined) seen.last = { name, end: period.end as string, endDay };

  const commissions = scale === null ? null : readAmount(period.commissions, 'commissions', true, base, name, scale, issues);
  const channelCosts = scale === null ? null : readAmount(period.channelCosts, 'channelCosts', false, base, name, scale, issues);

  const members = listOf(period.members, 'members', base, name, issues) as ArrayLike<MemberRecord> | null;
  const orders = listOf(period.orders, 'orders', base, name, issues) as ArrayLike<OrderRecord> | null;
  let genealogy: Genealogy | null = null;
  let fields: PeriodDraft['fields'] | null = null;
  if (members !== null) {
    const path = [...base, 'members'];
    const built = Genealogy.safeFromRecords(members, { path });
    const reported = new Set<string>();
    if (built.success) {
      genealogy = built.data;
    } else {
      for (const issue of built.error.issues) {
        reported.add(formatPath(issue.path));
        issues.push(named(issue, name));
      }
    }
    fields = readMemberFields(members, path, name);
    // should the genealogy come to check dates too, report each field once
    for (const issue of fields.issues) if (!reported.has(formatPath(issue.path))) issues.push(issue);
  }
  let book: OrderBook | null = null;
  if (genealogy !== null && orders !== null && scale !== null) {
    const ingested = safeIngestOrders(orders, genealogy, { scale, path: [...base, 'orders'] });
    if (ingested.success) book = ingested.data;
    else for (const issue of ingested.error.issues) issues.push(named(issue, name));
  }
  if (issues.length > before || genealogy === null || book === null || fields === null || commissions === null) return null;
  return {
    label: label as string,
    start: period.start as string,
    end: period.end as string,
    startDay: startDay as number,
    endDay: endDay as number,
    genealogy,
    book,
    fields,
    commissions: commissions as bigint,
    channelCosts: period.channelCosts === undefined ? null : (channelCosts as bigint),
  };
}

/** Member columns moved from input positions to preorder indexes. */
function finish(draft: PeriodDraft): ValidPeriod {
  const { genealogy, fields } = draft;
  const ids = fields.ids as string[];
  const preorderOf = genealogy.indexesOf(ids);
  const n = genealogy.size;
  const joined = new Int32Array(n);
  const left = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = preorderOf[k];
    joined[i] = fields.joined[k];
    left[i] = fields.left[k];
  }
  const { label, start, end, startDay, endDay, book, commissions, channelCosts } = draft;
  const { roles } = genealogy;
  return { label, start, end, startDay, endDay, genealogy, book, ids, preorderOf, roles, joined, left, commissions, channelCosts };
}

function named(issue: Issue, name: string): Issue {
  return { code: issue.code, path: issue.path, message: `${name}: ${issue.message}` };
}
