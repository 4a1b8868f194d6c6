import { DownlineError, ErrorCode, fromZodIssues, type Issue, type IssuePath, type SafeResult, toSafe } from '../errors';
import { formatUnits, parseDecimal } from '../money/decimal-string';
import { MAX_RATE_DECIMALS, planSchema } from './schema';
import type { Plan, RankRule } from './plan';

/**
 * Validates a plan and returns it normalized and frozen. Every problem is collected; the thrown
 * {@link DownlineError} carries one issue per problem, each quoting its path (`levels[8]: at most 8 levels`).
 * Rates that add up to more than 1 are refused (`RATES_EXCEED_ONE`) unless `allowRateSumAboveOne` is set.
 *
 * @example
 * ```ts
 * const plan = parsePlan({
 *   levels: ['0.10', '0.05', '0.02'],
 *   minPersonalVolume: '50',
 *   compression: 'dynamic',
 *   rounding: 'half-even',
 * });
 * plan.scale; // 2
 * ```
 */
export function parsePlan(input: unknown, options: { path?: IssuePath } = {}): Plan {
  const base = options.path ?? [];
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) {
    throw new DownlineError(fromZodIssues(parsed.error.issues, ErrorCode.InvalidPlan, base, 'plan'));
  }
  const plan = parsed.data;
  const rates = plan.levels.map(rateUnits);
  const one = 10n ** BigInt(MAX_RATE_DECIMALS);
  const rows = [
    { where: 'levels', path: [...base, 'levels'], rates },
    ...plan.ranks.flatMap((rank, r) =>
      rank.levels === undefined
        ? []
        : [{ where: `ranks[${r}].levels`, path: [...base, 'ranks', r, 'levels'], rates: rank.levels.map(rateUnits) }],
    ),
    ...plan.ranks.flatMap((rank, r) =>
      rank.matching === undefined
        ? []
        : [{ where: `ranks[${r}].matching`, path: [...base, 'ranks', r, 'matching'], rates: rank.matching.map(rateUnits) }],
    ),
    ...(plan.matching?.levels === undefined ? [] : [{ where: 'matching.levels', path: [...base, 'matching', 'levels'], rates: plan.matching.levels.map(rateUnits) }]),
    ...(plan.breakaway == null ? [] : [{ where: 'breakaway.generations', path: [...base, 'breakaway', 'generations'], rates: plan.breakaway.generations.map(rateUnits) }]),
    {
      // what one unit of volume can pay through every stage paid as a rate of volume
      where: 'stages (best level rates + direct sale + top differential + generations + pools)',
      path: base,
      rates: [
        ...bestRates([plan.levels, ...plan.ranks.map((rank) => rank.levels ?? plan.levels)].map((row) => row.map(rateUnits))),
        rateUnits(plan.directSale),
        ...plan.ranks.slice(-1).map((rank) => (rank.differential === undefined ? 0n : rateUnits(rank.differential))),
        ...(plan.breakaway?.generations ?? []).map(rateUnits),
        ...plan.pools.map((pool) => rateUnits(pool.share)),
      ],
    },
  ];
  const tooHigh: Issue[] = [];
  for (const row of rows) {
    const sum = row.rates.reduce((a, b) => a + b, 0n);
    if (sum > one && !plan.allowRateSumAboveOne) {
      tooHigh.push({
        code: ErrorCode.RatesExceedOne,
        path: row.path,
        message: `plan ${row.where}: rates add up to ${formatUnits(sum, MAX_RATE_DECIMALS, 0)}, more than 1; set allowRateSumAboveOne to allow it`,
      });
    }
  }
  if (tooHigh.length > 0) throw new DownlineError(tooHigh);
  const minPv = parseDecimal(plan.minPersonalVolume, plan.scale);
  const atScale = (text: string) => {
    const read = parseDecimal(text, plan.scale);
    return read.ok ? formatUnits(read.units, plan.scale) : text;
  };
  const ranks = plan.ranks.map((rank) => {
    const rule: Record<string, unknown> = { name: rank.name };
    if (rank.personalVolume !== undefined) rule.personalVolume = atScale(rank.personalVolume);
    if (rank.groupVolume !== undefined) rule.groupVolume = atScale(rank.groupVolume);
    if (rank.maxLegShare !== undefined) {
      const read = parseDecimal(rank.maxLegShare, MAX_RATE_DECIMALS);
      rule.maxLegShare = read.ok ? formatUnits(read.units, MAX_RATE_DECIMALS, 0) : rank.maxLegShare;
    }
    if (rank.activeLegs !== undefined) rule.activeLegs = rank.activeLegs;
    if (rank.legRank !== undefined) rule.legRank = rank.legRank;
    if (rank.personallySponsoredActives !== undefined) rule.personallySponsoredActives = rank.personallySponsoredActives;
    if (rank.levels !== undefined) rule.levels = rateRow(rank.levels);
    if (rank.differential !== undefined) rule.differential = rate(rank.differential);
    if (rank.matching !== undefined) rule.matching = rateRow(rank.matching);
    return Object.freeze(rule as unknown as RankRule);
  });
  return Object.freeze({
    levels: rateRow(plan.levels),
    minPersonalVolume: minPv.ok ? formatUnits(minPv.units, plan.scale) : plan.minPersonalVolume,
    compression: plan.compression,
    rounding: plan.rounding,
    scale: plan.scale,
    commissionable: Object.freeze([...plan.commissionable]),
    allowRateSumAboveOne: plan.allowRateSumAboveOne,
    directSale: rate(plan.directSale),
    fastStart: Object.freeze(plan.fastStart.map(atScale)),
    ranks: Object.freeze(ranks),
    breakaway: plan.breakaway == null ? null : Object.freeze({ rank: plan.breakaway.rank, generations: rateRow(plan.breakaway.generations) }),
    matching:
      plan.matching == null && !plan.ranks.some((rank) => rank.matching !== undefined)
        ? null
        : Object.freeze({ levels: rateRow(plan.matching?.levels ?? []), on: Object.freeze([...(plan.matching?.on ?? ['unilevel' as const])]) }),
    pools: Object.freeze(
      plan.pools.map((pool) => Object.freeze({ name: pool.name, share: rate(pool.share), shares: Object.freeze({ ...pool.shares }) })),
    ),
    binary:
      plan.binary == null
        ? null
        : Object.freeze({
            pairVolume: atScale(plan.binary.pairVolume),
            pairAmount: atScale(plan.binary.pairAmount),
            carryCap: plan.binary.carryCap == null ? null : atScale(plan.binary.carryCap),
            pairCeiling: plan.binary.pairCeiling ?? null,
          }),
    version: plan.version ?? null,
    payoutThreshold: atScale(plan.payoutThreshold),
    leaverBalance: plan.leaverBalance,
    refundWindow: plan.refundWindow ?? null,
    retailProfit:
      plan.retailProfit == null
        ? null
        : Object.freeze({ wholesaleRate: plan.retailProfit.wholesaleRate == null ? null : rate(plan.retailProfit.wholesaleRate) }),
    caps:
      plan.caps == null
        ? null
        : Object.freeze({
            perPayee: plan.caps.perPayee == null ? null : atScale(plan.caps.perPayee),
            perBonus: Object.freeze(Object.fromEntries(Object.entries(plan.caps.perBonus ?? {}).map(([stage, amount]) => [stage, atScale(amount as string)]))),
            totalShare: plan.caps.totalShare == null ? null : rate(plan.caps.totalShare),
            remainder: plan.caps.remainder,
          }),
  });
}

/** The best rate any row pays at each level. */
function bestRates(rows: readonly (readonly bigint[])[]): bigint[] {
  const best: bigint[] = [];
  for (const row of rows) row.forEach((rate, k) => (best[k] = best[k] === undefined || rate > best[k] ? rate : best[k]));
  return best;
}

/** A rate normalized: `'0.050'` → `'0.05'`. */
function rate(text: string): string {
  return formatUnits(rateUnits(text), MAX_RATE_DECIMALS, 0);
}

function rateRow(rates: readonly string[]): readonly string[] {
  return Object.freeze(rates.map(rate));
}

function rateUnits(rate: string): bigint {
  const read = parseDecimal(rate, MAX_RATE_DECIMALS);
  if (!read.ok) throw new Error('unreachable: the schema checked the rate'); // guarded by planSchema
  return read.units;
}

/**
 * {@link parsePlan} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const result = safeParsePlan({ levels: ['0.6', '0.6'] });
 * if (!result.success) console.log(result.error.code); // 'RATES_EXCEED_ONE'
 * ```
 */
export function safeParsePlan(input: unknown, options: { path?: IssuePath } = {}): SafeResult<Plan> {
  return toSafe(() => parsePlan(input, options));
}
