/**
 * The examples in examples/ are run as a user runs them (a child process, `node --import tsx`, `downline`
 * resolved to the sources by the tsconfig `paths`), and a few key figures of their output are checked, so that
 * they cannot silently rot. Every example except demo.ts must be listed here: a new one comes with its checks.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

/** What each example must print: exact lines or patterns, in any place of its output. */
const expectations: Record<string, (string | RegExp)[]> = {
  'monthly-run.ts': [
    '1000 affiliates, 3 roots, 21 levels deep; 1189 orders',
    /^ {2}capped +988\.6265$/m,
    'top 5 payees (of 380)',
    /^ {2}m11 +600\.00 {2}Gold/m,
    /cap lines per-payee -\d+\.\d+, paid 600\.00/,
    /^ {2}exact total \d+\.\d+, rounded once to \d+\.\d{2}$/m,
    /^ {2}potential 21738\.339 = paid 12674\.4717 \+ capped 988\.6265 \+ breakage 8075\.2408: OK$/m,
    /^ {2}paid 12674\.4717 = payouts 12674\.54 \+ residual -0\.0683: OK$/m,
    /^ {2}Σ payouts\(\) = totals\.payouts 12674\.54: OK$/m,
    /^ {2}Σ explain\(id\)\.exact over the payees = paid 12674\.4717: OK$/m,
  ],
  'ledger-year.ts': [
    ...Array.from({ length: 12 }, (_, k) => new RegExp(`^2026-${String(k + 1).padStart(2, '0')} .* OK$`, 'm')),
    /refund of 2026-02\/o\d+ \(closed in 2026-02\): m\d+ level 1 -/,
    /m40 leaves: carried in -?\d+\.\d+ \+ earned \d+\.\d+ → forfeited \d+\.\d+, paid 0\.00/,
    /^year: earned .* − reversed 35\.9784 = paid .*: OK$/m,
    /^12 periods closed under plan v1 \(sha256:/m,
    'conservation: OK',
  ],
  'compare-plans.ts': [
    'levels[1]: "0.05" → "0.07"',
    'fastStart[0] added: "20.00"',
    /^ {2}payouts +39,565\.46 +39,311\.44 +-254\.02$/m,
    'Compliance: flag → flag; 1 verdict changed',
    '#12 income-concentration: warning 30.1% → ok 18.3% (better)',
    /#12 income-concentration +30\.1% → +18\.3% {2}warning → ok \(better\)/,
    /^largest change: m4 1873\.18 → 500\.00 \(-1373\.18\)/m,
  ],
  'growth-simulation.ts': [
    'Growth simulation: seed 7, 12 periods, 10 founders, market 5,000',
    /^all +4,999 /m,
    'Saturation: period 10: the market is exhausted',
    'projection: 3,905 people below the top, volume 1,952,500.00',
    /level 5: 3,125 people, volume 1,562,500\.00, paid to the top 15,625\.00/,
    'paid to the top: 19525.00',
  ],
  'compliance-check.ts': [
    /^assessment: flag — 4 flags, 5 warnings, 4 not assessed: #1 retail-reward-share/m,
    /^ {5}33\.2% of rewards came from retail sales .*\(FTC v\. Herbalife \(2016\)/m,
    /FTC v\. Omnitrition \(9th Cir\. 1996\)/,
    /#6 enrollment-funding: .*source: France, Code de la consommation L121-15/,
    /#7 inventory-resale-rule: needs inventory records/,
    'Income disclosure statement',
    /^Joined in the period +73 /m,
    'median gross 0.00; 733 of 2000 paid more than they earned',
    'plan check: flag; flags top-weighted-rates, enrollment-commissionable;',
    /\[flag\] Commission paid on joining fees and starter kits: .*\n {6}source: France, Code de la consommation L121-15/,
  ],
  'binary-plan.ts': [
    // DESIGN §9: left 250, right 120, pairs of 100 → 1 pair, carry 150 left and 20 right
    /^2026-01\n.*\n {2}A +yes +250\.00 +120\.00 +1 +1 +150\.00 +20\.00 +10\.00$/m,
    /^ {2}C +no +120\.00 +0\.00 +0 +0 +120\.00 +0\.00 +0\.00$/m,
    // February from January's carry: 3 pairs formed, 2 paid (the ceiling), 300 left reduced to the cap of 250
    /^ {2}A +yes +600\.00 +330\.00 +3 +2 +250\.00 +30\.00 +20\.00$/m,
    /^ {2}B +yes +260\.00 +240\.00 +2 +2 +60\.00 +40\.00 +20\.00$/m,
    'binary stage: potential 50.00, paid 40.00',
    'February totals: {"potential":"50.00","paid":"40.00","breakage":"10.00","capped":"0.00","residual":"0.00","payouts":"40.00"}',
  ],
};

const examples = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.ts') && name !== 'demo.ts').sort();

describe('examples/', () => {
  it('every example (demo.ts aside) has its checks here', () => {
    expect(examples).toEqual(Object.keys(expectations).sort());
  });

  describe.concurrent.each(examples)('%s', (name) => {
    it('runs, exits 0 and prints its key figures', async () => {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join('examples', name)], {
        cwd: root, // tsx reads tsconfig.json (and its `paths` for 'downline') from here
        maxBuffer: 16 * 1024 * 1024,
      });
      expect(stdout, stderr).not.toMatch(/MISMATCH/);
      for (const expected of expectations[name] ?? []) {
        if (typeof expected === 'string') expect(stdout).toContain(expected);
        else expect(stdout).toMatch(expected);
      }
    });
  });
});
