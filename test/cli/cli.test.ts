import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/help';
import { QUICK_START, cli, removeTempDirs, tempDir, writeFiles } from './helpers';

afterAll(removeTempDirs);

const PERIOD = ['--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv'];

function quickStart(extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFiles(dir, { ...QUICK_START, ...extra });
  return dir;
}

describe('downline run', () => {
  it('writes the payouts as CSV to --out and prints the totals', async () => {
    const dir = quickStart();
    const { code, stdout, stderr } = await cli(dir, 'run', ...PERIOD, '--out', 'payouts.csv');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'payouts.csv'), 'utf8')).toBe('id,amount\nA,13.00\nB,14.00\n');
    expect(stdout).toMatch(/^potential\s+42\.50$/m);
    expect(stdout).toMatch(/^paid\s+27\.00$/m);
    expect(stdout).toMatch(/^breakage\s+15\.50$/m);
    expect(stdout).toMatch(/^payees\s+2$/m);
  });

  it('writes JSON by extension, and --quiet prints nothing', async () => {
    const dir = quickStart();
    const { code, stdout } = await cli(dir, 'run', ...PERIOD, '--out', 'payouts.json', '--quiet');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'payouts.json'), 'utf8'))).toEqual([
      { id: 'A', amount: '13.00' },
      { id: 'B', amount: '14.00' },
    ]);
  });

  it('writes CSV to stdout without --out, the totals to stderr', async () => {
    const { code, stdout, stderr } = await cli(quickStart(), 'run', ...PERIOD);
    expect(code).toBe(0);
    expect(stdout).toBe('id,amount\nA,13.00\nB,14.00\n');
    expect(stderr).toMatch(/^payouts\s+27\.00$/m);
  });

  it('reads JSON members and orders, and keeps amounts exact', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'plan.json': JSON.stringify({ levels: ['0.10', '0.05'] }),
      'members.json': JSON.stringify([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }, { id: 'C', sponsorId: 'B' }]),
      'orders.json': JSON.stringify([{ id: 'o1', affiliateId: 'C', amount: '90071992547409.93', kind: 'retail' }]),
    });
    const { code, stdout } = await cli(dir, 'run', '--plan', 'plan.json', '--members', 'members.json', '--orders', 'orders.json', '--quiet');
    expect(code).toBe(0);
    expect(stdout).toBe('id,amount\nA,4503599627370.50\nB,9007199254740.99\n');
  });

  it('reads quoted CSV fields: ids with commas and quotes, written back quoted', async () => {
    const dir = quickStart({
      'members.csv': 'id,sponsorId,role\n"Smith, J",,\n"the ""B"" team","Smith, J",affiliate\n',
      'orders.csv': 'id,affiliateId,amount,kind\r\n"o,1","the ""B"" team",100.00,retail\r\n',
      'plan.json': JSON.stringify({ levels: ['0.10', '0.05'] }),
    });
    const { code, stdout, stderr } = await cli(dir, 'run', ...PERIOD, '--quiet');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('id,amount\n"Smith, J",10.00\n');
  });

  it('exits 1 on invalid input, with each issue located on stderr', async () => {
    const dir = quickStart({ 'orders.csv': 'id,affiliateId,amount,kind\no1,D,100.00,retail\no2,Z,1.00,retail\n' });
    const { code, stdout, stderr } = await cli(dir, 'run', ...PERIOD);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('orders.csv:3: UNKNOWN_AFFILIATE');
  });
});

describe('downline check', () => {
  it('prints every problem with its file and line, and exits 1', async () => {
    const dir = quickStart({
      'orders.csv': [
        'id,affiliateId,amount,kind',
        'o1,D,100.00,retail',
        'o2,Z,40.00,personal', // line 3: unknown affiliate
        'o3,B,60.00,personal',
        'o4,A,-5.00,personal', // line 5: negative amount
        '',
      ].join('\n'),
    });
    const { code, stdout } = await cli(dir, 'check', ...PERIOD);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^orders\.csv:3: UNKNOWN_AFFILIATE .*"Z"/);
    expect(lines[1]).toMatch(/^orders\.csv:5: (NEGATIVE_AMOUNT|INVALID_AMOUNT) /);
    expect(lines[2]).toBe('2 problems found');
  });

  it('reports malformed CSV rows (INVALID_RECORD) in several files, and plan problems', async () => {
    const dir = quickStart({
      'plan.json': JSON.stringify({ levels: ['0.1'] }),
      'members.csv': 'id,sponsorId\nA,\nB,A,extra\n',
      'orders.csv': 'id,affiliateId,amount,kind\no1,A,"10.00,retail\n',
    });
    const { code, stdout } = await cli(dir, 'check', ...PERIOD);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^plan\.json: levels: INVALID_PLAN /m);
    expect(stdout).toMatch(/^members\.csv:3: INVALID_RECORD members row has 3 fields, the header has 2$/m);
    expect(stdout).toMatch(/^orders\.csv:2: INVALID_RECORD unterminated quoted field/m);
    expect(stdout).toMatch(/^3 problems found$/m);
  });

  it('locates JSON records by path', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'plan.json': JSON.stringify({ levels: ['0.10', '0.05'] }),
      'members.json': JSON.stringify([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'Q' }]),
      'orders.json': '[]',
    });
    const { code, stdout } = await cli(dir, 'check', '--plan', 'plan.json', '--members', 'members.json', '--orders', 'orders.json');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^members\.json: \[1\](\.sponsorId)?: UNKNOWN_SPONSOR /m);
  });

  it('reports unknown and missing header columns on line 1', async () => {
    const dir = quickStart({ 'members.csv': 'id,sponsor_id\nA,\n' });
    const { code, stdout } = await cli(dir, 'check', ...PERIOD);
    expect(code).toBe(1);
    expect(stdout).toContain('members.csv:1: INVALID_RECORD members header: unknown column "sponsor_id"');
    expect(stdout).toContain('members.csv:1: INVALID_RECORD members header: missing column "sponsorId"');
  });

  it('says ok and exits 0 on a valid period', async () => {
    const { code, stdout } = await cli(quickStart(), 'check', ...PERIOD);
    expect(code).toBe(0);
    expect(stdout).toBe('ok: plan plan.json, 4 members, 5 orders\n');
  });
});

describe('downline assess', () => {
  it('prints the assessment and the income disclosure', async () => {
    const dir = quickStart({ 'costs.csv': 'affiliateId,amount,kind\nB,20.00,training\n' });
    const { code, stdout, stderr } = await cli(dir, 'assess', ...PERIOD, '--costs', 'costs.csv');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Compliance assessment');
    expect(stdout).toContain('Income disclosure statement');
  });

  it('reads join and leave days while streaming the members, and locates bad ones at their line', async () => {
    const members = ['id,sponsorId,joinedOn,leftOn', 'A,,2026-09-01,', 'B,A,2026-10-05,2026-10-01', 'C,B,soon,'].join('\n');
    const orders = 'id,affiliateId,amount,kind\no1,C,100.00,personal\no2,Z,1.00,retail\n';
    const dir = quickStart({ 'members.csv': members, 'orders.csv': orders });
    const { code, stderr } = await cli(dir, 'assess', ...PERIOD);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter((line) => line.startsWith('members.csv'))).toEqual([
      'members.csv:3: INVALID_DATE member "B": left on 2026-10-01, before joining on 2026-10-05',
      'members.csv:4: INVALID_DATE member "C": joinedOn must be an ISO date like "2026-10-31", got "soon"',
    ]);
    // the orders are checked all the same: every problem at once
    expect(stderr).toContain('orders.csv:3: UNKNOWN_AFFILIATE order "o2": unknown affiliate "Z"');
    writeFiles(dir, { 'members.csv': members.replace('2026-10-01', '2026-10-20').replace('soon', '2026-10-07'), 'orders.csv': orders.replace(',Z,', ',C,') });
    const fixed = await cli(dir, 'assess', ...PERIOD, '--start', '2026-10-01', '--end', '2026-10-31');
    expect(fixed.stderr).toBe('');
    expect(fixed.code).toBe(0);
    // join days known: the new-recruit funding indicator is assessed, not "needs join dates"
    expect(fixed.stdout).not.toContain('needs join dates');
  });

  it('locates cost problems', async () => {
    const dir = quickStart({ 'costs.csv': 'affiliateId,amount\nB,20.00\nZZ,1.00\n' });
    const { code, stderr } = await cli(dir, 'assess', ...PERIOD, '--costs', 'costs.csv');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^costs\.csv:3: [A-Z_]+ /m);
  });
});

describe('downline compare', () => {
  it('prints the comparison of two plans', async () => {
    const dir = quickStart({ 'after.json': JSON.stringify({ levels: ['0.08', '0.06', '0.02'], minPersonalVolume: '50', compression: 'dynamic' }) });
    const { code, stdout, stderr } = await cli(dir, 'compare', '--before', 'plan.json', '--after', 'after.json', '--members', 'members.csv', '--orders', 'orders.csv', '--top', '3');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Plan changes (2):');
    expect(stdout).toContain('Totals:');
    expect(stdout).toMatch(/^Payees: /m);
  });

  it('locates problems of the candidate plan in its file', async () => {
    const dir = quickStart({ 'after.json': JSON.stringify({ levels: ['0.9', '0.9'] }) });
    const { code, stderr } = await cli(dir, 'compare', '--before', 'plan.json', '--after', 'after.json', '--members', 'members.csv', '--orders', 'orders.csv');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^after\.json: .*RATES_EXCEED_ONE /m);
  });
});

describe('usage and help', () => {
  it('exits 2 on an unknown command, an unknown flag, a missing or absent file', async () => {
    const dir = quickStart();
    expect((await cli(dir, 'frobnicate')).code).toBe(2);
    expect((await cli(dir)).code).toBe(2);
    const unknownFlag = await cli(dir, 'run', ...PERIOD, '--bogus');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain('downline help run');
    const missing = await cli(dir, 'run', '--plan', 'plan.json', '--members', 'members.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --orders');
    const absent = await cli(dir, 'check', '--plan', 'nope.json', '--members', 'members.csv', '--orders', 'orders.csv');
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('nope.json: no such file');
    expect((await cli(dir, 'run', ...PERIOD, '--out', 'payouts.txt')).code).toBe(2);
    expect((await cli(dir, 'compare', '--before', 'plan.json', '--after', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv', '--top', 'x')).code).toBe(2);
    expect((await cli(dir, 'help', 'frobnicate')).code).toBe(2);
  });

  it('--help shows the commands with an example of each', async () => {
    const { code, stdout } = await cli(process.cwd(), '--help');
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  downline ${command} --`, 'm'));
    expect(stdout).toContain('Exit codes');
  });

  it('help <command> and <command> --help show its usage and an example', async () => {
    for (const command of COMMANDS) {
      const viaHelp = await cli(process.cwd(), 'help', command);
      const viaFlag = await cli(process.cwd(), command, '--help');
      expect(viaHelp.code).toBe(0);
      expect(viaFlag).toEqual(viaHelp);
      expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: downline ${command} `));
      expect(viaHelp.stdout).toMatch(new RegExp(`Examples?:\\n  downline ${command} --`));
    }
  });
});
