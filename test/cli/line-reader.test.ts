import fc from 'fast-check';
/**
 * Reading files in batches of lines: whatever the chunk size, the lines and their numbers are those of the
 * whole text split on LF, CRLF or a lone CR (a CRLF or a multi-byte character cut between chunks included).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLineBatches, splitLines } from '../../src/cli/line-reader';
import { LineNumbers } from '../../src/cli/line-numbers';
import { removeTempDirs, tempDir } from './helpers';

afterAll(removeTempDirs);

async function readAll(text: string, chunkBytes?: number): Promise<[number, string][]> {
  const file = join(tempDir(), 'lines.txt');
  writeFileSync(file, text);
  const out: [number, string][] = [];
  for await (const { first, lines } of readLineBatches(file, chunkBytes)) lines.forEach((line, k) => out.push([first + k, line]));
  return out;
}

const TEXTS = [
  'a\nb\nc\n',
  'a\r\nb\r\n\r\nc', // no line end at the end
  'one\rtwo\r\nthree\nfour\r', // a lone CR, mixed ends, a CR at the very end
  '\uFEFFid,name\r\n1,é€😀\r\n2,ü\n', // a BOM and multi-byte characters
  '',
  '\n\n',
];

describe('readLineBatches', () => {
  it('gives the same numbered lines for any chunk size', async () => {
    for (const text of TEXTS) {
      const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
      const expected = splitLines(body);
      if (expected[expected.length - 1] === '') expected.pop();
      const numbered = expected.map((line, k): [number, string] => [k + 1, line]);
      for (const chunk of [1, 2, 3, 5, 64, 1 << 20]) expect(await readAll(text, chunk)).toEqual(numbered);
    }
  });

  it('splits on every kind of line end', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('a\n')).toEqual(['a', '']);
  });
});

describe('LineNumbers', () => {
  it('grows past its first block and answers undefined past the end', () => {
    const lines = new LineNumbers();
    for (let k = 0; k < 5000; k++) lines.push(2 * k + 2);
    expect(lines.length).toBe(5000);
    expect([lines.at(0), lines.at(1023), lines.at(1024), lines.at(4999)]).toEqual([2, 2048, 2050, 10000]);
    expect([lines.at(5000), lines.at(-1)]).toEqual([undefined, undefined]);
  });

  it('gives back every line pushed, held as one run per change of offset', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 4 })), { maxLength: 300 }), (steps) => {
        const lines = new LineNumbers();
        const pushed: number[] = [];
        let line = 1;
        for (const step of steps) {
          line += step;
          lines.push(line);
          pushed.push(line);
        }
        expect(Array.from({ length: pushed.length + 1 }, (_, k) => lines.at(k))).toEqual([...pushed, undefined]);
        // a run starts at the first record and wherever a line was skipped
        expect(lines.runs).toBe(steps.filter((step, k) => k === 0 || step !== 1).length);
      }),
      { seed: 20261123 },
    );
  });

  it('keeps a file of one-line records as one run', () => {
    const lines = new LineNumbers();
    for (let k = 0; k < 100_000; k++) lines.push(k + 2);
    expect([lines.runs, lines.at(99_999)]).toEqual([1, 100_001]);
  });
});
