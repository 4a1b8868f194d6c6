import { describe, expect, it } from 'vitest';
import { simulateGrowth } from '../../src/simulate';

const SMALL = { periods: 8, founders: 5, marketSize: 2_000, recruitRate: 1.6 } as const;

describe('simulateGrowth is deterministic', () => {
  it('gives the identical report for the same seed, twice', () => {
    const a = simulateGrowth({ ...SMALL, seed: 11 });
    const b = simulateGrowth({ ...SMALL, seed: 11 });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives a different report for a different seed', () => {
    const a = simulateGrowth({ ...SMALL, seed: 11 });
    const b = simulateGrowth({ ...SMALL, seed: 12 });
    expect(b.periods.map((p) => p.joined)).not.toEqual(a.periods.map((p) => p.joined));
    expect(b.overall.payouts).not.toBe(a.overall.payouts);
  });

  it('draws the same network and orders whatever the plan, so plans compare on the same people', () => {
    const unilevel = simulateGrowth({ ...SMALL, seed: 3, plan: { levels: ['0.10', '0.05'] } });
    const fastStart = simulateGrowth({ ...SMALL, seed: 3, plan: { levels: ['0.02', '0.01'], fastStart: ['30'], minPersonalVolume: '100' } });
    const shape = (r: typeof unilevel) => r.periods.map(({ joined, recruited, active, left, members, sales }) => ({ joined, recruited, active, left, members, sales }));
    expect(shape(fastStart)).toEqual(shape(unilevel));
    expect(fastStart.overall.income.shares.recruiting).toBeGreaterThan(unilevel.overall.income.shares.recruiting);
  });

  it('uses neither Math.random nor the clock', () => {
    const random = Math.random;
    const now = Date.now;
    Math.random = () => {
      throw new Error('Math.random called');
    };
    Date.now = () => {
      throw new Error('Date.now called');
    };
    try {
      expect(simulateGrowth({ ...SMALL, periods: 3 }).periods).toHaveLength(3);
    } finally {
      Math.random = random;
      Date.now = now;
    }
  });
});
