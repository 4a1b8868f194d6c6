/**
 * Periods over a ledger on the command line: `run --period … [--state …] [--refunds …] [--leavers …]
 * --state-out … [--statement …]`, two months of the README's quick start with a payout threshold and a refund
 * of a closed month's order, and every problem located in its file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QUICK_START, cli, removeTempDirs, tempDir, writeFiles } from './helpers';

afterAll(removeTempDirs);

// B earns 14.00 and A 13.00 in January; below 13.50 a balance is carried, not paid
const LEDGER = {
  ...QUICK_START,
  'plan.json': JSON.stringify({ levels: ['0.10', '0.05', '0.02'], minPersonalVolume: '50', compression: 'dynamic', payoutThreshold: '13.50' }),
  'february.csv': 'id,affiliateId,amount,kind\np1,D,10.00,retail\np4,A,50.00,personal\np3,B,60.00,personal\n',
  'refunds.csv': 'id,orderId,amount\nr1,o1,50.00\n',
};
const PLAN = ['--plan', 'plan.json', '--members', 'members.csv'];
const JANUARY = [...PLAN, '--orders', 'orders.csv', '--period', '2026-01'];
const FEBRUARY = [...PLAN, '--orders', 'february.csv', '--period', '2026-02'];

function ledgerDir(extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFiles(dir, { ...LEDGER, ...extra });
  return dir;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('downline run on a ledger', () => {
  it('starts a new ledger, pays what reaches the threshold and carries the rest', async () => {
    const dir = ledgerDir();
    const { code, stdout, stderr } = await cli(dir, 'run', ...JANUARY, '--state-out', 'ledger.json', '--statement', 'statement.json', '--out', 'payouts.csv');
    expect(code).toBe(0);
    expect(read(dir, 'payouts.csv')).toBe('id,amount\nB,14.00\n'); // A's 13.00 is carried
    expect(stdout).toMatch(/^paid\s+27\.00$/m);
    expect(stdout).toContain('wrote 1 payout to payouts.csv\n');
    expect(stdout).toContain('wrote the statement of period 2026-01 to statement.json\n');
    expect(stdout).toContain('wrote the ledger after period 2026-01 to ledger.json\n');
    // the statement's totals go to stderr
    expect(stderr).toMatch(/^period\s+2026-01$/m);
    expect(stderr).toMatch(/^earned\s+27\.00$/m);
    expect(stderr).toMatch(/^paidOut\s+14\.00$/m);
    expect(stderr).toMatch(/^carriedOut\s+13\.00$/m);
    const state = JSON.parse(read(dir, 'ledger.json'));
    expect(state.balances).toEqual({ A: '13.00' });
    expect(state.periods.map((p: { id: string }) => p.id)).toEqual(['2026-01']);
    const statement = JSON.parse(read(dir, 'statement.json'));
    expect(statement.totals).toEqual({ carriedIn: '0.00', earned: '27.00', reversed: '0.00', paidOut: '14.00', carriedOut: '13.00', forfeited: '0.00', writtenOff: '0.00' });
    expect(statement.members.A.carriedOut).toBe('13.00');
  });

  it('runs the next period on the state, reverses a refund of a closed month, and may replace the state in place', async () => {
    const dir = ledgerDir();
    expect((await cli(dir, 'run', ...JANUARY, '--state-out', 'ledger.json', '-q')).code).toBe(0);
    const { code, stdout, stderr } = await cli(
      dir,
      'run',
      ...FEBRUARY,
      '--state',
      'ledger.json',
      '--refunds',
      'refunds.csv',
      '--state-out',
      'ledger.json',
      '--statement',
      'statement.json',
    );
    expect(code).toBe(0);
    // A: 13.00 carried + 6.50 earned − 2.50 reversed = 17.00 paid; B: 1.00 − 5.00 = −4.00 to recover
    expect(stdout).toBe('id,amount\nA,17.00\n');
    expect(stderr).toMatch(/^paidOut\s+17\.00$/m);
    expect(stderr).toMatch(/^reversals\s+2$/m);
    const state = JSON.parse(read(dir, 'ledger.json'));
    expect(state.balances).toEqual({ B: '-4.00' });
    expect(state.periods.map((p: { id: string }) => p.id)).toEqual(['2026-01', '2026-02']);
    const statement = JSON.parse(read(dir, 'statement.json'));
    expect(statement.reversals).toEqual([
      { refundId: 'r1', orderId: 'o1', period: '2026-01', payeeId: 'B', stage: 'unilevel', level: 1, amount: '-5.00' },
      { refundId: 'r1', orderId: 'o1', period: '2026-01', payeeId: 'A', stage: 'unilevel', level: 2, amount: '-2.50' },
    ]);
  });

  it('settles leavers read from CSV, a JSON list of ids or JSON Lines', async () => {
    for (const [file, text] of [
      ['leavers.csv', 'id\nA\n'],
      ['leavers.json', '["A"]'],
      ['leavers.jsonl', '{"id":"A"}\n'],
    ]) {
      const dir = ledgerDir({ [file]: text });
      const { code, stdout } = await cli(dir, 'run', ...JANUARY, '--leavers', file, '--state-out', 'ledger.json', '-q');
      expect(code).toBe(0);
      expect(stdout).toBe('id,amount\nA,13.00\nB,14.00\n'); // a leaver's balance is paid (leaverBalance "pay")
      expect(JSON.parse(read(dir, 'ledger.json')).balances).toEqual({});
    }
  });

  it('refuses to close a period twice, and locates refund and leaver problems at their line', async () => {
    const dir = ledgerDir({
      'refunds.csv': 'id,orderId,amount\nr1,o404,\nr2,o1,100.01\n',
      'leavers.csv': 'id\nB\nZ\n',
    });
    expect((await cli(dir, 'run', ...JANUARY, '--state-out', 'ledger.json', '-q')).code).toBe(0);
    const before = read(dir, 'ledger.json');
    const again = await cli(dir, 'run', ...JANUARY, '--state', 'ledger.json', '--state-out', 'ledger.json');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('downline: PERIOD_CLOSED period "2026-01": closed already');
    expect(read(dir, 'ledger.json')).toBe(before); // nothing written on failure

    const bad = await cli(dir, 'run', ...FEBRUARY, '--state', 'ledger.json', '--refunds', 'refunds.csv', '--leavers', 'leavers.csv', '--state-out', 'next.json');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^refunds\.csv:2: UNKNOWN_ORDER refund "r1": unknown order "o404"$/m);
    expect(bad.stderr).toMatch(/^refunds\.csv:3: INVALID_AMOUNT refund "r2": amount 100\.01 is more than the 100\.00 left on order "o1"$/m);
    expect(bad.stderr).toMatch(/^leavers\.csv:3: UNKNOWN_MEMBER leavers: unknown member "Z"$/m);
    expect(bad.stderr).toMatch(/^downline run: 3 problems found$/m);
  });

  it('locates state problems in the state file', async () => {
    const dir = ledgerDir({
      'broken.json': '{\n  "schemaVersion": 1,\n  oops\n}\n',
      'wrong.json': JSON.stringify({ schemaVersion: 1, scale: 2, periods: [], balances: { A: 'ten' }, binaryCarry: {}, achievedRanks: {}, orders: {} }),
    });
    const broken = await cli(dir, 'run', ...JANUARY, '--state', 'broken.json', '--state-out', 'next.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^broken\.json:3: INVALID_STATE not valid JSON: /m);
    const wrong = await cli(dir, 'run', ...JANUARY, '--state', 'wrong.json', '--state-out', 'next.json');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^wrong\.json: INVALID_STATE state balances\.A: must be a decimal string$/m);
  });

  it('needs --period and --state-out together, and takes the binary carry from the state', async () => {
    const dir = ledgerDir({ 'carry.json': '{}' });
    const noPeriod = await cli(dir, 'run', ...PLAN, '--orders', 'orders.csv', '--state-out', 'ledger.json');
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.stderr).toContain('missing --period <id>');
    const noOut = await cli(dir, 'run', ...JANUARY);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('missing --state-out <file>');
    const carry = await cli(dir, 'run', ...JANUARY, '--state-out', 'ledger.json', '--binary-carry', 'carry.json');
    expect(carry.code).toBe(2);
    expect(carry.stderr).toContain('--binary-carry: a run on a ledger takes the binary carry from the state');
    const absent = await cli(dir, 'run', ...JANUARY, '--state', 'nope.json', '--state-out', 'ledger.json');
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('--state nope.json: no such file');
  });

  it('prints nothing but the payouts with --quiet', async () => {
    const dir = ledgerDir();
    const { code, stdout, stderr } = await cli(dir, 'run', ...JANUARY, '--state-out', 'ledger.json', '--out', 'payouts.json', '--quiet');
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(read(dir, 'payouts.json'))).toEqual([{ id: 'B', amount: '14.00' }]);
  });

  it('writes the same state for the same input', async () => {
    const dir = ledgerDir();
    await cli(dir, 'run', ...JANUARY, '--state-out', 'one.json', '-q');
    await cli(dir, 'run', ...JANUARY, '--state-out', 'two.json', '-q');
    expect(read(dir, 'one.json')).toBe(read(dir, 'two.json'));
    writeFileSync(join(dir, 'members.csv'), 'id,sponsorId\nD,C\nC,B\nB,A\nA,\n'); // the same members, shuffled
    await cli(dir, 'run', ...JANUARY, '--state-out', 'three.json', '-q');
    expect(read(dir, 'three.json')).toBe(read(dir, 'one.json'));
  });
});

describe('downline check on a ledger', () => {
  it('checks the period as run would close it, writing nothing', async () => {
    const dir = ledgerDir();
    expect((await cli(dir, 'run', ...JANUARY, '--state-out', 'ledger.json', '-q')).code).toBe(0);
    const before = read(dir, 'ledger.json');
    const ok = await cli(dir, 'check', ...FEBRUARY, '--state', 'ledger.json', '--refunds', 'refunds.csv');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok: plan plan\.json, 4 members, 3 orders\n$/);
    expect(read(dir, 'ledger.json')).toBe(before);
  });

  it('lists the problems of the state, the refunds and the leavers, located in their files', async () => {
    const dir = ledgerDir({ 'refunds.csv': 'id,orderId,amount\nr1,zz,5.00\n', 'leavers.csv': 'id\nNOBODY\n' });
    expect((await cli(dir, 'run', ...JANUARY, '--state-out', 'ledger.json', '-q')).code).toBe(0);
    const bad = await cli(dir, 'check', ...FEBRUARY, '--state', 'ledger.json', '--refunds', 'refunds.csv', '--leavers', 'leavers.csv');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^refunds\.csv:2: UNKNOWN_ORDER /m);
    expect(bad.stdout).toMatch(/^leavers\.csv:2: [A-Z_]+ .*NOBODY/m);
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ schemaVersion: 1, periods: 'none' }));
    const broken = await cli(dir, 'check', ...FEBRUARY, '--state', 'broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^broken\.json: .*INVALID_STATE /m);
    const closed = await cli(dir, 'check', ...JANUARY, '--state', 'ledger.json');
    expect(closed.code).toBe(1);
    expect(closed.stdout).toMatch(/PERIOD_CLOSED/);
  });

  it('needs --period with any ledger flag (exit 2)', async () => {
    const dir = ledgerDir();
    const usage = await cli(dir, 'check', ...PLAN, '--orders', 'orders.csv', '--refunds', 'refunds.csv');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('missing --period <id>');
  });
});
