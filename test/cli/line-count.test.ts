import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { inputFile } from '../../src/cli/inputs';
import { countLines, recordsAtMost } from '../../src/cli/line-count';
import { splitLines } from '../../src/cli/line-reader';
import { cli, removeTempDirs, tempDir, writeFiles } from './helpers';

afterAll(removeTempDirs);

describe('countLines', () => {
  it('counts the lines splitLines finds, whatever the line ends, a last line without one included', () => {
    const dir = tempDir();
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'é', ',', ' '), maxLength: 5 }), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        (lines, end, closed) => {
          const text = lines.join(end) + (closed && lines.length > 0 ? end : '');
          writeFiles(dir, { 'f.txt': text });
          // a line end closes a line: text ending with one has no line after it
          const expected = text === '' ? 0 : splitLines(text).length - (/[\r\n]$/.test(text) ? 1 : 0);
          expect(countLines(join(dir, 'f.txt'))).toBe(expected);
        },
      ),
      { seed: 20261123, numRuns: 200 },
    );
  });

  it('counts past the mebibyte it reads at a time', () => {
    const dir = tempDir();
    writeFiles(dir, { 'big.csv': 'x,y\n'.repeat(600_000) });
    expect(countLines(join(dir, 'big.csv'))).toBe(600_000);
  });
});

describe('recordsAtMost', () => {
  it('is the line count, less a CSV header; nothing for a JSON document', () => {
    const dir = tempDir();
    writeFiles(dir, { 'o.csv': 'id,affiliateId\no1,A\n\no2,B', 'o.jsonl': '{}\n{}\n', 'o.json': '[{}, {}]', 'e.csv': '' });
    const at = (file: string) => recordsAtMost(inputFile(file, '--orders', dir, 'run'));
    expect([at('o.csv'), at('o.jsonl'), at('o.json'), at('e.csv')]).toEqual([3, 2, undefined, 0]);
  });
});

describe('room made from the line count', () => {
  it('gives the same payouts when records are fewer than lines (blank lines, fields over several lines)', async () => {
    const dir = tempDir();
    const members = ['id,sponsorId', 'A,', '', 'B,A', '"C",B', '', '', ''].join('\n');
    const orders = ['id,affiliateId,amount,kind', 'o1,C,100.00,personal', '', '"o2\nsecond line",B,50.00,retail', '', ''].join('\r\n');
    writeFiles(dir, { 'plan.json': JSON.stringify({ levels: ['0.10', '0.05'] }), 'members.csv': members, 'orders.csv': orders });
    const run = await cli(dir, 'run', '--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv', '--out', 'payouts.csv', '-q');
    expect(run.code).toBe(0);
    const written = await import('node:fs').then((fs) => fs.readFileSync(join(dir, 'payouts.csv'), 'utf8'));
    // A: 5% of C's 100.00 and 10% of B's 50.00; B: 10% of C's 100.00
    expect(written).toBe('id,amount\nA,10.00\nB,10.00\n');
  });
});
