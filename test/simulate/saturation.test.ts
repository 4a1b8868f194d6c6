import { describe, expect, it } from 'vitest';
import { simulateGrowth } from '../../src/simulate';
import { findSaturation } from '../../src/simulate/find-saturation';

describe('saturation', () => {
  it('comes earlier in a smaller market (same seed, same people)', () => {
    for (const seed of [1, 2, 3]) {
      const options = { seed, periods: 16, founders: 10, recruitRate: 1.5, dropout: 0.15 };
      const small = simulateGrowth({ ...options, marketSize: 500 });
      const large = simulateGrowth({ ...options, marketSize: 10_000 });
      expect(small.saturation.period).not.toBeNull();
      expect(large.saturation.period).not.toBeNull();
      expect(small.saturation.period as number).toBeLessThan(large.saturation.period as number);
    }
  });

  it('recruiting slows as the market fills: recruits per active member fall once half the market has joined', () => {
    const report = simulateGrowth({ seed: 5, periods: 14, founders: 20, marketSize: 5_000, recruitRate: 1.5 });
    const rate = (t: number) => report.periods[t].recruited / report.periods[t - 1].active;
    const half = report.periods.findIndex((p) => p.members >= 2_500);
    expect(half).toBeGreaterThan(1);
    expect(rate(half + 1)).toBeLessThan(rate(2));
    expect(report.periods.at(-1)?.members).toBeLessThanOrEqual(5_000);
  });

  it('is the first period with the market 95% exhausted', () => {
    const s = findSaturation({ recruited: [10, 50, 80, 40], members: [20, 70, 150, 190], marketSize: 200, fraction: 0.1, exhaustedShare: 0.95 });
    expect(s).toMatchObject({ period: 4, reason: 'market-exhausted', peakPeriod: 3, peakRecruits: 80 });
    expect(s.explanation).toBe('period 4: the market is exhausted, 190 of 200 joined (95.0%, at least 95.0%)');
  });

  it('or else the first period whose recruits fall below the fraction of the peak so far', () => {
    const s = findSaturation({ recruited: [12, 40, 90, 30, 6], members: [22, 62, 152, 182, 188], marketSize: 1_000, fraction: 0.1, exhaustedShare: 0.95 });
    expect(s).toMatchObject({ period: 5, reason: 'recruiting-slowed', peakPeriod: 3, peakRecruits: 90 });
    expect(s.explanation).toBe('period 5: recruiting slowed to 6 recruits, below 10.0% of the peak so far (90); 188 of 1,000 joined');
  });

  it('is null while the network keeps growing, or when nobody is recruited', () => {
    expect(findSaturation({ recruited: [5, 10, 20], members: [15, 25, 45], marketSize: 1_000, fraction: 0.1, exhaustedShare: 0.95 }).period).toBeNull();
    const none = findSaturation({ recruited: [0, 0], members: [3, 3], marketSize: 1_000, fraction: 0.1, exhaustedShare: 0.95 });
    expect(none).toMatchObject({ period: null, reason: null, peakPeriod: null, peakRecruits: 0 });
    expect(none.explanation).toBe('no saturation: nobody was recruited');
  });
});
