import { describe, expect, it } from 'vitest';
import { formatSimulation, simulateGrowth } from '../../src/simulate';

describe('formatSimulation', () => {
  it('prints the settings, a row per period and one for all periods, and the saturation finding', () => {
    const report = simulateGrowth({ seed: 2, periods: 4, founders: 3, marketSize: 200 });
    const text = formatSimulation(report);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Growth simulation: seed 2, 4 periods, 3 founders, market 200');
    expect(lines[3]).toMatch(/^period\s+joined\s+active\s+left\s+members\s+payouts\s+forfeited\s+profit\s+loss\s+Gini\s+top 1%\s+recruiting\s+retail$/);
    expect(lines[4]).toMatch(/^1\s+\d+\s+\d+/);
    expect(lines[8]).toMatch(new RegExp(`^all\\s+${report.overall.joined}\\s`));
    expect(lines[8]).toContain(report.overall.payouts.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    expect(text).toContain(`Saturation: ${report.saturation.explanation}.`);
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('size', () => {
  it('runs 10 periods of 10,000 members (the whole market joins)', () => {
    const report = simulateGrowth({ seed: 9, periods: 10, founders: 100, marketSize: 10_000, recruitRate: 3 });
    expect(report.overall.joined).toBe(10_000);
    expect(report.saturation.reason).toBe('market-exhausted');
    expect(report.periods.at(-1)?.members).toBe(10_000);
  });
});
