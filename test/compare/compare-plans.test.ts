/**
 * What-if comparison (issue 7): one period under two plans. A hand-computed example, the compliance side,
 * input validation, and properties over random periods and plans (seeded, shrinking on).
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CommissionResult, DownlineError, ErrorCode, Genealogy, ingestOrders } from '../../src';
import { comparePlans, formatComparison, type PlanComparison, safeComparePlans, TOTAL_KEYS } from '../../src/compare';
import { decimalDifference, signed } from '../../src/compare/decimal-difference';
import { resultState } from '../../src/engine/commission-result';
import { planArb, type Shape, scenarioArb, stageScenarioArb } from '../arbitraries';
import type { RefInput, RefOrder, RefPlan } from '../reference/reference';

/** decimal.js at 300 significant digits: an independent check of the bigint arithmetic. */
const Exact = Decimal.clone({ precision: 300 });
const dec = (text: string) => new Exact(text);
const canon = (text: string) => dec(text).toFixed();

/**
 * Two trees. A ← B ← C ← D and B ← E; X ← Y ← Z ← W.
 *
 * Orders (minPersonalVolume 0: every affiliate is active; no compression):
 *   o1 D 100 retail, o2 C 50 personal, o3 E 200 retail, o4 B 30 personal,
 *   o5 Y 100 retail, o6 Z 100 retail, o7 W 50 retail.
 */
const members = [
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
  { id: 'C', sponsorId: 'B' },
  { id: 'D', sponsorId: 'C' },
  { id: 'E', sponsorId: 'B' },
  { id: 'X', sponsorId: null },
  { id: 'Y', sponsorId: 'X' },
  { id: 'Z', sponsorId: 'Y' },
  { id: 'W', sponsorId: 'Z' },
];
const orders = [
  { id: 'o1', affiliateId: 'D', amount: '100.00', kind: 'retail' as const },
  { id: 'o2', affiliateId: 'C', amount: '50.00', kind: 'personal' as const },
  { id: 'o3', affiliateId: 'E', amount: '200.00', kind: 'retail' as const },
  { id: 'o4', affiliateId: 'B', amount: '30.00', kind: 'personal' as const },
  { id: 'o5', affiliateId: 'Y', amount: '100.00', kind: 'retail' as const },
  { id: 'o6', affiliateId: 'Z', amount: '100.00', kind: 'retail' as const },
  { id: 'o7', affiliateId: 'W', amount: '50.00', kind: 'retail' as const },
];
const planA = { levels: ['0.10', '0.05'] };
const planB = { levels: ['0.08', '0.06', '0.02'] };

describe('hand-computed: plan A 10%/5% against plan B 8%/6%/2%', () => {
  /*
   * Plan A (10%, 5%):
   *   o1 D 100: C 10.00 (L1), B 5.00 (L2)
   *   o2 C  50: B  5.00,      A 2.50
   *   o3 E 200: B 20.00,      A 10.00
   *   o4 B  30: A  3.00,      L2 above the root: breakage 1.50
   *   o5 Y 100: X 10.00,      L2 above the root: breakage 5.00
   *   o6 Z 100: Y 10.00,      X 5.00
   *   o7 W  50: Z  5.00,      Y 2.50
   *   A 15.50, B 30.00, C 10.00, X 15.00, Y 12.50, Z 5.00
   *   potential = 630 × 0.15 = 94.50; paid = 88.00; breakage = 1.50 + 5.00 = 6.50; payouts 88.00
   *
   * Plan B (8%, 6%, 2%):
   *   o1 D 100: C 8.00, B 6.00, A 2.00
   *   o2 C  50: B 4.00, A 3.00, L3 breakage 1.00
   *   o3 E 200: B 16.00, A 12.00, L3 breakage 4.00
   *   o4 B  30: A 2.40, L2 + L3 breakage 1.80 + 0.60 = 2.40
   *   o5 Y 100: X 8.00, L2 + L3 breakage 6.00 + 2.00 = 8.00
   *   o6 Z 100: Y 8.00, X 6.00, L3 breakage 2.00
   *   o7 W  50: Z 4.00, Y 3.00, X 1.00
   *   A 19.40, B 26.00, C 8.00, X 15.00, Y 11.00, Z 4.00
   *   potential = 630 × 0.16 = 100.80; paid = 83.40; breakage = 1 + 4 + 2.40 + 8 + 2 = 17.40; payouts 83.40
   *
   * Differences (B − A): potential +6.30, paid −4.60, breakage +10.90, capped 0, residual 0, payouts −4.60.
   * Payees: B −4.00, A +3.90, C −2.00, Y −1.50, Z −1.00 (by |difference|); X 15.00 both: unchanged.
   * Σ = 3.90 − 4.00 − 2.00 − 1.50 − 1.00 = −4.60 = the payouts difference. 1 gains, 4 lose, 1 unchanged, 6 payees.
   */
  const genealogy = Genealogy.fromRecords(members);
  const comparison = comparePlans({ genealogy, orders, before: planA, after: planB });

  it('lists the plan changes (diffPlans)', () => {
    expect(comparison.changes.map((c) => c.description)).toEqual([
      'levels[0]: "0.1" → "0.08"',
      'levels[1]: "0.05" → "0.06"',
      'levels[2] added: "0.02"',
    ]);
  });

  it('gives both totals and their exact differences', () => {
    expect(comparison.totals.before).toEqual({ potential: '94.50', paid: '88.00', breakage: '6.50', capped: '0.00', residual: '0.00', payouts: '88.00' });
    expect(comparison.totals.after).toEqual({ potential: '100.80', paid: '83.40', breakage: '17.40', capped: '0.00', residual: '0.00', payouts: '83.40' });
    expect(comparison.totals.difference).toEqual({ potential: '6.30', paid: '-4.60', breakage: '10.90', capped: '0.00', residual: '0.00', payouts: '-4.60' });
  });

  it('gives each stage (here the unilevel only)', () => {
    expect(comparison.stages).toEqual([
      {
        stage: 'unilevel',
        runs: { before: true, after: true },
        before: { potential: '94.50', paid: '88.00', capped: '0.00' },
        after: { potential: '100.80', paid: '83.40', capped: '0.00' },
        difference: { potential: '6.30', paid: '-4.60', capped: '0.00' },
      },
    ]);
  });

  it('lists every member whose payout changed, the largest change first, and counts gains and losses', () => {
    expect(comparison.payees.changes).toEqual([
      { id: 'B', before: '30.00', after: '26.00', difference: '-4.00' },
      { id: 'A', before: '15.50', after: '19.40', difference: '3.90' },
      { id: 'C', before: '10.00', after: '8.00', difference: '-2.00' },
      { id: 'Y', before: '12.50', after: '11.00', difference: '-1.50' },
      { id: 'Z', before: '5.00', after: '4.00', difference: '-1.00' },
    ]);
    expect(comparison.payees).toMatchObject({ gain: 1, lose: 4, unchanged: 1, payees: 6 });
    expect(comparison.compliance).toBeNull();
  });

  it('keeps both results to drill into', () => {
    expect(comparison.results.before.payout('X')).toBe('15.00');
    expect(comparison.results.after.explain('X').lines.map((l) => `${l.orderId}@${l.level}: ${l.amount}`)).toEqual([
      'o5@1: 8.00',
      'o6@2: 6.00',
      'o7@3: 1.00',
    ]);
  });

  it('ingests the order records once and feeds the same book to both runs', () => {
    expect(resultState(comparison.results.before).book).toBe(resultState(comparison.results.after).book);
  });

  it('takes an order book ingested beforehand', () => {
    const book = ingestOrders(orders, genealogy, { scale: 2 });
    const again = comparePlans({ genealogy, orders: book, before: planA, after: planB });
    expect(resultState(again.results.before).book).toBe(book);
    expect(resultState(again.results.after).book).toBe(book);
    expect(again.totals).toEqual(comparison.totals);
    expect(again.payees).toEqual(comparison.payees);
  });

  it('prints a report', () => {
    expect(formatComparison(comparison, { top: 3 })).toBe(
      [
        'Plan changes (3):',
        '  levels[0]: "0.1" → "0.08"',
        '  levels[1]: "0.05" → "0.06"',
        '  levels[2] added: "0.02"',
        '',
        'Totals:',
        '             before   after  difference',
        '  potential   94.50  100.80       +6.30',
        '  paid        88.00   83.40       -4.60',
        '  breakage     6.50   17.40      +10.90',
        '  capped       0.00    0.00        0.00',
        '  residual     0.00    0.00        0.00',
        '  payouts     88.00   83.40       -4.60',
        '',
        'Stages:',
        '                      before   after  difference',
        '  unilevel potential   94.50  100.80       +6.30',
        '  unilevel paid        88.00   83.40       -4.60',
        '  unilevel capped       0.00    0.00        0.00',
        '',
        'Payees: 1 gain, 4 lose, 1 unchanged (6 paid in either plan)',
        'Largest changes (3 of 5):',
        '  member  before  after  difference',
        '  B        30.00  26.00       -4.00',
        '  A        15.50  19.40       +3.90',
        '  C        10.00   8.00       -2.00',
        '  … and 2 more',
      ].join('\n'),
    );
    const all = formatComparison(comparison);
    expect(all).toContain('Largest changes (5 of 5):');
    expect(all).not.toContain('more');
    expect(formatComparison(comparison, { top: 0 })).not.toContain('Largest changes');
  });
});

describe('stages, scales and binaries', () => {
  it('a stage only one plan runs counts as zeros on the other side', () => {
    // A ← B ← C; C's 100.00 joining fee. Fast start 50.00 / 20.00 pays B 50.00 and A 20.00 on it.
    const genealogy = Genealogy.fromRecords(members.slice(0, 3));
    const fees = [{ id: 'e1', affiliateId: 'C', amount: '100.00', kind: 'enrollment' as const }];
    const c = comparePlans({ genealogy, orders: fees, before: planA, after: { ...planA, fastStart: ['50', '20'] } });
    expect(c.changes.map((x) => x.description)).toEqual(['fastStart[0] added: "50.00"', 'fastStart[1] added: "20.00"']);
    const fast = c.stages.find((s) => s.stage === 'fast-start');
    expect(fast).toMatchObject({ runs: { before: false, after: true }, before: { paid: '0.00' }, after: { paid: '70.00' }, difference: { paid: '70.00' } });
    expect(c.payees.changes).toEqual([
      { id: 'B', before: '0.00', after: '50.00', difference: '50.00' },
      { id: 'A', before: '0.00', after: '20.00', difference: '20.00' },
    ]);
    expect(c.payees).toMatchObject({ gain: 2, lose: 0, unchanged: 0, payees: 2 });
    expect(formatComparison(c)).toContain('fast-start paid (new)');
    // and the other way round, the stage is dropped
    const back = comparePlans({ genealogy, orders: fees, before: { ...planA, fastStart: ['50', '20'] }, after: planA });
    expect(back.stages.find((s) => s.stage === 'fast-start')?.runs).toEqual({ before: true, after: false });
    expect(back.payees).toMatchObject({ gain: 0, lose: 2, unchanged: 0, payees: 2 });
  });

  it('plans of different scales: orders ingested once per scale, differences at the finer scale', () => {
    // A ← B ← C; C sells 100.01. At scale 2 (half-even): B 10% = 10.001 → 10.00, A 5% = 5.0005 → 5.00.
    // At scale 3: B 10.001; A 5.0005 is a tie between 5.000 and 5.001, half-even keeps the even 5.000.
    // Payouts 15.00 → 15.001 (+0.001): B gains 0.001, A is unchanged. Potential 100.01 × 0.15 = 15.0015 both.
    const genealogy = Genealogy.fromRecords(members.slice(0, 3));
    const sale = [{ id: 's1', affiliateId: 'C', amount: '100.01', kind: 'retail' as const }];
    const c = comparePlans({ genealogy, orders: sale, before: planA, after: { ...planA, scale: 3 } });
    expect(resultState(c.results.before).book).not.toBe(resultState(c.results.after).book);
    expect(c.payees.changes).toEqual([{ id: 'B', before: '10.00', after: '10.001', difference: '0.001' }]);
    expect(c.payees).toMatchObject({ gain: 1, lose: 0, unchanged: 1, payees: 2 });
    expect(c.totals.difference.payouts).toBe('0.001');
    expect(c.totals.difference.potential).toBe('0.000'); // 15.0015 both
    expect(c.totals.before.potential).toBe('15.0015');
    // an order book fits one scale only: the other run says so
    const book = ingestOrders(sale, genealogy, { scale: 2 });
    const outcome = safeComparePlans({ genealogy, orders: book, before: planA, after: { ...planA, scale: 3 } });
    expect(outcome.success).toBe(false);
    if (!outcome.success) {
      expect(outcome.error.issues.map((i) => [i.code, i.message])).toEqual([
        [ErrorCode.OrderBookMismatch, 'after plan: orders: the order book was ingested at scale 2, the plan uses scale 3'],
      ]);
    }
  });

  it('the placement goes to the plan that pays a binary', () => {
    // A sponsors B and C, placed left and right. B buys 250, C 120.
    // Before: unilevel 10%/5%: A earns 25.00 + 12.00 = 37.00. After: a binary only (levels 0): 250 left and 120
    // right make one pair of 100: A 10.00.
    const genealogy = Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
      { id: 'C', sponsorId: 'A' },
    ]);
    const placement = [
      { id: 'A', parentId: null, side: null },
      { id: 'B', parentId: 'A', side: 'left' as const },
      { id: 'C', parentId: 'A', side: 'right' as const },
    ];
    const buys = [
      { id: 'b1', affiliateId: 'B', amount: '250.00', kind: 'personal' as const },
      { id: 'c1', affiliateId: 'C', amount: '120.00', kind: 'personal' as const },
    ];
    const binary = { levels: ['0', '0'], binary: { pairVolume: '100', pairAmount: '10.00' } };
    const c = comparePlans({ genealogy, orders: buys, before: planA, after: binary, placement });
    expect(c.payees.changes).toEqual([{ id: 'A', before: '37.00', after: '10.00', difference: '-27.00' }]);
    expect(c.stages.map((s) => [s.stage, s.runs.before, s.runs.after, s.difference.paid])).toEqual([
      ['unilevel', true, true, '-37.00'],
      ['binary', false, true, '10.00'],
    ]);
    expect(c.results.after.binaryCarry()).toEqual({ A: { left: '150.00', right: '20.00' } });
    // neither plan pays a binary: the placement is refused
    const outcome = safeComparePlans({ genealogy, orders: buys, before: planA, after: planB, placement });
    expect(!outcome.success && outcome.error.issues.map((i) => [i.code, i.path])).toEqual([[ErrorCode.InvalidPlacement, ['placement']]]);
  });
});

describe('compliance', () => {
  // The README's compliance example: C's 100.00 joining fee, and 60.00 bought by C's customer c1.
  const people = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'B' },
    { id: 'c1', sponsorId: 'C', role: 'customer' as const },
  ];
  const sales = [
    { id: 'e1', affiliateId: 'C', amount: '100.00', kind: 'enrollment' as const },
    { id: 'r1', affiliateId: 'c1', amount: '60.00', kind: 'retail' as const },
  ];
  const retailOnly = { levels: ['0.10', '0.05'] };
  const onFees = { levels: ['0.10', '0.05'], commissionable: ['retail' as const, 'personal' as const, 'enrollment' as const] };

  it('gives each of the sixteen indicators before and after, and the verdicts that changed', () => {
    /*
     * Retail only: r1 pays C 6.00 and B 3.00: rewards 9.00, none triggered by own purchases or fees.
     * With fees commissionable: e1 also pays B 10.00 and A 5.00: rewards 24.00, 15.00 of them from the fee:
     * #4 purchase-triggered-rewards goes from 0 (ok) to 15 / 24 = 62.5% (flag, above 50%).
     */
    const genealogy = Genealogy.fromRecords(people);
    const c = comparePlans({ genealogy, orders: sales, before: retailOnly, after: onFees, members: people, compliance: { costs: [] } });
    const compliance = c.compliance;
    expect(compliance).not.toBeNull();
    if (compliance === null) return;
    expect(compliance.indicators.map((i) => i.id)).toEqual(Array.from({ length: 16 }, (_, k) => k + 1));
    const four = compliance.indicators[3];
    expect(four).toMatchObject({
      key: 'purchase-triggered-rewards',
      before: { value: 0, verdict: 'ok' },
      after: { value: 0.625, verdict: 'flag' },
      difference: 0.625,
      verdictChanged: true,
      trend: 'worse',
    });
    expect(compliance.changed).toContain(four);
    for (const i of compliance.indicators) {
      expect(i.verdictChanged).toBe(i.before.verdict !== i.after.verdict);
      expect(compliance.changed.includes(i)).toBe(i.verdictChanged);
      const b = compliance.before.indicators[i.id - 1];
      const a = compliance.after.indicators[i.id - 1];
      expect([i.before, i.after]).toEqual([
        { value: b.value, verdict: b.verdict },
        { value: a.value, verdict: a.verdict },
      ]);
    }
    expect(compliance.verdict).toEqual({ before: compliance.before.verdict, after: compliance.after.verdict });
    expect(formatComparison(c)).toContain('# 4 purchase-triggered-rewards: ok 0.0% → flag 62.5% (worse)');
    // the swap reads the other way
    const back = comparePlans({ genealogy, orders: sales, before: onFees, after: retailOnly, members: people, compliance: { costs: [] } });
    expect(back.compliance?.indicators[3]).toMatchObject({ difference: -0.625, trend: 'better' });
  });

  it('passes the assessment options, and reports record problems where the comparison input has them', () => {
    const genealogy = Genealogy.fromRecords(people);
    const strict = comparePlans({
      genealogy,
      orders: sales,
      before: retailOnly,
      after: onFees,
      members: people,
      assessment: { thresholds: { 'purchase-triggered-rewards': { flag: 0.7 } } },
    });
    expect(strict.compliance?.indicators[3].after.verdict).toBe('warning');
    const outcome = safeComparePlans({
      genealogy,
      orders: sales,
      before: retailOnly,
      after: onFees,
      members: people,
      compliance: { costs: [{ affiliateId: 'nobody', amount: '1.00', kind: 'training' }] },
    } as never);
    expect(!outcome.success && outcome.error.issues.map((i) => [i.code, i.path])).toEqual([
      [ErrorCode.UnknownAffiliate, ['compliance', 'costs', 0, 'affiliateId']],
    ]);
  });
});

describe('validation', () => {
  const genealogy = Genealogy.fromRecords(members);
  const issuesOf = (input: unknown) => {
    const outcome = safeComparePlans(input as never);
    if (outcome.success) throw new Error('expected a DownlineError');
    return outcome.error.issues.map((i) => [i.code, i.path, i.message]);
  };

  it('a malformed comparison input: every problem, INVALID_OPTIONS', () => {
    expect(() => comparePlans(null as never)).toThrow(DownlineError);
    expect(issuesOf({ genealogy: members, orders: 'o1', before: planA, plan: planB, assessment: {} })).toEqual([
      [ErrorCode.InvalidOptions, ['plan'], expect.stringContaining('unknown key "plan"')],
      [ErrorCode.InvalidOptions, ['genealogy'], 'comparison genealogy: must be a Genealogy (Genealogy.fromRecords)'],
      [ErrorCode.InvalidOptions, ['orders'], expect.stringContaining('comparison orders')],
      [ErrorCode.InvalidOptions, ['assessment'], expect.stringContaining('needs the member records')],
      [ErrorCode.InvalidOptions, ['after'], 'comparison after: the plan to compare with is required'],
    ]);
    expect(issuesOf({ genealogy, orders, before: planA, after: planB, members, assessment: { lowIncomeLimit: 'lots' } })).toEqual([
      [ErrorCode.InvalidOptions, ['assessment', 'lowIncomeLimit'], expect.stringContaining('assessment.lowIncomeLimit')],
    ]);
    expect(issuesOf({ genealogy, orders, before: planA, after: planB, members: 5, compliance: { costz: [] } })).toEqual([
      [ErrorCode.InvalidOptions, ['members'], 'comparison members: must be an array of records or MemberDays'],
      [ErrorCode.InvalidOptions, ['compliance', 'costz'], expect.stringContaining('unknown key "costz"')],
    ]);
  });

  it('plans raise their own codes, under the side they belong to', () => {
    expect(issuesOf({ genealogy, orders, before: { levels: ['0.1', '0.1'], compression: 'sideways' }, after: { levels: ['0.1'] } })).toEqual([
      [ErrorCode.InvalidPlan, ['before', 'compression'], expect.stringMatching(/^before plan: plan compression: /)],
      [ErrorCode.InvalidPlan, ['after', 'levels'], 'after plan: plan levels: at least 2 levels'],
    ]);
    const sums = issuesOf({ genealogy, orders, before: planA, after: { levels: ['0.7', '0.7'] } });
    expect(sums[0]).toEqual([ErrorCode.RatesExceedOne, ['after', 'levels'], expect.stringMatching(/^after plan: plan levels: rates add up to 1.4/)]);
  });

  it('orders raise their own codes, once when both plans read them alike', () => {
    const bad = [...orders, { id: 'o9', affiliateId: 'M99', amount: '1.001', kind: 'retail' as const }];
    expect(issuesOf({ genealogy, orders: bad, before: planA, after: planB })).toEqual([
      [ErrorCode.UnknownAffiliate, ['orders', 7, 'affiliateId'], 'order "o9": unknown affiliate "M99"'],
      [ErrorCode.TooManyDecimals, ['orders', 7, 'amount'], expect.stringMatching(/^order "o9"/)],
    ]);
    // at scales 2 and 3, 1.001 is refused under the first plan only, and the message says so
    const issues = issuesOf({ genealogy, orders: bad, before: planA, after: { ...planB, scale: 3 } });
    expect(issues).toEqual([
      [ErrorCode.UnknownAffiliate, ['orders', 7, 'affiliateId'], 'order "o9": unknown affiliate "M99"'],
      [ErrorCode.TooManyDecimals, ['orders', 7, 'amount'], expect.stringMatching(/^before plan: order "o9"/)],
    ]);
  });

  it('formatComparison refuses a top that is not a non-negative integer', () => {
    const c = comparePlans({ genealogy, orders, before: planA, after: planB });
    for (const top of [-1, 1.5, Number.NaN]) {
      expect(() => formatComparison(c, { top })).toThrow(expect.objectContaining({ code: ErrorCode.InvalidOptions }));
    }
  });

  it('exact difference helpers', () => {
    expect(decimalDifference('0.005', '0.01', 2)).toBe('0.005');
    expect(decimalDifference('-1.5', '2', 2)).toBe('3.50');
    expect(decimalDifference('10.00', '10.000', 3)).toBe('0.000');
    expect(decimalDifference('9007199254740993.01', '9007199254740993.02', 2)).toBe('0.01');
    expect([signed('3.90'), signed('-4.00'), signed('0.00'), signed('0')]).toEqual(['+3.90', '-4.00', '0.00', '0']);
  });
});

// ------------------------------------------------------------------------------------------------ properties

interface Pair {
  members: RefInput['members'];
  orders: readonly RefOrder[];
  before: RefPlan;
  after: RefPlan;
}

/** String amounts as integer minor units at `scale`, so that the orders fit a plan of any scale. */
function integerOrders(orders: readonly RefOrder[], scale: number): RefOrder[] {
  const units = (value: string | number | bigint): number | bigint => {
    if (typeof value !== 'string') return value;
    const [whole, fraction = ''] = value.split('.');
    const n = BigInt(whole + fraction.padEnd(scale, '0'));
    return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  };
  return orders.map((o) => ({ ...o, amount: units(o.amount), ...(o.volume !== undefined ? { volume: units(o.volume) } : {}) }));
}

const SHAPES: readonly Shape[] = ['random', 'chain', 'star', 'mixed'];
/** Two plans on one period: unilevel plans of one scale, plans with ranks, caps, matching and pools, or two scales. */
const pairArb: fc.Arbitrary<Pair> = fc.oneof(
  scenarioArb({ maxMembers: 40, maxOrders: 60, shapes: SHAPES }).chain((s) =>
    planArb.filter((p) => p.scale === s.plan.scale).map((after) => ({ members: s.members, orders: s.orders, before: s.plan, after })),
  ),
  stageScenarioArb({ maxMembers: 25, maxOrders: 30 }).chain((s) =>
    stageScenarioArb({ maxMembers: 2, maxOrders: 1 })
      .map((t) => t.plan)
      .filter((p) => p.scale === s.plan.scale)
      .map((after) => ({ members: s.members, orders: s.orders, before: s.plan as RefPlan, after: after as RefPlan })),
  ),
  fc
    .tuple(scenarioArb({ maxMembers: 30, maxOrders: 40, shapes: SHAPES }), planArb)
    .map(([s, after]) => ({ members: s.members, orders: integerOrders(s.orders, s.plan.scale), before: s.plan, after })),
);

const compare = (pair: Pair, genealogy = Genealogy.fromRecords(pair.members)) =>
  comparePlans({ genealogy, orders: pair.orders, before: pair.before, after: pair.after });
const payees = (result: CommissionResult) => new Map(result.payouts().map((p) => [p.id, p.amount]));
const isZero = (text: string) => dec(text).isZero();

function expectAllZero(c: PlanComparison) {
  for (const key of TOTAL_KEYS) expect(`${key} ${canon(c.totals.difference[key])}`).toBe(`${key} 0`);
  for (const stage of c.stages) for (const [key, v] of Object.entries(stage.difference)) expect(`${stage.stage} ${key} ${canon(v)}`).toBe(`${stage.stage} ${key} 0`);
}

describe('properties', () => {
  it('a plan compared with itself: no change, zero differences, no member changed', () => {
    fc.assert(
      fc.property(pairArb, (pair) => {
        const c = compare({ ...pair, after: pair.before });
        expect(c.changes).toEqual([]);
        expectAllZero(c);
        expect(c.totals.before).toEqual(c.totals.after);
        expect(c.payees.changes).toEqual([]);
        expect(c.payees.gain + c.payees.lose).toBe(0);
        expect(c.payees.unchanged).toBe(c.results.before.payouts().length);
        expect(c.stages.every((s) => s.runs.before && s.runs.after)).toBe(true);
      }),
      { seed: 7001, numRuns: 150 },
    );
  });

  it('Σ per-payee differences = the difference of the payouts totals; each difference is after − before', () => {
    fc.assert(
      fc.property(pairArb, (pair) => {
        const c = compare(pair);
        const before = payees(c.results.before);
        const after = payees(c.results.after);
        let sum = dec('0');
        for (const change of c.payees.changes) {
          expect(change.before).toBe(before.get(change.id) ?? c.results.before.payout(change.id));
          expect(change.after).toBe(after.get(change.id) ?? c.results.after.payout(change.id));
          expect(canon(change.difference)).toBe(dec(change.after).minus(change.before).toFixed());
          expect(isZero(change.difference)).toBe(false);
          sum = sum.plus(change.difference);
        }
        expect(sum.toFixed()).toBe(canon(c.totals.difference.payouts));
        expect(canon(c.totals.difference.payouts)).toBe(dec(c.totals.after.payouts).minus(c.totals.before.payouts).toFixed());
        for (const key of TOTAL_KEYS) {
          expect(canon(c.totals.difference[key])).toBe(dec(c.totals.after[key]).minus(c.totals.before[key]).toFixed());
        }
        // sorted by |difference| descending, then id
        for (let k = 1; k < c.payees.changes.length; k++) {
          const x = c.payees.changes[k - 1];
          const y = c.payees.changes[k];
          const order = dec(x.difference).abs().cmp(dec(y.difference).abs());
          expect(order > 0 || (order === 0 && x.id < y.id)).toBe(true);
        }
      }),
      { seed: 7002, numRuns: 150 },
    );
  });

  it('swapping before and after negates every difference', () => {
    fc.assert(
      fc.property(pairArb, (pair) => {
        const genealogy = Genealogy.fromRecords(pair.members);
        const c = compare(pair, genealogy);
        const s = compare({ ...pair, before: pair.after, after: pair.before }, genealogy);
        const negated = (text: string) => dec(text).neg().toFixed();
        for (const key of TOTAL_KEYS) expect(canon(s.totals.difference[key])).toBe(negated(c.totals.difference[key]));
        expect(s.stages.map((x) => x.stage)).toEqual(c.stages.map((x) => x.stage));
        c.stages.forEach((stage, k) => {
          for (const key of ['potential', 'paid', 'capped'] as const) {
            expect(canon(s.stages[k].difference[key])).toBe(negated(stage.difference[key]));
          }
          expect(s.stages[k].runs).toEqual({ before: stage.runs.after, after: stage.runs.before });
        });
        expect(s.payees.changes.map((x) => [x.id, x.before, x.after, canon(x.difference)])).toEqual(
          c.payees.changes.map((x) => [x.id, x.after, x.before, negated(x.difference)]),
        );
        expect([s.payees.gain, s.payees.lose, s.payees.unchanged, s.payees.payees]).toEqual([
          c.payees.lose,
          c.payees.gain,
          c.payees.unchanged,
          c.payees.payees,
        ]);
      }),
      { seed: 7003, numRuns: 120 },
    );
  });

  it('gain + lose + unchanged = the members with a payout in either run', () => {
    fc.assert(
      fc.property(pairArb, (pair) => {
        const c = compare(pair);
        const either = new Set([...payees(c.results.before).keys(), ...payees(c.results.after).keys()]);
        const { gain, lose, unchanged } = c.payees;
        expect(gain + lose + unchanged).toBe(either.size);
        expect(c.payees.payees).toBe(either.size);
        expect(gain).toBe(c.payees.changes.filter((x) => dec(x.difference).gt(0)).length);
        expect(lose).toBe(c.payees.changes.filter((x) => dec(x.difference).lt(0)).length);
        for (const x of c.payees.changes) expect(either.has(x.id)).toBe(true);
      }),
      { seed: 7004, numRuns: 150 },
    );
  });
});
