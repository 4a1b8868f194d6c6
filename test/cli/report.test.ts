/**
 * `downline report`: the HTML report written to --out or stdout, the same bytes as the library's
 * renderReport on the same records, its flags checked before any work, invalid input located by file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy, parsePlan, renderReport } from '../../src';
import { QUICK_START, cli, removeTempDirs, tempDir, writeFiles } from './helpers';

afterAll(removeTempDirs);

const PERIOD = ['--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv'];
const COSTS = { 'costs.csv': 'affiliateId,amount,kind\nB,20.00,training\nC,5.00,kit\n' };

function quickStart(extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFiles(dir, { ...QUICK_START, ...COSTS, ...extra });
  return dir;
}

describe('downline report', () => {
  it('writes the page to --out: the same bytes as renderReport on the same records', async () => {
    const dir = quickStart();
    const flags = ['--costs', 'costs.csv', '--start', '2026-10-01', '--end', '2026-10-31', '--title', 'October <2026>', '--top', '2'];
    const { code, stdout, stderr } = await cli(dir, 'report', ...PERIOD, ...flags, '--out', 'october.html');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^wrote the report to october\.html \(\d+ kB\)\n$/);
    const page = readFileSync(join(dir, 'october.html'), 'utf8');
    const members = [
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
      { id: 'C', sponsorId: 'B' },
      { id: 'D', sponsorId: 'C' },
    ];
    const orders = [
      { id: 'o1', affiliateId: 'D', amount: '100.00', kind: 'retail' as const },
      { id: 'o2', affiliateId: 'C', amount: '40.00', kind: 'personal' as const },
      { id: 'o3', affiliateId: 'B', amount: '60.00', kind: 'personal' as const },
      { id: 'o4', affiliateId: 'A', amount: '50.00', kind: 'personal' as const },
      { id: 'o5', affiliateId: 'D', amount: '99.00', kind: 'enrollment' as const },
    ];
    const costs = [
      { affiliateId: 'B', amount: '20.00', kind: 'training' },
      { affiliateId: 'C', amount: '5.00', kind: 'kit' },
    ];
    const plan = parsePlan(JSON.parse(QUICK_START['plan.json']));
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
    const expected = renderReport({ result, members, costs, start: '2026-10-01', end: '2026-10-31' }, { title: 'October <2026>', topEarners: 2 });
    expect(page).toBe(expected);
    expect(page).toContain('<title>October &lt;2026&gt;</title>');
  });

  it('writes the page to stdout without --out, and --quiet says nothing else', async () => {
    const dir = quickStart();
    const piped = await cli(dir, 'report', ...PERIOD, '--generated', 'nightly run');
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(piped.stdout).toContain('generated nightly run');
    const quiet = await cli(dir, 'report', ...PERIOD, '--out', 'r.html', '--quiet');
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses bad flags before any work (exit 2)', async () => {
    const dir = quickStart();
    const top = await cli(dir, 'report', ...PERIOD, '--top', 'ten');
    expect(top.code).toBe(2);
    expect(top.stderr).toContain('--top ten: expected a whole number');
    const out = await cli(dir, 'report', ...PERIOD, '--out', 'missing/dir/r.html');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('no such directory');
  });

  it('reports invalid input by file and line (exit 1), and options the library refuses', async () => {
    const dir = quickStart({ 'orders.csv': 'id,affiliateId,amount,kind\no1,D,100.00,retail\no2,ZZ,1.00,retail\n' });
    const bad = await cli(dir, 'report', ...PERIOD, '--out', 'r.html');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^orders\.csv:3: UNKNOWN_AFFILIATE /m);
    const tooMany = await cli(quickStart(), 'report', ...PERIOD, '--top', '500');
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toMatch(/INVALID_OPTIONS .*topEarners/);
  });

  it('has help with an example', async () => {
    const { code, stdout } = await cli(tempDir(), 'report', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: downline report');
    expect(stdout).toMatch(/Example:\n {2}downline report /);
  });
});
