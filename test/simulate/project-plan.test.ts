import { describe, expect, it } from 'vitest';
import { DownlineError, ErrorCode } from '../../src';
import { projectPlan } from '../../src/simulate';

describe('projectPlan: DESIGN §9, everyone recruits 5 down 5 levels, 1% per level on 500 each', () => {
  const projection = projectPlan({ recruitsEach: 5, levels: 5, rate: '0.01', orderAmount: '500' });

  it('counts 3,905 people below the top and pays the top 19,525.00, through the engine', () => {
    expect(projection.people).toBe(3905); // 5 + 25 + 125 + 625 + 3125
    expect(projection.paidToTop).toBe('19525.00'); // 3,905 × 500 × 1%
    expect(projection.volume).toBe('1952500.00');
  });

  it('explains the top payout level by level', () => {
    expect(projection.byLevel).toEqual([
      { level: 1, people: 5, volume: '2500.00', paid: '25.00' },
      { level: 2, people: 25, volume: '12500.00', paid: '125.00' },
      { level: 3, people: 125, volume: '62500.00', paid: '625.00' },
      { level: 4, people: 625, volume: '312500.00', paid: '3125.00' },
      { level: 5, people: 3125, volume: '1562500.00', paid: '15625.00' },
    ]);
  });

  it('keeps the engine totals consistent: the levels above the top are breakage', () => {
    const { potential, paid, breakage, payouts, residual } = projection.totals;
    expect(potential).toBe('97625.00'); // 1,952,500 × 5%
    expect(Number(paid) + Number(breakage)).toBe(Number(potential)); // small integers: exact in doubles
    expect(payouts).toBe(paid);
    expect(residual).toBe('0.00');
  });

  it('works for other shapes: 2 recruits, 3 levels, 10% / level on 100', () => {
    const small = projectPlan({ recruitsEach: 2, levels: 3, rate: '0.1', orderAmount: '100.00' });
    expect(small.people).toBe(14);
    expect(small.paidToTop).toBe('140.00');
  });

  it('refuses bad options with INVALID_OPTIONS issues naming each option', () => {
    const bad = () => projectPlan({ recruitsEach: 0, levels: 9, rate: '1%', orderAmount: '-5' });
    expect(bad).toThrow(DownlineError);
    try {
      bad();
    } catch (error) {
      const issues = (error as DownlineError).issues;
      expect(issues.every((i) => i.code === ErrorCode.InvalidOptions)).toBe(true);
      expect(issues.map((i) => i.path)).toEqual([
        ['options', 'recruitsEach'],
        ['options', 'levels'],
        ['options', 'rate'],
        ['options', 'orderAmount'],
      ]);
      expect(issues[1].message).toBe('options.levels: must be an integer between 2 and 8');
    }
    expect(() => projectPlan({ recruitsEach: 5, levels: 5, rate: '0.3', orderAmount: '1' })).toThrow('options.rate: 5 levels of 0.3 add up to more than 1');
    expect(() => projectPlan({ recruitsEach: 100, levels: 8, rate: '0.01', orderAmount: '1' })).toThrow(/options\.recruitsEach: .*2,000,000 members/);
    expect(() => projectPlan({ recruitsEach: 5, levels: 5, rate: '0.01', orderAmount: '1.005' })).toThrow('options.orderAmount: at most 2 decimals');
  });
});
