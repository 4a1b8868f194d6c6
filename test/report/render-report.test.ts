/**
 * The HTML report as a string: self-contained (no script, no request), deterministic, escaped, with one mark
 * per bar in each chart and the figures of the engine (levels, ranks, top earners) as computed; options and
 * periods validated with every problem at once. The page in a real browser: report-browser.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimals, computeCommissions, DownlineError, ErrorCode, Genealogy, groupThousands, renderReport, reportData } from '../../src';
import { ExactColumn } from '../../src/money/exact-column';
import { barChart } from '../../src/report/bar-chart';
import { compactAmount } from '../../src/report/compact-amount';
import { topIndexes } from '../../src/report/top-earners';
import { reportPeriod } from './report-fixture';

const period = reportPeriod();

/** The marks of one chart: its `<rect class="mark">` / `<path class="mark …">` elements. */
function marks(html: string, chart: string): number {
  const start = html.indexOf(`<svg class="chart" data-chart="${chart}"`);
  if (start < 0) return -1;
  const svg = html.slice(start, html.indexOf('</svg>', start));
  return (svg.match(/class="mark[" ]/g) ?? []).length;
}

describe('renderReport', () => {
  const html = renderReport(period, { title: 'October 2026' });
  const data = reportData(period);

  it('is one self-contained page: no script, no external resource, a policy forbidding every request', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    const urls = html.match(/https?:\/\/[^\s"')<]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });

  it('gives the same bytes for the same period and options', () => {
    expect(renderReport(period, { title: 'October 2026' })).toBe(html);
    expect(renderReport(reportPeriod(), { title: 'October 2026' })).toBe(html);
  });

  it('draws one mark per level, per rank (and "no rank"), per income bin, and one Lorenz curve', () => {
    expect(marks(html, 'levels')).toBe(8);
    expect(marks(html, 'ranks')).toBe(3);
    expect(marks(html, 'histogram')).toBe(data.bins.length);
    expect(data.bins.length).toBeGreaterThan(3);
    expect(marks(html, 'lorenz')).toBe(1);
  });

  it('shows the engine figures: the totals, what each level paid, each rank, the Gini and every indicator', () => {
    const { totals } = period.result;
    expect(html).toContain(groupThousands(totals.payouts));
    // exact amounts shown at the exact decimals (scale 2 + rate decimals 2), so the columns line up
    for (const level of period.result.levels()) {
      const shown = `<td class="num">${groupThousands(level.paid.padEnd(level.paid.indexOf('.') + 5, '0'))}</td>`;
      expect(html.includes(shown), shown).toBe(true);
    }
    expect(data.levels.map((level) => level.paid.text)).toEqual(period.result.levels().map((level) => level.paid));
    expect(data.ranks?.map((rank) => rank.rank)).toEqual(['no rank', 'Silver', 'Gold']);
    expect(data.ranks?.reduce((sum, rank) => sum + rank.members, 0)).toBe(400);
    expect(html).toContain(`Gini ${data.disclosure.gini.toFixed(3)}`);
    for (const indicator of data.assessment.indicators) expect(html).toContain(`<tr><td>${indicator.id}</td><td>`);
    for (const flag of data.assessment.flags) expect(html).toContain(flag.threshold.source.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
  });

  it('ranks by paid-as rank add up to the exact paid total', () => {
    const paid = data.ranks?.reduce((sum, rank) => sum + rank.paid.units, 0n);
    const exact = data.totals.paid.replace('.', '');
    expect(String(paid)).toBe(exact.replace(/^0+(?=\d)/, ''));
  });

  it('lists the top earners, best paid first, with their payouts and explanations', () => {
    const payees = period.result.payouts().sort((a, b) => compareDecimals(b.amount, a.amount));
    expect(data.top.length).toBe(10);
    expect(data.top.map((top) => top.payout)).toEqual(payees.slice(0, 10).map((payee) => payee.amount));
    for (const top of data.top) {
      expect(top.payout).toBe(period.result.payout(top.id));
      expect(html).toContain(`<summary>${top.id}: ${groupThousands(top.payout)}`);
      const explained = period.result.explain(top.id).lines.length;
      expect(top.levels.reduce((sum, level) => sum + level.lines, 0)).toBe(explained);
    }
    expect(reportData(period, { topEarners: 0 }).top).toEqual([]);
    expect(reportData(period, { topEarners: 3 }).top.map((top) => top.id)).toEqual(data.top.slice(0, 3).map((top) => top.id));
  });

  it('lists the same top earners whatever the order of the member records (ties by id)', () => {
    const members = [
      { id: 'R', sponsorId: null },
      { id: 'B', sponsorId: 'R' },
      { id: 'A', sponsorId: 'R' },
      { id: 'x', sponsorId: 'A' },
      { id: 'y', sponsorId: 'B' },
    ];
    const orders = [
      { id: 'o1', affiliateId: 'x', amount: '100.00', kind: 'retail' as const },
      { id: 'o2', affiliateId: 'y', amount: '100.00', kind: 'retail' as const },
    ];
    // A and B tie at 10.00 each (R gets 2 × 0.02 × 100 = 4.00): the tie goes to the lower id, A
    const plan = { levels: ['0.10', '0.02'] };
    const top = (records: typeof members) =>
      reportData({ result: computeCommissions({ genealogy: Genealogy.fromRecords(records), plan, orders }), members: records }, { topEarners: 2 }).top.map((t) => t.id);
    expect(top(members)).toEqual(['A', 'B']);
    expect(top([members[0], members[2], members[1], members[4], members[3]])).toEqual(['A', 'B']);
  });

  it('keeps exact sums by rank past 2^52 (a payee just under 2^53 after smaller ones)', () => {
    const members = [
      { id: 'R', sponsorId: null },
      { id: 'A', sponsorId: 'R' },
      { id: 'x', sponsorId: 'A' },
      { id: 'B', sponsorId: 'R' },
      { id: 'y', sponsorId: 'B' },
    ];
    // units of 10^-6: R earns 2 × (1 + 2,702,430,019,424) (even), A 0.01 × 0.3333 = 3,333 (odd), then B
    // 2,702,430,019,424 cents × 3,333 = 2^53 − 800: an odd total past 2^53, which a double cannot hold
    const orders = [
      { id: 'small', affiliateId: 'x', amount: '0.01', kind: 'retail' as const },
      { id: 'large', affiliateId: 'y', amount: '27024300194.24', kind: 'retail' as const },
    ];
    const plan = { levels: ['0.3333', '0.0002'], ranks: [{ name: 'Unreached', groupVolume: '1000000000000000' }] };
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
    const data = reportData({ result, members });
    const units = (text: string) => BigInt(text.replace('.', '').padEnd(text.indexOf('.') + 6, '0'));
    expect(data.ranks?.reduce((total, rank) => total + rank.paid.units, 0n)).toBe(units(result.totals.paid));
    expect(data.ranks?.[0].paid.text).toBe(result.totals.paid);
  });

  it('draws every bar above zero at least 2 units tall, however skewed the figures', () => {
    const page = barChart('skew', 'skewed', [
      { label: 'many', value: 1_000_000n, text: '1,000,000' },
      { label: 'few', value: 3n, text: '3' },
      { label: 'none', value: 0n, text: '0' },
    ]);
    const heights = [...page.matchAll(/<rect class="mark"[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([196, 2, 0]);
  });

  it('escapes every text that comes from the data: ids, rank names, the title', () => {
    const members = [
      { id: '<img src=x onerror=alert(1)>', sponsorId: null },
      { id: 'B&"\'', sponsorId: '<img src=x onerror=alert(1)>' },
      { id: 'C', sponsorId: 'B&"\'' },
    ];
    const plan = { levels: ['0.10', '0.05'], ranks: [{ name: '<b>Gold</b>', groupVolume: '10' }] };
    const orders = [{ id: 'o1', affiliateId: 'C', amount: '100.00', kind: 'retail' as const }];
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
    const page = renderReport({ result, members }, { title: '</title><script>alert(1)</script>' });
    expect(page).not.toMatch(/<script|<img|<b>/);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;b&gt;Gold&lt;/b&gt;');
    expect(page).toContain('B&amp;&quot;&#39;');
  });

  it('renders a period where nobody earned anything', () => {
    const members = [{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }];
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan: { levels: ['0.1', '0.05'] }, orders: [] });
    const page = renderReport({ result, members });
    expect(marks(page, 'levels')).toBe(2);
    expect(marks(page, 'histogram')).toBe(1);
    expect(page).toContain('Nobody earned anything this period.');
  });

  it('refuses bad options, the report’s and the assessment’s, all at once', () => {
    const error = (() => {
      try {
        renderReport(period, { topEarners: 1000, title: '', lowIncomeLimit: 'lots' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DownlineError);
    const issues = (error as DownlineError).issues;
    expect(issues.map((issue) => issue.code)).toEqual([ErrorCode.InvalidOptions, ErrorCode.InvalidOptions, ErrorCode.InvalidOptions]);
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual(['options.lowIncomeLimit', 'options.title', 'options.topEarners']);
  });

  it('refuses a period the assessment refuses (never half a report)', () => {
    expect(() => renderReport({ ...period, start: '2026-13-01' })).toThrow(DownlineError);
  });
});

describe('topIndexes', () => {
  it('equals a full sort by value, ties to the lower id, zeros left out', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.bigInt({ min: 0n, max: 2n ** 70n })), { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (values, count) => {
        const column = new ExactColumn(values.length);
        values.forEach((value, i) => column.set(i, value));
        // ids in the reverse of the index order: a tie goes to the higher index, so index order is not what decides
        const ids = values.map((_, i) => `m${String(999 - i).padStart(3, '0')}`);
        const expected = values
          .map((value, i) => ({ value: BigInt(value), i }))
          .filter(({ value }) => value > 0n)
          .sort((a, b) => (a.value === b.value ? (ids[a.i] < ids[b.i] ? -1 : 1) : a.value > b.value ? -1 : 1))
          .slice(0, count)
          .map(({ i }) => i);
        expect(topIndexes(column, count, { at: (i: number) => ids[i] })).toEqual(expected);
      }),
      { seed: 33, numRuns: 300 },
    );
  });
});

describe('compactAmount', () => {
  it('shortens amounts for chart labels, rounded half up', () => {
    expect(compactAmount(1_275_039_292n, 4)).toBe('127.5k');
    expect(compactAmount(443_636n, 2)).toBe('4,436');
    expect(compactAmount(1_237n, 2)).toBe('12.37');
    expect(compactAmount(0n, 2)).toBe('0.00');
    expect(compactAmount(5n, 3)).toBe('0.01');
    expect(compactAmount(999_950n, 2)).toBe('10,000');
    expect(compactAmount(1_000_050n, 2)).toBe('10.0k');
    expect(compactAmount(99_995_000n, 2)).toBe('1.0M');
    expect(compactAmount(12_345_678_901_234n, 2)).toBe('123.5B');
    expect(compactAmount(10n ** 20n, 0)).toBe('100,000,000.0T');
  });
});
