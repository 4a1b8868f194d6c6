/**
 * The shapes of the income disclosure statement and of the columns it is computed from.
 *
 * @module
 */

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
