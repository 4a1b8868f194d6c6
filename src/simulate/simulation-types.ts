/**
 * The shape of a growth simulation's report: plain objects, counts as numbers, money as exact decimal strings at
 * the plan's scale (or finer for the exact income split), shares and coefficients as numbers.
 *
 * @module
 */
import type { Plan } from '../plan/plan';

/**
 * How many participants, and their share of the population (0 when the population is empty).
 *
 * @example
 * ```ts
 * const losing: CountShare = { count: 812, share: 0.8122 };
 * ```
 */
export interface CountShare {
  readonly count: number;
  readonly share: number;
}

/**
 * Who gains and who loses among a population of participants, and how concentrated income is. A participant's
 * **net** is the commission paid to them minus what they paid: their own purchases and their joining fee (a
 * retail sale is the customer's money, not a cost of the seller).
 *
 * @example
 * ```ts
 * const figures: ParticipantFigures = report.overall.participants;
 * figures.losing.share; // the loss rate
 * ```
 */
export interface ParticipantFigures {
  /** Participants counted. */
  readonly count: number;
  /** Net gain: commissions above their purchases and joining fee. */
  readonly profiting: CountShare;
  /** Net loss: commissions below their purchases and joining fee; `losing.share` is the loss rate. */
  readonly losing: CountShare;
  /** Median net income (nearest rank: an amount someone had), `null` for an empty population. */
  readonly medianNet: string | null;
  /** Gini coefficient of net income, a loss counted as no income (so it lies in [0, 1)). */
  readonly gini: number;
  /** Gini coefficient of the commissions paid (gross income). */
  readonly giniGross: number;
  /** Share of the commissions paid that went to the top 1% of earners (at least one earner). */
  readonly top1Share: number;
}

/**
 * What the period's orders amounted to, by kind, exact.
 *
 * @example
 * ```ts
 * const sales: SalesFigures = { personal: '6000.00', retail: '1800.00', enrollment: '490.00', total: '8290.00' };
 * ```
 */
export interface SalesFigures {
  readonly personal: string;
  readonly retail: string;
  readonly enrollment: string;
  readonly total: string;
}

/**
 * The engine's commission split by where the money came from (exact, from `incomeBySource`), and the shares:
 * `recruiting` is joining-fee commissions plus fast start, `retail` sales to outside customers, `personal` the
 * members' own purchases. The shares are 0 when nothing was paid.
 *
 * @example
 * ```ts
 * const income: IncomeSourceFigures = report.overall.income;
 * income.shares.recruiting; // share of commissions that recruiting paid
 * ```
 */
export interface IncomeSourceFigures {
  readonly retail: string;
  readonly personal: string;
  /** Commission on joining fees (when the plan makes `enrollment` commissionable). */
  readonly enrollment: string;
  /** Fast start bonuses. */
  readonly fastStart: string;
  readonly total: string;
  readonly shares: { readonly recruiting: number; readonly retail: number; readonly personal: number };
}

/**
 * One simulated period.
 *
 * @example
 * ```ts
 * const first: PeriodFigures = report.periods[0];
 * first.joined; // the founders and their first recruits
 * ```
 */
export interface PeriodFigures {
  /** 1-based. */
  readonly period: number;
  /** Members who joined in the period (the founders in period 1 included). */
  readonly joined: number;
  /** Members recruited in the period by members already there (`joined` without the founders). */
  readonly recruited: number;
  /** Members taking part in the period: those who joined in it or before and had not left. */
  readonly active: number;
  /** Of the active members, those who met the plan's qualification (personal volume). */
  readonly qualified: number;
  /** Active members who left at the end of the period. */
  readonly left: number;
  /** Everyone who has joined so far (those who left included). */
  readonly members: number;
  /** `marketSize − members`: people who could still join. */
  readonly marketRemaining: number;
  readonly sales: SalesFigures;
  /** The engine's rounded payouts for the period (`payouts + forfeited`). */
  readonly commissions: string;
  /** Paid to the period's active members. */
  readonly payouts: string;
  /** What the engine assigned to members who had left: not paid, the company keeps it. */
  readonly forfeited: string;
  readonly income: IncomeSourceFigures;
  /** The period's active members, on the period's commissions and costs. */
  readonly participants: ParticipantFigures;
}

/**
 * When recruiting saturated: the first period in which the market is exhausted (at least `exhaustedShare` of it
 * has joined), or else the first in which the period's recruits fall below `fraction` of the highest number of
 * recruits of any period so far (`reason: 'recruiting-slowed'`). `period` is `null` when neither happened.
 *
 * @example
 * ```ts
 * const { period, reason } = report.saturation; // 9, 'recruiting-slowed'
 * ```
 */
export interface Saturation {
  readonly period: number | null;
  readonly reason: 'market-exhausted' | 'recruiting-slowed' | null;
  /** The period with the most recruits (the first of them on a tie), `null` when nobody was recruited. */
  readonly peakPeriod: number | null;
  readonly peakRecruits: number;
  readonly fraction: number;
  readonly exhaustedShare: number;
  /** The finding in one sentence, with its figures. */
  readonly explanation: string;
}

/**
 * All periods together: every participant who ever joined, on their commissions and costs over all periods.
 *
 * @example
 * ```ts
 * const { joined, left, payouts, participants } = report.overall;
 * ```
 */
export interface OverallFigures {
  readonly joined: number;
  readonly left: number;
  /** Members still in after the last period. */
  readonly activeAtEnd: number;
  readonly sales: SalesFigures;
  /** Σ of the periods' `commissions`. */
  readonly commissions: string;
  /** Σ of the periods' `payouts`. */
  readonly payouts: string;
  /** Σ of the periods' `forfeited`. */
  readonly forfeited: string;
  readonly income: IncomeSourceFigures;
  readonly participants: ParticipantFigures;
}

/**
 * The settings a report was simulated with (defaults filled in), for reading it later.
 *
 * @example
 * ```ts
 * report.settings.recruitRate; // 1.5 by default
 * ```
 */
export interface SimulationSettings {
  readonly seed: number;
  readonly periods: number;
  readonly founders: number;
  readonly marketSize: number;
  readonly recruitRate: number;
  readonly activity: number;
  readonly retailShare: number;
  readonly dropout: number;
  readonly purchase: string;
  readonly retailAmount: string;
  readonly joiningFee: string;
  readonly saturationFraction: number;
  readonly exhaustedShare: number;
  readonly plan: Plan;
}

/**
 * What {@link simulateGrowth} returns.
 *
 * @example
 * ```ts
 * const report: SimulationReport = simulateGrowth({ seed: 7 });
 * console.log(formatSimulation(report));
 * ```
 */
export interface SimulationReport {
  readonly settings: SimulationSettings;
  /** Decimals of the money amounts (the plan's scale). */
  readonly scale: number;
  readonly periods: readonly PeriodFigures[];
  readonly overall: OverallFigures;
  readonly saturation: Saturation;
}
