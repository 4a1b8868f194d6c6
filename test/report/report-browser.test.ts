/**
 * The HTML report in a real headless browser (Debian's Chromium, driven by playwright-core): the page loads
 * without a console error or a failed or outgoing request, each chart draws the expected number of marks with
 * visible sizes, and a screenshot is written to test-output/report/.
 *
 * Chromium comes from `bash scripts/install-browser.sh` (CI runs it before the tests). Without a browser
 * the test is skipped, unless `DOWNLINE_REQUIRE_BROWSER=1` (CI sets it), where a missing browser fails.
 * `CHROMIUM_PATH` points at another build.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport, reportData } from '../../src';
import { reportPeriod } from './report-fixture';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executable = CANDIDATES.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
const required = process.env.DOWNLINE_REQUIRE_BROWSER === '1';
const OUT = resolve(__dirname, '../../test-output/report');

describe('a browser is there when CI requires one', () => {
  it.runIf(required)('finds Chromium (run scripts/install-browser.sh)', () => {
    expect(executable, `no Chromium among ${CANDIDATES.filter(Boolean).join(', ')}`).toBeDefined();
  });
});

describe.skipIf(executable === undefined)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  const period = reportPeriod(1_000, 11);
  const data = reportData(period, { topEarners: 5 });
  const file = join(OUT, 'report.html');

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(file, renderReport(period, { title: 'downline report (browser test)', topEarners: 5 }));
    browser = await chromium.launch({
      executablePath: executable,
      // the flags that keep Chromium from reaching for the network on a closed machine
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads without console errors or requests, draws every mark, and writes a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    const url = pathToFileURL(file).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.ok()).toBe(true);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);

    // page scripts as strings: the project's typecheck has no DOM types (the library must not lean on them)
    const counts = await page.evaluate(
      `Object.fromEntries([...document.querySelectorAll('svg.chart')].map((svg) => [svg.getAttribute('data-chart'), svg.querySelectorAll('.mark').length]))`,
    );
    expect(counts).toEqual({ levels: data.levels.length, ranks: (data.ranks?.length ?? 0), histogram: data.bins.length, lorenz: 1 });

    // rendered geometry: a bar for every non-zero figure is visibly tall, and the Lorenz curve has a length
    const heights = await page.evaluate<number[]>(
      `[...document.querySelectorAll('svg[data-chart="histogram"] rect.mark')].map((rect) => rect.getBoundingClientRect().height)`,
    );
    data.bins.forEach((bin, k) => (bin.count > 0 ? expect(heights[k]).toBeGreaterThan(0) : expect(heights[k]).toBe(0)));
    const lorenz = await page.evaluate<number>(`document.querySelector('svg[data-chart="lorenz"] path.mark').getTotalLength()`);
    expect(lorenz).toBeGreaterThan(100);
    const sections = await page.evaluate(`[...document.querySelectorAll('main > section')].map((section) => section.id)`);
    expect(sections).toEqual(['totals', 'payouts', 'distribution', 'compliance', 'disclosure', 'top']);
    expect(await page.locator('details').count()).toBe(5);
    // nothing wider than the window: wide tables scroll inside themselves
    expect(await page.evaluate(`document.documentElement.scrollWidth <= document.documentElement.clientWidth`)).toBe(true);

    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
    expect(existsSync(join(OUT, 'report.png'))).toBe(true);
    await page.close();
  });
});
