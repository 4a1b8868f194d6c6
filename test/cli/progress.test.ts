/**
 * The progress line and `--quiet`: shown on a terminal or with `--progress`, never otherwise, cleared before
 * anything else reaches stderr; at most ten updates of the row counts a second. Time is a fake clock here:
 * the tests read what is written, never how long anything took.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { NO_PROGRESS, ProgressLine, ProgressLog, groupDigits, progressFor } from '../../src/cli/progress';
import { QUICK_START, cliWith, removeTempDirs, steppingClock, tempDir, writeFiles } from './helpers';

afterAll(removeTempDirs);

const PERIOD = ['--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv'];

function quickStart(extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFiles(dir, { ...QUICK_START, ...extra });
  return dir;
}

/** The states the progress line went through, and what followed the line once cleared. */
function frames(stderr: string): { shown: string[]; after: string } {
  const last = stderr.lastIndexOf('\r');
  const shown = stderr
    .slice(0, last)
    .split('\r')
    .map((frame) => frame.trimEnd())
    .filter((frame) => frame !== '');
  return { shown, after: stderr.slice(last + 1) };
}

describe('the progress line', () => {
  it('shows the stages and the rows read per file on a terminal, then clears itself', async () => {
    const { code, stdout, stderr } = await cliWith({ isTTY: true, clock: steppingClock() }, quickStart(), 'run', ...PERIOD, '--out', 'payouts.csv');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^paid\s+27\.00$/m);
    const { shown, after } = frames(stderr);
    expect(shown).toEqual([
      'downline run: reading plan.json',
      'downline run: reading members.csv',
      'downline run: reading members.csv: 4 rows',
      'downline run: building the genealogy',
      'downline run: reading orders.csv',
      'downline run: reading orders.csv: 5 rows',
      'downline run: checking the orders',
      'downline run: computing the period',
      'downline run: writing payouts.csv',
    ]);
    expect(after).toBe(''); // cleared: blanks over the last text, and a return
    expect(stderr.endsWith(`\r${' '.repeat('downline run: writing payouts.csv'.length)}\r`)).toBe(true);
  });

  it('is cleared before the totals and the problems reach stderr', async () => {
    const ok = await cliWith({ isTTY: true, clock: steppingClock() }, quickStart(), 'run', ...PERIOD);
    expect(ok.stdout).toBe('id,amount\nA,13.00\nB,14.00\n');
    expect(frames(ok.stderr).after).toMatch(/^potential\s+42\.50\n/);
    const bad = await cliWith(
      { isTTY: true, clock: steppingClock() },
      quickStart({ 'orders.csv': 'id,affiliateId,amount,kind\no1,Z,1.00,retail\n' }),
      'run',
      ...PERIOD,
    );
    expect(bad.code).toBe(1);
    expect(frames(bad.stderr).after).toBe('orders.csv:2: UNKNOWN_AFFILIATE order "o1": unknown affiliate "Z"\ndownline run: 1 problem found\n');
  });

  it('is forced with --progress when stderr is no terminal, as log lines, and off by default there', async () => {
    const forced = await cliWith({ clock: steppingClock() }, quickStart(), 'check', ...PERIOD, '--progress');
    expect(forced.code).toBe(0);
    expect(forced.stderr).not.toContain('\r');
    const lines = forced.stderr.split('\n');
    expect(lines).toContain('downline check: reading orders.csv: 5 rows');
    expect(lines).toContain('downline check: building the genealogy');
    const plain = await cliWith({ clock: steppingClock() }, quickStart(), 'check', ...PERIOD);
    expect(plain.stderr).toBe('');
  });

  it('shows the stages of assess, compare and of a ledger run', async () => {
    const dir = quickStart({ 'after.json': JSON.stringify({ levels: ['0.08', '0.06'] }), 'leavers.csv': 'id\nA\n' });
    const assess = await cliWith({ isTTY: true, clock: steppingClock() }, dir, 'assess', ...PERIOD);
    expect(frames(assess.stderr).shown).toContain('downline assess: assessing compliance');
    const compare = await cliWith({ isTTY: true, clock: steppingClock() }, dir, 'compare', '--before', 'plan.json', '--after', 'after.json', ...PERIOD.slice(2));
    expect(frames(compare.stderr).shown).toContain('downline compare: computing the period under both plans');
    const ledger = await cliWith({ isTTY: true, clock: steppingClock() }, dir, 'run', ...PERIOD, '--period', 'P1', '--leavers', 'leavers.csv', '--state-out', 's.json', '--out', 'p.csv');
    expect(frames(ledger.stderr).shown).toEqual(expect.arrayContaining(['downline run: reading leavers.csv: 1 row', 'downline run: computing period P1 on the ledger']));
  });

  it('is cut to the width of the terminal', async () => {
    const { stderr } = await cliWith({ isTTY: true, columns: 24, clock: steppingClock() }, quickStart(), 'check', ...PERIOD);
    for (const frame of frames(stderr).shown) expect(frame.length).toBeLessThan(24);
    expect(frames(stderr).shown).toContain('downline check: readin…');
  });
});

describe('--quiet', () => {
  it('leaves nothing but errors on stderr, even on a terminal', async () => {
    const tty = { isTTY: true, clock: steppingClock() };
    const dir = quickStart({ 'after.json': JSON.stringify({ levels: ['0.08', '0.06'] }) });
    expect(await cliWith(tty, dir, 'run', ...PERIOD, '-q')).toEqual({ code: 0, stdout: 'id,amount\nA,13.00\nB,14.00\n', stderr: '' });
    expect((await cliWith(tty, dir, 'run', ...PERIOD, '--quiet', '--out', 'p.csv')).stderr).toBe('');
    expect((await cliWith(tty, dir, 'check', ...PERIOD, '-q')).stderr).toBe('');
    const assess = await cliWith(tty, dir, 'assess', ...PERIOD, '-q');
    expect(assess.stderr).toBe('');
    expect(assess.stdout).toContain('Compliance assessment');
    const compare = await cliWith(tty, dir, 'compare', '--before', 'plan.json', '--after', 'after.json', ...PERIOD.slice(2), '--quiet');
    expect(compare.stderr).toBe('');
    expect(compare.stdout).toContain('Totals:');
    const bad = await cliWith(tty, quickStart({ 'members.csv': 'id\nA\n' }), 'run', ...PERIOD, '-q');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('members.csv:1: INVALID_RECORD members header: missing column "sponsorId"\ndownline run: 1 problem found\n');
  });

  it('gives way to --progress, which asks for the line explicitly', async () => {
    const { stderr } = await cliWith({ isTTY: true, clock: steppingClock() }, quickStart(), 'run', ...PERIOD, '-q', '--progress', '--out', 'p.csv');
    expect(frames(stderr).shown).toContain('downline run: computing the period');
    expect(frames(stderr).after).toBe('');
  });
});

describe('ProgressLine', () => {
  it('updates the row counts at most ten times a second, and shows stages at once', () => {
    let written = '';
    let now = 0;
    const line = new ProgressLine({ write: (s: string) => (written += s) }, 'run', () => now);
    for (let count = 1; count <= 200; count++) {
      now += 10; // a batch every 10 ms for 2 s
      line.rows('orders.csv', count * 1000);
    }
    const shown = written.split('\r').filter((frame) => frame !== '');
    expect(shown).toHaveLength(20);
    expect(shown[0]).toBe('downline run: reading orders.csv: 10,000 rows');
    line.stage('computing the period'); // at once, though the last update is 0 ms old
    const longer = 'downline run: reading orders.csv: 200,000 rows';
    const shorter = 'downline run: computing the period';
    expect(written.endsWith(`\r${shorter.padEnd(longer.length)}`)).toBe(true); // blanks over the longer text
    line.done();
    expect(written.endsWith(`\r${' '.repeat(shorter.length)}\r`)).toBe(true);
  });

  it('writes nothing when nothing was shown', () => {
    let written = '';
    const line = new ProgressLine({ write: (s: string) => (written += s) }, 'run', () => 0);
    line.rows('orders.csv', 5); // too soon after the start
    line.done();
    expect(written).toBe('');
  });

  it('is on for a terminal or --progress, off with --quiet alone or off a terminal', () => {
    const io = (isTTY: boolean) => ({ stderr: { write: () => true, isTTY } });
    expect(progressFor({}, io(true), 'run')).toBeInstanceOf(ProgressLine);
    expect(progressFor({ quiet: true }, io(true), 'run')).toBe(NO_PROGRESS);
    expect(progressFor({}, io(false), 'run')).toBe(NO_PROGRESS);
    expect(progressFor({ progress: true, quiet: true }, io(false), 'run')).toBeInstanceOf(ProgressLog);
    expect(progressFor({ progress: true }, io(true), 'run')).toBeInstanceOf(ProgressLine);
  });

  it('groups digits the same everywhere', () => {
    expect([0, 999, 1000, 1234567, 10_000_000].map(groupDigits)).toEqual(['0', '999', '1,000', '1,234,567', '10,000,000']);
  });
});
