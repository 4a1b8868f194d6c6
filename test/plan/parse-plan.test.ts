import { describe, expect, it } from 'vitest';
import { DownlineError, ErrorCode } from '../../src/errors';
import { parsePlan, safeParsePlan } from '../../src/plan';

function issuesOf(input: unknown) {
  const result = safeParsePlan(input);
  if (result.success) throw new Error('expected the plan to be refused');
  return result.error.issues;
}

describe('parsePlan', () => {
  it('fills defaults and normalizes decimals', () => {
    expect(parsePlan({ levels: ['0.10', '0.050', '0.02'], minPersonalVolume: '50' })).toEqual({
      levels: ['0.1', '0.05', '0.02'],
      minPersonalVolume: '50.00',
      compression: 'none',
      rounding: 'half-even',
      scale: 2,
      commissionable: ['retail', 'personal'],
      allowRateSumAboveOne: false,
      directSale: '0',
      fastStart: [],
      ranks: [],
      breakaway: null,
      matching: null,
      pools: [],
      binary: null,
      retailProfit: null,
      caps: null,
      version: null,
      payoutThreshold: '0.00',
      leaverBalance: 'pay',
      refundWindow: null,
    });
  });
  it('is idempotent and returns frozen data', () => {
    const plan = parsePlan({ levels: ['0.1', '0.05'], compression: 'dynamic', scale: 6, rounding: 'down' });
    expect(parsePlan(plan)).toEqual(plan);
    expect(Object.isFrozen(plan) && Object.isFrozen(plan.levels)).toBe(true);
  });
  it('quotes the path of a ninth level', () => {
    const issues = issuesOf({ levels: Array(9).fill('0.01') });
    expect(issues).toEqual([
      { code: ErrorCode.InvalidPlan, path: ['levels', 8], message: 'plan levels[8]: at most 8 levels' },
    ]);
  });
  it('refuses fewer than two levels', () => {
    expect(issuesOf({ levels: ['0.1'] })[0]).toMatchObject({ path: ['levels'], message: 'plan levels: at least 2 levels' });
  });
  it('collects every problem at once, each with its path', () => {
    const issues = issuesOf({
      levels: ['1e-2', 0.1, '1.5', '0.1234567'],
      compression: 'static',
      rounding: 'bankers',
      scale: 1.5,
      commissionable: ['retail', 'gift'],
      extra: true,
    });
    expect(issues.every((issue) => issue.code === ErrorCode.InvalidPlan)).toBe(true);
    expect(issues.map((issue) => issue.path)).toEqual([
      ['levels', 0],
      ['levels', 1],
      ['levels', 2],
      ['levels', 3],
      ['compression'],
      ['rounding'],
      ['scale'],
      ['commissionable', 1],
      [],
    ]);
    expect(issues[2].message).toBe('plan levels[2]: a level rate is at most 1, got "1.5"');
    expect(issues[3].message).toBe('plan levels[3]: a level rate has at most 6 decimals, got "0.1234567"');
  });
  it('refuses a minimum volume finer than the currency', () => {
    expect(issuesOf({ levels: ['0.1', '0.1'], minPersonalVolume: '1.234' })[0]).toMatchObject({
      path: ['minPersonalVolume'],
    });
  });
  it('refuses rates above 1 in total unless allowed', () => {
    expect(() => parsePlan({ levels: ['0.6', '0.5'] })).toThrow(DownlineError);
    expect(issuesOf({ levels: ['0.6', '0.5'] })[0]).toMatchObject({
      code: ErrorCode.RatesExceedOne,
      message: 'plan levels: rates add up to 1.1, more than 1; set allowRateSumAboveOne to allow it',
    });
    expect(parsePlan({ levels: ['0.6', '0.5'], allowRateSumAboveOne: true }).levels).toEqual(['0.6', '0.5']);
    expect(parsePlan({ levels: ['0.5', '0.5'] }).levels).toEqual(['0.5', '0.5']);
  });
  it('refuses what is not an object', () => {
    expect(issuesOf(null)[0]).toMatchObject({ code: ErrorCode.InvalidPlan, path: [] });
    expect(issuesOf('plan')[0].message).toMatch(/^plan: /);
  });
});
