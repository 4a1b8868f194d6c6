import { describe, expect, it } from 'vitest';
import { DownlineError, ErrorCode } from '../../src';
import { simulateGrowth, type SimulationOptions } from '../../src/simulate';

function issuesOf(options: unknown) {
  try {
    simulateGrowth(options as SimulationOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(DownlineError);
    return (error as DownlineError).issues;
  }
  throw new Error('expected a DownlineError');
}

describe('simulateGrowth option validation', () => {
  it('names the option, with its path, in an INVALID_OPTIONS issue', () => {
    const [issue] = issuesOf({ recruitRate: -1 });
    expect(issue).toEqual({ code: ErrorCode.InvalidOptions, path: ['options', 'recruitRate'], message: 'options.recruitRate: must be between 0 and 20' });
    expect(issuesOf({ dropout: 1.5 })[0].message).toBe('options.dropout: must be between 0 and 1');
    expect(issuesOf({ periods: 2.5 })[0].message).toBe('options.periods: must be an integer between 1 and 120');
    expect(issuesOf({ activity: Number.NaN })[0].message).toBe('options.activity: must be between 0 and 1');
    expect(issuesOf({ purchase: 100 })[0].message).toBe('options.purchase: must be a non-negative decimal string like "100.00"');
  });

  it('reports every problem at once, plan problems with the plan\'s own codes', () => {
    const issues = issuesOf({ seed: -1, founders: 0, retailShare: 2, joiningFee: '4.9e1', plan: { levels: ['0.1'] } });
    expect(issues.map((i) => i.path)).toEqual([
      ['options', 'seed'],
      ['options', 'founders'],
      ['options', 'retailShare'],
      ['options', 'joiningFee'],
      ['options', 'plan', 'levels'],
    ]);
    expect(issues[4].code).toBe(ErrorCode.InvalidPlan);
    expect(issues[4].message).toMatch(/^options\.plan levels: /);
  });

  it('refuses more founders than the market, amounts finer than the plan, binary plans and unknown options', () => {
    expect(issuesOf({ founders: 20, marketSize: 10 })[0].message).toBe('options.marketSize: must be at least founders (20), got 10');
    expect(issuesOf({ purchase: '10.005' })[0].message).toBe('options.purchase: at most 2 decimals (the plan\'s scale), got "10.005"');
    expect(simulateGrowth({ purchase: '10.005', periods: 1, plan: { levels: ['0.1', '0.05'], scale: 3 } }).periods).toHaveLength(1);
    const binary = issuesOf({ plan: { levels: ['0.1', '0.05'], binary: { pairVolume: '100', pairAmount: '10' } } });
    expect(binary[0]).toMatchObject({ code: ErrorCode.InvalidOptions, path: ['options', 'plan', 'binary'] });
    expect(issuesOf({ recruitmentRate: 1 })[0]).toMatchObject({ code: ErrorCode.InvalidOptions, path: ['options'] });
    expect(issuesOf(null)[0]).toMatchObject({ code: ErrorCode.InvalidOptions, path: ['options'], message: 'options: must be an object of simulation options' });
  });
});
