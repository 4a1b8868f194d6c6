/**
 * The histogram bins and the Lorenz curve of the report: hand examples, and properties on random incomes
 * (every participant in exactly one bin, the curve from (0,0) to (1,1), rising, under the diagonal, and for up to 100
 * participants its area giving exactly the disclosure's Gini coefficient).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incomeBins, lorenzCurve } from '../../src';
import { gini, sortedAscending } from '../../src/compliance/statistics';

const incomes = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 2 ** 45 })), { maxLength: 400 });

describe('incomeBins', () => {
  it('bins by powers of ten of the currency unit, empty bins kept up to the largest income', () => {
    expect(incomeBins(Float64Array.of(0, 0, 50, 1_500, 250_000), 2).map((bin) => `${bin.label}:${bin.count}`)).toEqual([
      '0:2',
      'under 1:1',
      '1–10:0',
      '10–100:1',
      '100–1k:0',
      '1k–10k:1',
    ]);
    expect(incomeBins(Float64Array.of(0, 1, 9, 10, 10_000_000), 0).map((bin) => `${bin.label}:${bin.count}`)).toEqual([
      '0:1',
      '1–10:2',
      '10–100:1',
      '100–1k:0',
      '1k–10k:0',
      '10k–100k:0',
      '100k–1M:0',
      '1M–10M:0',
      '10M–100M:1',
    ]);
    expect(incomeBins(new Float64Array(0), 2)).toEqual([{ label: '0', from: 0, to: 1, count: 0 }]);
  });

  it('puts every participant in exactly the bin whose range holds their income', () => {
    fc.assert(
      fc.property(incomes, fc.integer({ min: 0, max: 4 }), (values, scale) => {
        const sorted = sortedAscending(Float64Array.from(values));
        const bins = incomeBins(sorted, scale);
        expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.length);
        for (const bin of bins) {
          const inside = values.filter((v) => v >= bin.from && v < bin.to).length;
          expect(inside).toBe(bin.count);
        }
        // the last bin holds the largest income
        if (values.some((v) => v > 0)) expect(bins[bins.length - 1].count).toBeGreaterThan(0);
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});

describe('lorenzCurve', () => {
  it('one point per participant below 100, the diagonal when nobody earned anything', () => {
    expect(lorenzCurve(Float64Array.of(0, 0, 0, 100))).toEqual([
      { population: 0, income: 0 },
      { population: 0.25, income: 0 },
      { population: 0.5, income: 0 },
      { population: 0.75, income: 0 },
      { population: 1, income: 1 },
    ]);
    expect(lorenzCurve(Float64Array.of(0, 0)).map((p) => p.income)).toEqual([0, 0.5, 1]);
    expect(lorenzCurve(new Float64Array(0))).toEqual([
      { population: 0, income: 0 },
      { population: 1, income: 1 },
    ]);
  });

  it('rises from (0,0) to (1,1), never above the diagonal; its area gives the Gini coefficient', () => {
    fc.assert(
      fc.property(incomes, (values) => {
        const sorted = sortedAscending(Float64Array.from(values));
        const points = lorenzCurve(sorted);
        expect(points.length).toBe(Math.min(100, Math.max(1, values.length)) + 1);
        expect(points[0]).toEqual({ population: 0, income: 0 });
        expect(points[points.length - 1]).toEqual({ population: 1, income: 1 });
        for (let k = 1; k < points.length; k++) {
          expect(points[k].population).toBeGreaterThan(points[k - 1].population);
          expect(points[k].income).toBeGreaterThanOrEqual(points[k - 1].income);
          expect(points[k].income).toBeLessThanOrEqual(points[k].population + 1e-6);
        }
        if (values.length >= 2 && values.length <= 100 && values.some((v) => v > 0)) {
          let area = 0;
          for (let k = 1; k < points.length; k++) area += ((points[k].population - points[k - 1].population) * (points[k].income + points[k - 1].income)) / 2;
          expect(1 - 2 * area).toBeCloseTo(gini(sorted), 5);
        }
      }),
      { seed: 32, numRuns: 300 },
    );
  });
});
