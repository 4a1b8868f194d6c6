import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DisclosureColumns, IncomeDistribution, IncomeFigures } from '../../src/compliance/disclosure-types';
import { formatIncomeDisclosure, textTable } from '../../src/compliance/format-disclosure';
import { incomeDisclosure } from '../../src/compliance/income-disclosure';
import { groupThousands } from '../../src/money/decimal-string';
import { NO_DAY, parseIsoDay } from '../../src/dates/iso-day';
import { DownlineError } from '../../src/errors';
import { roundQuotient } from '../../src/money/rounding';

const day = (iso: string): number => parseIsoDay(iso) as number;
const MAX = Number.MAX_SAFE_INTEGER;

/** A decimal string printed at its scale back to minor units (formatUnits always prints `scale` decimals). */
const units = (decimal: string): bigint => BigInt(decimal.replace('.', ''));

// Ten participants, given out of order. Amounts in cents.
//
//      gross          costs         net   joined      left        group
// P1   0              50.00      -50.00   2023-05-01  -           Member
// P2   0               0.00        0.00   2024-02-01  2024-03-01  Member
// P3   100.00        200.00     -100.00   unknown     -           Member
// P4   250.00         50.00      200.00   2024-06-30  -           Member
// P5   400.00         50.00      350.00   2020-01-01  2024-12-31  Member
// P6   900.00        950.00      -50.00   2024-12-31  -           Silver
// P7   1,200.00      100.00    1,100.00   2023-01-01  2025-02-01  Silver (left after the period: still in)
// P8   5,000.00    1,000.00    4,000.00   2022-01-01  -           Gold
// P9   9,000.00      500.00    8,500.00   2019-03-03  -           Gold
// P10  1,248,000.00 10,000.00 1,238,000.00 2018-01-01 -           Gold
const ORDER = [6, 0, 9, 2, 4, 8, 1, 7, 3, 5]; // row r holds participant P(ORDER[r] + 1)
const GROSS = [0, 0, 10_000, 25_000, 40_000, 90_000, 120_000, 500_000, 900_000, 124_800_000];
const COSTS = [5_000, 0, 20_000, 5_000, 5_000, 95_000, 10_000, 100_000, 50_000, 1_000_000];
const JOINED = [
  '2023-05-01',
  '2024-02-01',
  null,
  '2024-06-30',
  '2020-01-01',
  '2024-12-31',
  '2023-01-01',
  '2022-01-01',
  '2019-03-03',
  '2018-01-01',
];
const LEFT = [null, '2024-03-01', null, null, '2024-12-31', null, '2025-02-01', null, null, null];
const GROUP = [0, 0, 0, 0, 0, 1, 1, 2, 2, 2];

function tenColumns(): DisclosureColumns {
  const pick = <T,>(column: T[]): T[] => ORDER.map((p) => column[p]);
  const toDay = (iso: string | null): number => (iso === null ? NO_DAY : day(iso));
  return {
    scale: 2,
    gross: Float64Array.from(pick(GROSS)),
    costs: Float64Array.from(pick(COSTS)),
    joined: Int32Array.from(pick(JOINED).map(toDay)),
    left: Int32Array.from(pick(LEFT).map(toDay)),
    period: { start: day('2024-01-01'), end: day('2024-12-31') },
    groups: { labels: ['Member', 'Silver', 'Gold', 'Diamond'], codes: Uint8Array.from(pick(GROUP)) },
    lowIncomeLimit: 100_000,
  };
}

describe('incomeDisclosure: ten participants by hand', () => {
  const statement = incomeDisclosure(tenColumns());

  it('counts the population and its movements', () => {
    expect(statement.population).toBe(10);
    expect(statement.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(statement.newMembers).toEqual({ count: 3, share: 0.3 }); // P2, P4, P6
    expect(statement.leaving).toEqual({ count: 2, share: 0.2 }); // P2, P5 (P7 left after the period)
    expect(statement.stillIn).toEqual({ count: 8, share: 0.8 });
  });

  it('gives nearest-rank percentiles of gross and net', () => {
    // Gross ascending: 0, 0, 100, 250, 400, 900, 1200, 5000, 9000, 1248000 (n = 10).
    // p10 = rank 1, p25 = rank ceil(2.5) = 3, median = rank 5, p75 = rank ceil(7.5) = 8, p90 = rank 9, p99 = rank 10.
    // Total 1,264,850.00, mean 126,485.00.
    expect(statement.gross).toEqual({
      total: '1264850.00',
      mean: '126485.00',
      p10: '0.00',
      p25: '100.00',
      median: '400.00',
      p75: '5000.00',
      p90: '9000.00',
      p99: '1248000.00',
    });
    // Net ascending: -100, -50, -50, 0, 200, 350, 1100, 4000, 8500, 1238000; total 1,264,850 − 12,900 = 1,251,950.
    expect(statement.net).toEqual({
      total: '1251950.00',
      mean: '125195.00',
      p10: '-100.00',
      p25: '-50.00',
      median: '200.00',
      p75: '4000.00',
      p90: '8500.00',
      p99: '1238000.00',
    });
  });

  it('gives the shares with their counts', () => {
    expect(statement.earningZero).toEqual({ count: 2, share: 0.2 });
    // At most 1,000.00: 0, 0, 100, 250, 400, 900.
    expect(statement.earningAtMost).toEqual({ limit: '1000.00', count: 6, share: 0.6 });
    // Net below 0: P1 (-50), P3 (-100), P6 (-50).
    expect(statement.netLoss).toEqual({ count: 3, share: 0.3 });
    expect(statement.costs).toEqual({ total: '12900.00', mean: '1290.00' });
  });

  it('measures concentration', () => {
    // Top 1%: ceil(0.01 · 10) = 1 participant holding 1,248,000.00 of 1,264,850.00.
    expect(statement.top1Percent).toEqual({ count: 1, share: 124_800_000 / 126_485_000, amount: '1248000.00' });
    // Lorenz form: prefix sums 0, 0, 10000, 35000, 75000, 165000, 285000, 785000, 1685000, 126485000 (Σ 129,525,000);
    // G = (11 · 126,485,000 − 2 · 129,525,000) / (10 · 126,485,000) = 1,132,285,000 / 1,264,850,000 ≈ 0.8952.
    expect(statement.gini).toBe(1_132_285_000 / 1_264_850_000);
  });

  it('measures tenure at the period end, or at the leave day when earlier', () => {
    // P1 610 (2023-05-01 → 2024-12-31, through 2024-02-29), P2 29 (February 2024), P4 184, P5 1826, P6 0, P7 730
    // (left after the end), P8 1095, P9 2130, P10 2556; P3 unknown. Ascending: 0, 29, 184, 610, 730, 1095, 1826,
    // 2130, 2556: median rank ceil(4.5) = 5 → 730; mean 9160 / 9.
    expect(statement.tenureDays).toEqual({ count: 9, median: 730, mean: 9160 / 9 });
  });

  it('gives the same figures per group, empty groups included', () => {
    const [member, silver, gold, diamond] = statement.byGroup ?? [];
    expect(member.label).toBe('Member');
    expect(member.population).toBe(5);
    // Member gross: 0, 0, 100, 250, 400: p25 rank ceil(1.25) = 2, median rank 3, p75 rank 4, p90 and p99 rank 5.
    expect(member.gross).toEqual({
      total: '750.00',
      mean: '150.00',
      p10: '0.00',
      p25: '0.00',
      median: '100.00',
      p75: '250.00',
      p90: '400.00',
      p99: '400.00',
    });
    expect(member.earningZero).toEqual({ count: 2, share: 0.4 });
    expect(member.netLoss).toEqual({ count: 2, share: 0.4 });
    expect(member.net?.median).toBe('0.00'); // -100, -50, 0, 200, 350
    expect(member.costs).toEqual({ total: '350.00', mean: '70.00' });
    expect(silver.gross.median).toBe('900.00');
    expect(silver.netLoss).toEqual({ count: 1, share: 0.5 });
    // Gold: 126,200,000 / 3 = 42,066,666.67 cents → 420,666.67 (half-even); costs 1,150,000 / 3 → 3,833.33.
    expect(gold.gross.mean).toBe('420666.67');
    expect(gold.costs).toEqual({ total: '11500.00', mean: '3833.33' });
    expect(gold.top1Percent).toEqual({ count: 1, share: 124_800_000 / 126_200_000, amount: '1248000.00' });
    expect(diamond.population).toBe(0);
    expect(diamond.gross.median).toBeNull();
    expect(diamond.gross.total).toBe('0.00');
    expect(diamond.earningZero).toEqual({ count: 0, share: 0 });
  });
});

describe('incomeDisclosure: missing columns and the empty population', () => {
  it('leaves out what was not given', () => {
    const statement = incomeDisclosure({ scale: 2, gross: Float64Array.of(0, 500, 100), lowIncomeLimit: 100 });
    expect(statement.net).toBeNull();
    expect(statement.netLoss).toBeNull();
    expect(statement.costs).toBeNull();
    expect(statement.period).toBeNull();
    expect(statement.newMembers).toBeNull();
    expect(statement.leaving).toBeNull();
    expect(statement.stillIn).toBeNull();
    expect(statement.tenureDays).toBeNull();
    expect(statement.byGroup).toBeNull();
    expect(statement.earningAtMost).toEqual({ limit: '1.00', count: 2, share: 2 / 3 });
  });

  it('needs the period for movements and tenure, and the leave days for leaving', () => {
    const joined = Int32Array.of(day('2024-03-01'), NO_DAY);
    const period = { start: day('2024-01-01'), end: day('2024-03-31') };
    const base = { scale: 0, gross: Float64Array.of(5, 7), lowIncomeLimit: 0 };
    expect(incomeDisclosure({ ...base, joined }).tenureDays).toBeNull();
    const statement = incomeDisclosure({ ...base, joined, period });
    expect(statement.newMembers).toEqual({ count: 1, share: 0.5 });
    expect(statement.leaving).toBeNull();
    expect(statement.tenureDays).toEqual({ count: 1, median: 30, mean: 30 });
    const unknown = incomeDisclosure({ ...base, joined: Int32Array.of(NO_DAY, NO_DAY), period });
    expect(unknown.tenureDays).toEqual({ count: 0, median: null, mean: null });
  });

  it('gives a valid statement for nobody', () => {
    const statement = incomeDisclosure({
      scale: 2,
      gross: new Float64Array(0),
      costs: new Float64Array(0),
      joined: new Int32Array(0),
      left: new Int32Array(0),
      period: { start: day('2024-01-01'), end: day('2024-12-31') },
      groups: { labels: ['A'], codes: new Uint8Array(0) },
      lowIncomeLimit: 100_000,
    });
    expect(statement.population).toBe(0);
    const empty: IncomeDistribution = {
      total: '0.00',
      mean: null,
      p10: null,
      p25: null,
      median: null,
      p75: null,
      p90: null,
      p99: null,
    };
    expect(statement.gross).toEqual(empty);
    expect(statement.net).toEqual(empty);
    expect(statement.earningZero).toEqual({ count: 0, share: 0 });
    expect(statement.netLoss).toEqual({ count: 0, share: 0 });
    expect(statement.top1Percent).toEqual({ count: 0, share: 0, amount: '0.00' });
    expect(statement.gini).toBe(0);
    expect(statement.costs).toEqual({ total: '0.00', mean: null });
    expect(statement.newMembers).toEqual({ count: 0, share: 0 });
    expect(statement.tenureDays).toEqual({ count: 0, median: null, mean: null });
    expect(statement.byGroup?.[0].population).toBe(0);
    expect(formatIncomeDisclosure(statement)).toContain('n/a');
  });
});

describe('incomeDisclosure: checks', () => {
  const issuesOf = (columns: DisclosureColumns): DownlineError['issues'] => {
    try {
      incomeDisclosure(columns);
    } catch (error) {
      if (error instanceof DownlineError) return error.issues;
      throw error;
    }
    throw new Error('no error');
  };

  it('reports each bad amount once, at its first row, with the number of rows like it', () => {
    const issues = issuesOf({
      scale: 2,
      gross: Float64Array.of(10, -5, 0.5, -7, Number.NaN),
      costs: Float64Array.of(0, 0, 0, 0, 2 ** 53),
      lowIncomeLimit: 0,
    });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['NEGATIVE_AMOUNT', ['gross', 1]],
      ['INVALID_AMOUNT', ['gross', 2]],
      ['INVALID_AMOUNT', ['costs', 4]],
    ]);
    expect(issues[0].message).toBe('gross[1]: negative amount -5 (and 1 more rows like it)');
    expect(issues[1].message).toContain('(and 1 more rows like it)');
  });

  it('refuses bad options and columns of the wrong shape', () => {
    const issues = issuesOf({
      scale: 13,
      gross: Float64Array.of(1, 2),
      costs: Float64Array.of(1),
      joined: Int32Array.of(0, 0, 0),
      period: { start: day('2024-02-01'), end: day('2024-01-01') },
      groups: { labels: ['A', 'A'], codes: Uint8Array.of(0, 1) },
      lowIncomeLimit: 0.5,
    });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_OPTIONS', ['scale']],
      ['INVALID_OPTIONS', ['lowIncomeLimit']],
      ['INVALID_RECORD', ['costs']],
      ['INVALID_RECORD', ['joined']],
      ['INVALID_RECORD', ['period']],
      ['INVALID_OPTIONS', ['groups', 'labels']],
    ]);
    const notTyped = issuesOf({ scale: 2, gross: [1, 2] as unknown as Float64Array, lowIncomeLimit: 0 });
    expect(notTyped[0].path).toEqual(['gross']);
  });

  it('refuses dates out of order or outside the period, and group codes without a label', () => {
    const issues = issuesOf({
      scale: 2,
      gross: Float64Array.of(0, 0, 0, 0),
      joined: Int32Array.of(day('2024-05-01'), day('2025-01-01'), NO_DAY, day('2024-01-01')),
      left: Int32Array.of(day('2024-04-01'), NO_DAY, day('2023-12-31'), NO_DAY),
      period: { start: day('2024-01-01'), end: day('2024-12-31') },
      groups: { labels: ['A'], codes: Uint8Array.of(0, 0, 3, 0) },
      lowIncomeLimit: 0,
    });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_DATE', ['left', 0]],
      ['INVALID_DATE', ['joined', 1]],
      ['INVALID_DATE', ['left', 2]],
      ['INVALID_RECORD', ['groups', 'codes', 2]],
    ]);
    expect(issues[0].message).toBe('left[0]: left on 2024-04-01, before joining on 2024-05-01');
    expect(issues[1].message).toBe('joined[1]: joined on 2025-01-01, after the period: not a participant');
  });

  it('reports a day outside years 0000–9999 once, as out of range', () => {
    const issues = issuesOf({
      scale: 2,
      gross: Float64Array.of(0, 0),
      joined: Int32Array.of(9_999_999, 0),
      left: Int32Array.of(NO_DAY, -9_999_999),
      period: { start: day('2024-01-01'), end: day('2024-12-31') },
      lowIncomeLimit: 0,
    });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_DATE', ['joined', 0]],
      ['INVALID_DATE', ['left', 1]],
    ]);
    expect(issues[0].message).toBe('joined[0]: 9999999 is neither NO_DAY nor a day of years 0000–9999');
  });
});

describe('formatIncomeDisclosure', () => {
  const text = formatIncomeDisclosure(incomeDisclosure(tenColumns()));
  const lines = text.split('\n');
  const cells = (label: string): string[] => {
    const line = lines.find((candidate) => candidate.split(/\s{2,}/)[0] === label);
    if (line === undefined) throw new Error(`no line ${label}`);
    return line.split(/\s{2,}/);
  };
  /** The lines of the table whose header starts with `title`, up to the blank line. */
  const table = (title: string): string[] => {
    const start = lines.findIndex((line) => line.startsWith(title));
    const end = lines.indexOf('', start);
    return lines.slice(start, end < 0 ? lines.length : end);
  };

  it('opens with the title and the period', () => {
    expect(lines[0]).toBe('Income disclosure statement');
    expect(lines[1]).toBe('period 2024-01-01 to 2024-12-31; amounts at 2 decimals');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('prints the participants', () => {
    expect(cells('All participants')).toEqual(['All participants', '10', '100.0%']);
    expect(cells('Joined in the period')).toEqual(['Joined in the period', '3', '30.0%']);
    expect(cells('Left in the period')).toEqual(['Left in the period', '2', '20.0%']);
    expect(cells('Still in at the end')).toEqual(['Still in at the end', '8', '80.0%']);
  });

  it('prints percentiles right-aligned with thousands separators', () => {
    const header = ['p10', 'p25', 'median', 'p75', 'p90', 'p99', 'mean', 'total'];
    expect(cells('Income per participant').slice(1)).toEqual(header);
    expect(cells('Gross').slice(1)).toEqual([
      '0.00',
      '100.00',
      '400.00',
      '5,000.00',
      '9,000.00',
      '1,248,000.00',
      '126,485.00',
      '1,264,850.00',
    ]);
    expect(cells('Net of costs').slice(1)).toEqual([
      '-100.00',
      '-50.00',
      '200.00',
      '4,000.00',
      '8,500.00',
      '1,238,000.00',
      '125,195.00',
      '1,251,950.00',
    ]);
    const rows = table('Income per participant');
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.length)).size).toBe(1); // right-aligned: every row ends in the same column
    const p99End = rows[0].indexOf('p99') + 3;
    expect(rows[1].slice(0, p99End).endsWith('1,248,000.00')).toBe(true);
  });

  it('prints shares, concentration, costs and tenure', () => {
    expect(cells('Earning nothing')).toEqual(['Earning nothing', '2', '20.0%']);
    expect(cells('Earning at most 1,000.00')).toEqual(['Earning at most 1,000.00', '6', '60.0%']);
    expect(cells('With a net loss')).toEqual(['With a net loss', '3', '30.0%']);
    expect(cells('Top 1% of earners (1 participant): share')[1]).toBe('98.7%'); // 124,800,000 / 126,485,000
    expect(cells('Top 1% of earners (1 participant): amount')[1]).toBe('1,248,000.00');
    expect(cells('Gini coefficient')).toEqual(['Gini coefficient', '0.895']);
    expect(cells('Total')).toEqual(['Total', '12,900.00']);
    expect(cells('Mean per participant')).toEqual(['Mean per participant', '1,290.00']);
    expect(cells('Participants with a join day')).toEqual(['Participants with a join day', '9']);
    expect(cells('Median')).toEqual(['Median', '730']);
    expect(cells('Mean')).toEqual(['Mean', '1,017.8']);
  });

  it('prints the groups', () => {
    const rows = table('By group');
    expect(rows).toHaveLength(5);
    expect(rows[0].split(/\s{2,}/)).toEqual([
      'By group',
      'participants',
      'share',
      'gross median',
      'gross mean',
      'gross p90',
      'earning 0',
      'at most 1,000.00',
      'net median',
      'net loss',
      'mean costs',
    ]);
    // participants, share, gross median / mean / p90, earning 0, at most 1,000.00, net median, net loss, mean costs
    const gold = ['3', '30.0%', '9,000.00', '420,666.67', '1,248,000.00', '0.0%', '0.0%', '8,500.00', '0.0%'];
    gold.push('3,833.33');
    expect(cells('Gold').slice(1)).toEqual(gold);
    expect(cells('Diamond').slice(1)).toEqual(['0', '0.0%', 'n/a', 'n/a', 'n/a', '0.0%', '0.0%', 'n/a', '0.0%', 'n/a']);
  });

  it('prints n/a for what was not given and no group table without groups', () => {
    const statement = incomeDisclosure({ scale: 0, gross: Float64Array.of(1_500, 0), lowIncomeLimit: 1_000 });
    const bare = formatIncomeDisclosure(statement);
    const bareLines = bare.split('\n');
    const bareCells = (label: string): string[] | undefined =>
      bareLines.find((line) => line.startsWith(label))?.split(/\s{2,}/);
    expect(bareLines[1]).toBe('period not given; amounts at 0 decimals');
    expect(bareCells('Net of costs')?.slice(1)).toEqual(Array(8).fill('n/a'));
    expect(bareCells('Joined in the period')).toEqual(['Joined in the period', 'n/a', 'n/a']);
    expect(bareCells('Gross')?.slice(-2)).toEqual(['750', '1,500']);
    expect(bare).not.toContain('By group');
  });
});

describe('text helpers', () => {
  it('groups thousands', () => {
    expect(groupThousands('1248000.00')).toBe('1,248,000.00');
    expect(groupThousands('-1234')).toBe('-1,234');
    expect(groupThousands('999.5')).toBe('999.5');
    expect(groupThousands('0.00')).toBe('0.00');
    expect(groupThousands('-100000.00')).toBe('-100,000.00');
  });

  it('lays out a table', () => {
    expect(textTable([['', 'count'], ['zero', '7'], ['all', '1,000']])).toBe('      count\nzero      7\nall   1,000');
  });
});

// ------------------------------------------------------------------------------------------------- properties

interface Row {
  gross: number;
  costs: number;
  joined: number;
  left: number;
  group: number;
}

const START = day('2024-01-01');
const END = day('2024-06-30');
const amountArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 500_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX }) },
);
const rowArb: fc.Arbitrary<Row> = fc
  .record({
    gross: amountArb,
    costs: amountArb,
    joined: fc.option(fc.integer({ min: START - 800, max: END }), { nil: NO_DAY, freq: 5 }),
    leaveAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null, freq: 2 }),
    group: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ gross, costs, joined, leaveAfter, group }) => ({
    gross,
    costs,
    joined,
    // A leave day on or after both the join day and the period start.
    left: leaveAfter === null ? NO_DAY : Math.max(joined, START) + leaveAfter,
    group,
  }));

function columnsOf(rows: Row[], labels: string[]): DisclosureColumns {
  return {
    scale: 2,
    gross: Float64Array.from(rows, (row) => row.gross),
    costs: Float64Array.from(rows, (row) => row.costs),
    joined: Int32Array.from(rows, (row) => row.joined),
    left: Int32Array.from(rows, (row) => row.left),
    period: { start: START, end: END },
    groups: { labels, codes: Uint8Array.from(rows, (row) => row.group) },
    lowIncomeLimit: 100_000,
  };
}

const PERCENTS = { p10: 10, p25: 25, median: 50, p75: 75, p90: 90, p99: 99 } as const;
const KEYS = Object.keys(PERCENTS) as (keyof typeof PERCENTS)[];

/** The distribution computed the naive way: bigint values, a comparator sort, integer ranks. */
function naiveDistribution(values: bigint[]): Record<string, string | null> {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = sorted.length;
  const total = values.reduce((sum, value) => sum + value, 0n);
  const show = (value: bigint): string => {
    const negative = value < 0n;
    const digits = (negative ? -value : value).toString().padStart(3, '0');
    return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  };
  const mean = n === 0 ? null : show(roundQuotient(total, BigInt(n), 'half-even'));
  const out: Record<string, string | null> = { total: show(total), mean };
  for (const key of KEYS) {
    const rank = Math.max(1, Math.floor((PERCENTS[key] * n + 99) / 100)); // ceil(k·n/100) in integers
    out[key] = n === 0 ? null : show(sorted[rank - 1]);
  }
  return out;
}

function checkAgainstRows(figures: IncomeFigures, rows: Row[]): void {
  const n = rows.length;
  const gross = rows.map((row) => BigInt(row.gross));
  const net = rows.map((row) => BigInt(row.gross) - BigInt(row.costs));
  expect(figures.population).toBe(n);
  expect(figures.gross).toEqual(naiveDistribution(gross));
  expect(figures.net).toEqual(naiveDistribution(net));
  expect(figures.earningZero.count).toBe(rows.filter((row) => row.gross === 0).length);
  expect(figures.earningAtMost.count).toBe(rows.filter((row) => row.gross <= 100_000).length);
  expect(figures.netLoss?.count).toBe(net.filter((value) => value < 0n).length);
  const costs = rows.reduce((sum, row) => sum + BigInt(row.costs), 0n);
  expect(units(figures.costs?.total ?? '')).toBe(costs);
  // net = gross − costs, exactly, in total.
  expect(units(figures.net?.total ?? '')).toBe(units(figures.gross.total) - costs);
}

describe('incomeDisclosure: properties', () => {
  it('equals a naive computation, for the whole population and for every group', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), (rows) => {
        const labels = ['A', 'B', 'C', 'D'];
        const statement = incomeDisclosure(columnsOf(rows, labels));
        checkAgainstRows(statement, rows);
        labels.forEach((label, g) => {
          const group = statement.byGroup?.[g];
          expect(group?.label).toBe(label);
          checkAgainstRows(group as IncomeFigures, rows.filter((row) => row.group === g));
        });
        expect(statement.byGroup?.reduce((sum, group) => sum + group.population, 0)).toBe(rows.length);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('has monotone percentiles between the minimum and the maximum, shares in [0, 1], Gini in [0, 1)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 120 }), (rows) => {
        const statement = incomeDisclosure(columnsOf(rows, ['A', 'B', 'C', 'D']));
        const min = rows.reduce((m, row) => Math.min(m, row.gross), Infinity);
        const max = rows.reduce((m, row) => Math.max(m, row.gross), -Infinity);
        let previous = BigInt(min);
        for (const key of KEYS) {
          const value = units(statement.gross[key] as string);
          expect(value >= previous).toBe(true);
          expect(value <= BigInt(max)).toBe(true);
          previous = value;
        }
        const net = statement.net as IncomeDistribution;
        for (let k = 1; k < KEYS.length; k++) {
          expect(units(net[KEYS[k - 1]] as string) <= units(net[KEYS[k]] as string)).toBe(true);
        }
        const { earningZero, earningAtMost, netLoss, newMembers, leaving } = statement;
        for (const share of [earningZero, earningAtMost, netLoss, newMembers, leaving]) {
          expect(share?.share).toBeGreaterThanOrEqual(0);
          expect(share?.share).toBeLessThanOrEqual(1);
          expect(share?.share).toBe((share?.count ?? -1) / rows.length);
        }
        expect(statement.gini).toBeGreaterThanOrEqual(0);
        expect(statement.gini).toBeLessThan(1);
        const top = statement.top1Percent;
        expect(top.count).toBe(Math.max(1, Math.ceil(rows.length / 100)));
        expect(top.share).toBeLessThanOrEqual(1);
        if (units(statement.gross.total) > 0n) expect(top.share).toBeGreaterThanOrEqual(0.01);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('gives Gini exactly 0 for equal incomes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 1, max: 300 }), (income, n) => {
        const statement = incomeDisclosure({ scale: 2, gross: new Float64Array(n).fill(income), lowIncomeLimit: 0 });
        expect(statement.gini).toBe(0);
        expect(statement.gross.median).toBe(statement.gross.p99);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('counts movements and tenure like a brute force', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), (rows) => {
        const statement = incomeDisclosure(columnsOf(rows, ['A', 'B', 'C', 'D']));
        const within = (d: number): boolean => d !== NO_DAY && d >= START && d <= END;
        expect(statement.newMembers?.count).toBe(rows.filter((row) => within(row.joined)).length);
        expect(statement.leaving?.count).toBe(rows.filter((row) => within(row.left)).length);
        expect(statement.stillIn?.count).toBe(rows.filter((row) => row.left === NO_DAY || row.left > END).length);
        const tenures = rows
          .filter((row) => row.joined !== NO_DAY)
          .map((row) => Math.min(END, row.left === NO_DAY ? END : row.left) - row.joined)
          .sort((a, b) => a - b);
        const count = tenures.length;
        expect(statement.tenureDays).toEqual({
          count,
          median: count === 0 ? null : tenures[Math.max(1, Math.ceil(count / 2)) - 1],
          mean: count === 0 ? null : tenures.reduce((sum, t) => sum + t, 0) / count,
        });
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
