import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DownlineError, ErrorCode } from '../../src';
import { parseDecimal } from '../../src/money/decimal-string';
import { type SimulationOptions, simulateGrowth } from '../../src/simulate';

const RUNS = 40;

const plans = [
  undefined, // the default: 5 levels, minimum PV 50, dynamic compression, fast start
  { levels: ['0.10', '0.05'] }, // no minimum: members who left would earn, and forfeit
  { levels: ['0.08', '0.04', '0.02'], minPersonalVolume: '100', compression: 'none' as const, commissionable: ['retail' as const, 'personal' as const, 'enrollment' as const] },
  { levels: ['0.05', '0.05'], rounding: 'half-up' as const, fastStart: ['10.00'], scale: 3 },
];

const optionsArb: fc.Arbitrary<SimulationOptions> = fc
  .record({
    seed: fc.nat({ max: 2 ** 32 - 1 }),
    periods: fc.integer({ min: 1, max: 6 }),
    founders: fc.integer({ min: 1, max: 6 }),
    extraMarket: fc.integer({ min: 0, max: 250 }),
    recruitRate: fc.double({ min: 0, max: 4, noNaN: true }),
    activity: fc.double({ min: 0, max: 1, noNaN: true }),
    retailShare: fc.double({ min: 0, max: 1, noNaN: true }),
    dropout: fc.double({ min: 0, max: 1, noNaN: true }),
    purchase: fc.constantFrom('0', '49.90', '100.00', '250'),
    retailAmount: fc.constantFrom('0', '60.00', '19.99'),
    joiningFee: fc.constantFrom('0', '49.00', '299.00'),
    plan: fc.constantFrom(...plans),
  })
  .map(({ extraMarket, plan, ...rest }) => ({ ...rest, marketSize: rest.founders + extraMarket, ...(plan === undefined ? {} : { plan }) }));

function units(text: string): bigint {
  const read = parseDecimal(text.startsWith('-') ? text.slice(1) : text, 12);
  if (!read.ok) throw new Error(`not a decimal: ${text}`);
  return text.startsWith('-') ? -read.units : read.units;
}

describe('simulateGrowth invariants (random small simulations)', () => {
  it('never lets more join than the market; counts add up period to period', () => {
    fc.assert(
      fc.property(optionsArb, (options) => {
        const report = simulateGrowth(options);
        const market = options.marketSize as number;
        expect(report.periods).toHaveLength(options.periods as number);
        let members = 0;
        let stillIn = 0;
        let left = 0;
        for (const p of report.periods) {
          members += p.joined;
          expect(p.members).toBe(members);
          expect(p.members).toBeLessThanOrEqual(market);
          expect(p.marketRemaining).toBe(market - p.members);
          expect(p.active).toBe(stillIn + p.joined);
          expect(p.left).toBeLessThanOrEqual(p.active);
          expect(p.qualified).toBeLessThanOrEqual(p.active);
          expect(p.participants.count).toBe(p.active);
          stillIn = p.active - p.left;
          left += p.left;
        }
        expect(report.periods[0].joined - report.periods[0].recruited).toBe(Math.min(options.founders as number, market));
        expect(report.overall.joined).toBe(members);
        expect(report.overall.joined).toBeLessThanOrEqual(market);
        expect(report.overall.left).toBe(left);
        expect(report.overall.activeAtEnd).toBe(stillIn);
        expect(report.overall.participants.count).toBe(members);
      }),
      { seed: 71, numRuns: RUNS },
    );
  });

  it('pays in total exactly the sum of the periods; each period pays the engine\'s payouts less what leavers forfeit', () => {
    fc.assert(
      fc.property(optionsArb, (options) => {
        const report = simulateGrowth(options);
        const sum = (pick: (p: (typeof report.periods)[number]) => string) => report.periods.reduce((s, p) => s + units(pick(p)), 0n);
        expect(units(report.overall.payouts)).toBe(sum((p) => p.payouts));
        expect(units(report.overall.forfeited)).toBe(sum((p) => p.forfeited));
        expect(units(report.overall.commissions)).toBe(sum((p) => p.commissions));
        expect(units(report.overall.sales.total)).toBe(sum((p) => p.sales.total));
        for (const p of report.periods) {
          expect(units(p.payouts) + units(p.forfeited)).toBe(units(p.commissions));
          const { retail, personal, enrollment, fastStart, total } = p.income;
          expect(units(retail) + units(personal) + units(enrollment) + units(fastStart)).toBe(units(total));
        }
        expect(units(report.overall.income.total)).toBe(sum((p) => p.income.total));
      }),
      { seed: 72, numRuns: RUNS },
    );
  });

  it('keeps the loss rate and the income shares in [0, 1] and the Gini coefficients in [0, 1)', () => {
    fc.assert(
      fc.property(optionsArb, (options) => {
        const report = simulateGrowth(options);
        for (const figures of [...report.periods.map((p) => p.participants), report.overall.participants]) {
          for (const share of [figures.losing.share, figures.profiting.share, figures.top1Share]) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
          expect(figures.losing.share + figures.profiting.share).toBeLessThanOrEqual(1 + 1e-12);
          for (const g of [figures.gini, figures.giniGross]) {
            expect(g).toBeGreaterThanOrEqual(0);
            expect(g).toBeLessThan(1);
          }
        }
        for (const income of [...report.periods.map((p) => p.income), report.overall.income]) {
          const { recruiting, retail, personal } = income.shares;
          for (const share of [recruiting, retail, personal]) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
          if (units(income.total) > 0n) expect(recruiting + retail + personal).toBeCloseTo(1, 12);
        }
      }),
      { seed: 73, numRuns: RUNS },
    );
  });

  it('names the option in the error when a number option is out of range', () => {
    const ranges: Record<string, [number, number, boolean]> = {
      seed: [0, 2 ** 32 - 1, true],
      periods: [1, 120, true],
      founders: [1, 10_000_000, true],
      marketSize: [1, 10_000_000, true],
      recruitRate: [0, 20, false],
      activity: [0, 1, false],
      retailShare: [0, 1, false],
      dropout: [0, 1, false],
      saturationFraction: [0, 1, false],
      exhaustedShare: [0, 1, false],
    };
    const badValue = fc.oneof(
      fc.double({ min: -1e9, max: -1e-6, noNaN: true }),
      fc.double({ min: 1e7 + 1, max: 1e12, noNaN: true }).map((v) => v * 1000),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0.5),
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(ranges)), badValue, (name, value) => {
        const [low, high, integer] = ranges[name];
        fc.pre(!(value >= low && value <= high));
        try {
          simulateGrowth({ periods: 1, [name]: value } as SimulationOptions);
          throw new Error('expected a DownlineError');
        } catch (error) {
          expect(error).toBeInstanceOf(DownlineError);
          const issue = (error as DownlineError).issues[0];
          expect(issue.code).toBe(ErrorCode.InvalidOptions);
          expect(issue.path).toEqual(['options', name]);
          expect(issue.message).toBe(`options.${name}: must be ${integer ? 'an integer ' : ''}between ${low} and ${high}`);
        }
      }),
      { seed: 74, numRuns: 200 },
    );
  });
});
