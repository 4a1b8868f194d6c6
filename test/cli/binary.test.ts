/**
 * Binary plans on the command line: `--placement` (CSV, JSON, JSON Lines), `--binary-carry` and `--carry-out`
 * across two periods (DESIGN §9's figure: left 250, right 120, pairs of 100 → 1 pair, carry 150 / 20), and
 * every problem located in its file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeTempDirs, tempDir, writeFiles } from './helpers';

afterAll(removeTempDirs);

const BINARY = {
  'plan.json': JSON.stringify({ levels: ['0.10', '0.05'], minPersonalVolume: '0', binary: { pairVolume: '100', pairAmount: '10.00' } }),
  'members.csv': 'id,sponsorId\nA,\nB,A\nC,A\n',
  'orders.csv': 'id,affiliateId,amount,kind\no1,B,250.00,personal\no2,C,120.00,personal\n',
  'placement.csv': 'id,parentId,side\nA,,\nB,A,left\nC,A,right\n',
};
const PERIOD = ['--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv'];

function binaryDir(extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFiles(dir, { ...BINARY, ...extra });
  return dir;
}

describe('downline run with a binary plan', () => {
  it('pays the pair, writes the carry, and reads it back the next period', async () => {
    const dir = binaryDir({ 'orders-2.csv': 'id,affiliateId,amount,kind\no3,C,80.00,personal\n' });
    const first = await cli(dir, 'run', ...PERIOD, '--placement', 'placement.csv', '--carry-out', 'carry-1.json', '--out', 'payouts.csv');
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    // 1 pair of 100 pays 10.00, and A earns 10% of B's and C's 370.00 on level 1
    expect(readFileSync(join(dir, 'payouts.csv'), 'utf8')).toBe('id,amount\nA,47.00\n');
    expect(readFileSync(join(dir, 'carry-1.json'), 'utf8')).toBe('{\n  "A": {"left":"150.00","right":"20.00"}\n}\n');
    expect(first.stdout).toContain('wrote the binary carry to carry-1.json\n');

    // right 20 carried + 80 new = 100, left 150 carried: one more pair, 50 left over
    const second = await cli(
      dir,
      'run',
      ...PERIOD.slice(0, 4),
      '--orders',
      'orders-2.csv',
      '--placement',
      'placement.csv',
      '--binary-carry',
      'carry-1.json',
      '--carry-out',
      'carry-2.json',
      '--quiet',
    );
    expect(second).toEqual({ code: 0, stdout: 'id,amount\nA,18.00\n', stderr: '' });
    expect(JSON.parse(readFileSync(join(dir, 'carry-2.json'), 'utf8'))).toEqual({ A: { left: '50.00', right: '0.00' } });
  });

  it('reads the placement as a JSON array or as JSON Lines', async () => {
    const records = [
      { id: 'A', parentId: null, side: null },
      { id: 'B', parentId: 'A', side: 'left' },
      { id: 'C', parentId: 'A', side: 'right' },
    ];
    const dir = binaryDir({ 'placement.json': JSON.stringify(records), 'placement.jsonl': records.map((r) => JSON.stringify(r)).join('\n') });
    for (const file of ['placement.json', 'placement.jsonl']) {
      expect(await cli(dir, 'run', ...PERIOD, '--placement', file, '-q')).toEqual({ code: 0, stdout: 'id,amount\nA,47.00\n', stderr: '' });
    }
  });

  it('writes an empty carry when nothing is carried', async () => {
    const dir = binaryDir({ 'orders.csv': 'id,affiliateId,amount,kind\no1,B,100.00,personal\no2,C,100.00,personal\n' });
    const { code } = await cli(dir, 'run', ...PERIOD, '--placement', 'placement.csv', '--carry-out', 'carry.json', '-q');
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'carry.json'), 'utf8')).toBe('{}\n');
  });

  it('locates placement problems at their line', async () => {
    const dir = binaryDir({ 'placement.csv': 'id,parentId,side\nA,,\nB,A,left\nC,A,left\nZ,A,right\nB,A,up\n' });
    const { code, stdout } = await cli(dir, 'check', ...PERIOD, '--placement', 'placement.csv');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^placement\.csv:4: PLACEMENT_SIDE_TAKEN placement "C": side "left" of "A" is already taken by "B"$/m);
    expect(stdout).toMatch(/^placement\.csv:5: UNKNOWN_MEMBER placement "Z": unknown member "Z"$/m);
    expect(stdout).toMatch(/^placement\.csv:6: INVALID_PLACEMENT placement #4 "B": side must be "left", "right" or null, got "up"$/m);
  });

  it('locates carry problems by member, and unreadable carry files at their line', async () => {
    const dir = binaryDir({
      'carry.json': JSON.stringify({ A: { left: '1.5.0', right: '0' }, Z: { left: '1', right: '1' } }),
      'broken.json': '{\n  "A": { "left": "1", }\n}\n',
    });
    const bad = await cli(dir, 'run', ...PERIOD, '--placement', 'placement.csv', '--binary-carry', 'carry.json');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^carry\.json: A\.left: INVALID_AMOUNT binaryCarry "A": left /m);
    expect(bad.stderr).toMatch(/^carry\.json: Z: UNKNOWN_MEMBER binaryCarry "Z": unknown member "Z"$/m);
    const broken = await cli(dir, 'run', ...PERIOD, '--placement', 'placement.csv', '--binary-carry', 'broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^broken\.json:2: INVALID_RECORD not valid JSON: /m);
  });

  it('asks for the placement of a binary plan, and refuses binary files for a plan without one', async () => {
    const dir = binaryDir({ 'unilevel.json': JSON.stringify({ levels: ['0.10', '0.05'] }), 'carry.json': '{}' });
    const missing = await cli(dir, 'run', ...PERIOD);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('plan.json: binary: INVALID_PLACEMENT plan: pays a binary; give the binary placement with --placement');
    const extra = await cli(dir, 'check', '--plan', 'unilevel.json', ...PERIOD.slice(2), '--placement', 'placement.csv', '--binary-carry', 'carry.json');
    expect(extra.code).toBe(1);
    expect(extra.stdout).toContain('unilevel.json: binary: INVALID_PLACEMENT plan: pays no binary; leave --placement and --binary-carry out');
  });

  it('checks the files before any work: missing inputs and output directories are usage errors', async () => {
    const dir = binaryDir();
    const absent = await cli(dir, 'run', ...PERIOD, '--placement', 'nope.csv');
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('--placement nope.csv: no such file');
    const noDir = await cli(dir, 'run', ...PERIOD, '--placement', 'placement.csv', '--carry-out', 'no/such/carry.json');
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('--carry-out no/such/carry.json: no such directory no/such');
  });

  it('says ok on check with the number of placements', async () => {
    const { code, stdout } = await cli(binaryDir(), 'check', ...PERIOD, '--placement', 'placement.csv');
    expect(code).toBe(0);
    expect(stdout).toBe('ok: plan plan.json, 3 members, 2 orders, 3 placements\n');
  });

  it('compares two plans on a binary period', async () => {
    const dir = binaryDir({ 'after.json': JSON.stringify({ levels: ['0.10', '0.05'], minPersonalVolume: '0', binary: { pairVolume: '100', pairAmount: '12.00' } }) });
    const { code, stdout, stderr } = await cli(dir, 'compare', '--before', 'plan.json', '--after', 'after.json', '--members', 'members.csv', '--orders', 'orders.csv', '--placement', 'placement.csv');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Totals:');
  });
});
