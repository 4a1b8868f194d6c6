/**
 * JSON Lines inputs (`.jsonl`, `.ndjson`): one record a line, read line by line like CSV, every problem at its
 * line; and payouts written as JSON Lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QUICK_START, cli, removeTempDirs, tempDir, writeFiles } from './helpers';

afterAll(removeTempDirs);

const lines = (records: readonly object[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
const MEMBERS = [
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
  { id: 'C', sponsorId: 'B' },
  { id: 'D', sponsorId: 'C' },
];
const ORDERS = [
  { id: 'o1', affiliateId: 'D', amount: '100.00', kind: 'retail' },
  { id: 'o2', affiliateId: 'C', amount: '40.00', kind: 'personal' },
  { id: 'o3', affiliateId: 'B', amount: '60.00', kind: 'personal' },
  { id: 'o4', affiliateId: 'A', amount: '50.00', kind: 'personal' },
  { id: 'o5', affiliateId: 'D', amount: '99.00', kind: 'enrollment' },
];
const PERIOD = ['--plan', 'plan.json', '--members', 'members.jsonl', '--orders', 'orders.ndjson'];

function jsonlDir(extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFiles(dir, { 'plan.json': QUICK_START['plan.json'], 'members.jsonl': lines(MEMBERS), 'orders.ndjson': lines(ORDERS), ...extra });
  return dir;
}

describe('JSON Lines', () => {
  it('reads members and orders one record a line, with CRLF and blank lines', async () => {
    const dir = jsonlDir({ 'orders.ndjson': `\r\n${lines(ORDERS).replaceAll('\n', '\r\n\r\n')}` });
    expect(await cli(dir, 'run', ...PERIOD, '-q')).toEqual({ code: 0, stdout: 'id,amount\nA,13.00\nB,14.00\n', stderr: '' });
  });

  it('writes payouts as JSON Lines', async () => {
    const dir = jsonlDir();
    const { code } = await cli(dir, 'run', ...PERIOD, '--out', 'payouts.jsonl', '-q');
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'payouts.jsonl'), 'utf8')).toBe('{"id":"A","amount":"13.00"}\n{"id":"B","amount":"14.00"}\n');
  });

  it('locates unreadable lines and the library problems of records at their line', async () => {
    const dir = jsonlDir({
      'orders.ndjson': [
        JSON.stringify(ORDERS[0]),
        '',
        '{"id": "o2", "affiliateId": "Z", "amount": "1.00", "kind": "retail"}', // line 3: unknown affiliate
        JSON.stringify({ ...ORDERS[3], amount: '-5.00' }), // line 4: negative amount
        '',
      ].join('\n'),
    });
    const { code, stdout } = await cli(dir, 'check', ...PERIOD);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^orders\.ndjson:3: UNKNOWN_AFFILIATE .*"Z"/m);
    expect(stdout).toMatch(/^orders\.ndjson:4: (NEGATIVE_AMOUNT|INVALID_AMOUNT) /m);

    const broken = jsonlDir({ 'members.jsonl': '{"id":"A","sponsorId":null}\n{"id":"B",\n["C"]\n42\n' });
    const files = await cli(broken, 'check', ...PERIOD);
    expect(files.code).toBe(1);
    expect(files.stdout).toMatch(/^members\.jsonl:2: INVALID_RECORD members line is not valid JSON: /m);
    expect(files.stdout).toMatch(/^members\.jsonl:3: INVALID_RECORD members line must hold one JSON object \(a record\), got an array$/m);
    expect(files.stdout).toMatch(/^members\.jsonl:4: INVALID_RECORD members line must hold one JSON object \(a record\), got 42$/m);
  });

  it('takes .jsonl for costs too', async () => {
    const dir = jsonlDir({ 'costs.jsonl': lines([{ affiliateId: 'B', amount: '20.00', kind: 'training' }, { affiliateId: 'ZZ', amount: '1.00' }]) });
    const { code, stderr } = await cli(dir, 'assess', ...PERIOD, '--costs', 'costs.jsonl');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^costs\.jsonl:2: [A-Z_]+ /m);
  });
});
