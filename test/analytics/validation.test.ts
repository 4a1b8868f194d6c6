import { describe, expect, it } from 'vitest';
import { type ChannelKpisInput, channelKpis, safeChannelKpis } from '../../src/analytics';
import { DownlineError, ErrorCode, type Issue } from '../../src/errors';
import { NOVEMBER, OCTOBER, QUARTER } from './fixtures';

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeChannelKpis(input as ChannelKpisInput);
  if (result.success) throw new Error('expected the input to be refused');
  return result.error.issues;
}

/** The input with one field of one period replaced (`undefined` deletes it). */
function withPeriodField(p: number, key: string, value: unknown): ChannelKpisInput {
  const periods = QUARTER.map((period, q) => {
    if (q !== p) return period;
    const copy: Record<string, unknown> = { ...period };
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  });
  return { periods } as unknown as ChannelKpisInput;
}

/** The input with one field of one member record of period `p` replaced. */
function withMemberField(p: number, id: string, key: string, value: unknown): ChannelKpisInput {
  const periods = QUARTER.map((period, q) =>
    q !== p ? period : { ...period, members: Array.from(period.members, (m) => (m.id === id ? { ...m, [key]: value } : m)) },
  );
  return { periods } as unknown as ChannelKpisInput;
}

describe('channelKpis options', () => {
  it.each([
    ['input not an object', null, [], 'channel KPIs: the input must be an object { periods, … }'],
    ['periods missing', {}, ['periods'], 'options: periods must be a non-empty array of periods, oldest first'],
    ['periods empty', { periods: [] }, ['periods'], 'options: periods must be a non-empty array of periods, oldest first'],
    ['scale above 12', { periods: QUARTER, scale: 13 }, ['scale'], 'options: scale must be an integer from 0 to 12, got 13'],
    ['scale fractional', { periods: QUARTER, scale: 1.5 }, ['scale'], 'options: scale must be an integer from 0 to 12, got 1.5'],
    [
      'grossMargin a number',
      { periods: QUARTER, grossMargin: 0.6 },
      ['grossMargin'],
      'options: grossMargin must be a decimal string from "0" to "1" with at most 12 decimals (like "0.6"), got 0.6',
    ],
    [
      'grossMargin above 1',
      { periods: QUARTER, grossMargin: '1.5' },
      ['grossMargin'],
      'options: grossMargin must be a decimal string from "0" to "1" with at most 12 decimals (like "0.6"), got "1.5"',
    ],
    [
      'grossMargin negative',
      { periods: QUARTER, grossMargin: '-0.1' },
      ['grossMargin'],
      'options: grossMargin must be a decimal string from "0" to "1" with at most 12 decimals (like "0.6"), got "-0.1"',
    ],
    [
      'regularAfter 1',
      { periods: QUARTER, regularAfter: 1 },
      ['regularAfter'],
      'options: regularAfter must be an integer of at least 2 (periods with an order), got 1',
    ],
    [
      'maxLifetime 0',
      { periods: QUARTER, maxLifetime: 0 },
      ['maxLifetime'],
      'options: maxLifetime must be an integer of at least 1 (periods), got 0',
    ],
  ])('%s', (_name, input, path, message) => {
    expect(issuesOf(input)).toEqual([{ code: ErrorCode.InvalidOptions, path, message }]);
  });

  it('reports every bad option at once', () => {
    const issues = issuesOf({ periods: QUARTER, scale: -1, grossMargin: 'most', regularAfter: 'two', maxLifetime: 2.5 });
    expect(issues.map((i) => i.path[0])).toEqual(['scale', 'grossMargin', 'regularAfter', 'maxLifetime']);
  });

  it('with a bad scale, still checks what does not depend on it', () => {
    const issues = issuesOf({ ...withPeriodField(1, 'end', '2026-02-30'), scale: 99 });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      [ErrorCode.InvalidOptions, ['scale']],
      [ErrorCode.InvalidDate, ['periods', 1, 'end']],
    ]);
  });
});

describe('channelKpis periods', () => {
  it.each([
    [
      'a period that is not an object',
      { periods: [OCTOBER, 'november'] },
      ErrorCode.InvalidRecord,
      ['periods', 1],
      'period #1: must be an object with label, start, end, members, orders and commissions',
    ],
    ['label missing', withPeriodField(0, 'label', undefined), ErrorCode.InvalidRecord, ['periods', 0, 'label'], 'period #0: label must be a non-empty string'],
    ['label empty', withPeriodField(0, 'label', ''), ErrorCode.InvalidRecord, ['periods', 0, 'label'], 'period #0: label must be a non-empty string'],
    [
      'label repeated',
      withPeriodField(2, 'label', '2026-10'),
      ErrorCode.InvalidRecord,
      ['periods', 2, 'label'],
      'period "2026-10": duplicate label (first at #0)',
    ],
    [
      'start not a date',
      withPeriodField(0, 'start', '2026-10-32'),
      ErrorCode.InvalidDate,
      ['periods', 0, 'start'],
      'period "2026-10": start "2026-10-32" is not an ISO date: give YYYY-MM-DD',
    ],
    ['end missing', withPeriodField(2, 'end', undefined), ErrorCode.InvalidDate, ['periods', 2, 'end'], 'period "2026-12": end is missing: give YYYY-MM-DD'],
    [
      'end before start',
      withPeriodField(0, 'end', '2026-09-30'),
      ErrorCode.InvalidDate,
      ['periods', 0, 'end'],
      'period "2026-10": end 2026-09-30 is before start 2026-10-01',
    ],
    [
      'periods overlapping',
      withPeriodField(1, 'start', '2026-10-31'),
      ErrorCode.InvalidDate,
      ['periods', 1, 'start'],
      'period "2026-11": start 2026-10-31 is not after the end of the previous period "2026-10" (2026-10-31); give periods oldest first, without overlap',
    ],
    [
      'commissions missing',
      withPeriodField(1, 'commissions', undefined),
      ErrorCode.InvalidAmount,
      ['periods', 1, 'commissions'],
      'period "2026-11": commissions is missing: give a decimal string (like "1250.00") or integer minor units',
    ],
    [
      'commissions in exponent form',
      withPeriodField(1, 'commissions', '5e3'),
      ErrorCode.InvalidAmount,
      ['periods', 1, 'commissions'],
      'period "2026-11": commissions "5e3" must be a decimal string (like "1250.00") or a safe integer of minor units',
    ],
    [
      'commissions a float',
      withPeriodField(1, 'commissions', 52.5),
      ErrorCode.InvalidAmount,
      ['periods', 1, 'commissions'],
      'period "2026-11": commissions 52.5 is a fractional number: give a decimal string or integer minor units',
    ],
    [
      'commissions negative',
      withPeriodField(1, 'commissions', '-52.00'),
      ErrorCode.NegativeAmount,
      ['periods', 1, 'commissions'],
      'period "2026-11": commissions "-52.00" is negative',
    ],
    [
      'channelCosts with too many decimals',
      withPeriodField(0, 'channelCosts', '140.001'),
      ErrorCode.TooManyDecimals,
      ['periods', 0, 'channelCosts'],
      'period "2026-10": channelCosts "140.001" has more decimals than the scale (2)',
    ],
    [
      'channelCosts not a decimal string',
      withPeriodField(0, 'channelCosts', 'lots'),
      ErrorCode.InvalidAmount,
      ['periods', 0, 'channelCosts'],
      'period "2026-10": channelCosts "lots" must be a decimal string (like "1250.00") or a safe integer of minor units',
    ],
    [
      'channelCosts null',
      withPeriodField(0, 'channelCosts', null),
      ErrorCode.InvalidAmount,
      ['periods', 0, 'channelCosts'],
      'period "2026-10": channelCosts null must be a decimal string (like "1250.00") or a safe integer of minor units',
    ],
    [
      'members not an array',
      withPeriodField(0, 'members', 'everyone'),
      ErrorCode.InvalidRecord,
      ['periods', 0, 'members'],
      'period "2026-10": members must be an array of member records',
    ],
    [
      'orders missing',
      withPeriodField(2, 'orders', undefined),
      ErrorCode.InvalidRecord,
      ['periods', 2, 'orders'],
      'period "2026-12": orders must be an array of order records',
    ],
  ])('%s', (_name, input, code, path, message) => {
    expect(issuesOf(input)).toEqual([{ code, path, message }]);
  });
});

describe('channelKpis member records', () => {
  // The genealogy may come to check roles and dates itself: each field is then reported once, by it. So these
  // tests pin the code, the path and the names in the message, not the rest of its wording.
  it.each([
    ['a role that is neither', 0, 'c1', 'role', 'boss', ErrorCode.InvalidMember, 'role'],
    ['a joinedOn that is not a date', 1, 'c5', 'joinedOn', '2026-02-30', ErrorCode.InvalidDate, 'joinedOn'],
    ['a joinedOn that is a number', 1, 'c5', 'joinedOn', 20261108, ErrorCode.InvalidDate, 'joinedOn'],
    ['a leftOn that is not a date', 2, 'c9', 'leftOn', '20-11-2026', ErrorCode.InvalidDate, 'leftOn'],
    ['a leftOn before joinedOn', 2, 'c9', 'leftOn', '2026-10-01', ErrorCode.InvalidDate, 'leftOn'],
  ])('%s', (_name, p, id, key, value, code, field) => {
    const issues = issuesOf(withMemberField(p, id, key, value));
    expect(issues).toHaveLength(1);
    const position = Array.from(QUARTER[p].members).findIndex((m) => m.id === id);
    expect(issues[0].code).toBe(code);
    expect(issues[0].path).toEqual(['periods', p, 'members', position, field]);
    expect(issues[0].message).toContain(`period "${QUARTER[p].label}"`);
    expect(issues[0].message).toContain(`"${id}"`);
  });

  it('names the member and the field', () => {
    expect(issuesOf(withMemberField(2, 'c9', 'leftOn', '2026-10-01'))[0].message).toContain('leftOn 2026-10-01 is before joinedOn 2026-10-30');
    expect(issuesOf(withMemberField(0, 'c1', 'role', 'boss'))[0].message).toContain('role');
  });

  it('accepts null for an unknown date', () => {
    expect(safeChannelKpis(withMemberField(0, 'c1', 'joinedOn', null)).success).toBe(true);
  });

  it('passes on the genealogy issues, naming the period', () => {
    const issues = issuesOf(withMemberField(1, 'c5', 'sponsorId', 'Z'));
    expect(issues).toEqual([
      {
        code: ErrorCode.UnknownSponsor,
        path: ['periods', 1, 'members', 7, 'sponsorId'],
        message: 'period "2026-11": member "c5": unknown sponsor "Z"',
      },
    ]);
  });
});

describe('channelKpis orders', () => {
  it('passes on the order issues, naming the period', () => {
    const orders = [...Array.from(NOVEMBER.orders), { id: 'p7', affiliateId: 'M99', amount: '1.00', kind: 'retail' }];
    const issues = issuesOf({ periods: [OCTOBER, { ...NOVEMBER, orders }] });
    expect(issues).toEqual([
      {
        code: ErrorCode.UnknownAffiliate,
        path: ['periods', 1, 'orders', 6, 'affiliateId'],
        message: 'period "2026-11": order "p7": unknown affiliate "M99"',
      },
    ]);
  });

  it('reads order amounts at the input scale', () => {
    const issues = issuesOf({ periods: QUARTER, scale: 1 });
    // 140.00 has two decimals: refused at scale 1, like every order amount with two decimals
    expect(issues.every((i) => i.code === ErrorCode.TooManyDecimals)).toBe(true);
    expect(issues.some((i) => i.path.join('.') === 'periods.0.orders.0.amount')).toBe(true);
    expect(issues.some((i) => i.path.join('.') === 'periods.0.commissions')).toBe(true);
  });
});

describe('all problems at once', () => {
  const input = {
    periods: [
      { ...OCTOBER, channelCosts: 'lots' },
      { ...NOVEMBER, start: '2026-10-15', members: [...Array.from(NOVEMBER.members), { id: 'A', sponsorId: null }] },
      { ...QUARTER[2], orders: [{ id: 'q1', affiliateId: 'c1', amount: '-1', kind: 'retail' }] },
    ],
    regularAfter: 0,
  };

  it('throws one DownlineError listing every issue of every period, in order', () => {
    let caught: unknown;
    try {
      channelKpis(input as unknown as ChannelKpisInput);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DownlineError);
    const error = caught as DownlineError;
    expect(error.code).toBe(ErrorCode.InvalidOptions);
    expect(error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      [ErrorCode.InvalidOptions, 'regularAfter'],
      [ErrorCode.InvalidAmount, 'periods.0.channelCosts'],
      [ErrorCode.InvalidDate, 'periods.1.start'],
      [ErrorCode.DuplicateMember, 'periods.1.members.10.id'],
      [ErrorCode.NegativeAmount, 'periods.2.orders.0.amount'],
    ]);
    expect(error.message).toContain('5 problems found');
  });

  it('safeChannelKpis returns the same error', () => {
    const result = safeChannelKpis(input as unknown as ChannelKpisInput);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues).toHaveLength(5);
  });
});
