import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CsvRow, CsvLineParser, csvField, readCsv, readCsvRows, splitCommas } from '../../src/cli/csv';
import { removeTempDirs, tempDir } from './helpers';

afterAll(removeTempDirs);

async function rows(text: string) {
  const file = join(tempDir(), 'rows.csv');
  writeFileSync(file, text);
  const out = [];
  for await (const row of readCsvRows(file)) out.push(row);
  return out;
}

describe('CSV reading', () => {
  it('reads quoted fields with commas and doubled quotes', async () => {
    expect(await rows('id,name\n"a,1","say ""hi"""\n')).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['a,1', 'say "hi"'] },
    ]);
  });

  it('handles CRLF, a BOM, empty fields, blank lines and quoted line breaks', async () => {
    expect(await rows('\uFEFFid,sponsorId\r\nA,\r\n\r\n"B\r\nb",A\r\n')).toEqual([
      { line: 1, fields: ['id', 'sponsorId'] },
      { line: 2, fields: ['A', ''] },
      { line: 4, fields: ['B\nb', 'A'] },
    ]);
  });

  it('reports malformed rows with their line and goes on', async () => {
    const out = await rows('a,b\nx"y,1\n"z"w,2\nok,3\n"open,4\n');
    expect(out.map((r) => ('error' in r ? `${r.line}: error` : `${r.line}: ${r.fields.join('|')}`))).toEqual([
      '1: a|b',
      '2: error',
      '3: error',
      '4: ok|3',
      '5: error',
    ]);
    expect(out[4]).toMatchObject({ error: expect.stringContaining('unterminated') });
  });

  it('parses line by line with CsvLineParser', () => {
    const parser = new CsvLineParser();
    expect(parser.feed('a,"b, ""c""",d', 1)).toEqual({ line: 1, fields: ['a', 'b, "c"', 'd'] });
    expect(parser.feed('"two', 2)).toBeNull();
    expect(parser.feed('lines"', 3)).toEqual({ line: 2, fields: ['two\nlines'] });
    expect(parser.end()).toBeNull();
  });

  it('splits unquoted rows on every comma, empty fields included', () => {
    expect(splitCommas('o1,B,,retail')).toEqual(['o1', 'B', '', 'retail']);
    expect(splitCommas('')).toEqual(['']);
    expect(splitCommas(',')).toEqual(['', '']);
    expect(splitCommas('a,b,')).toEqual(['a', 'b', '']);
  });

  it('hands rows over one at a time with readCsv, and stops when asked', async () => {
    const file = join(tempDir(), 'stop.csv');
    writeFileSync(file, 'a,b\n1,2\n"3\n4",5\n6,7\n');
    const seen: CsvRow[] = [];
    await readCsv(file, (row) => {
      seen.push(row);
      return seen.length < 3;
    });
    expect(seen).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3\n4', '5'] },
    ]);
  });

  it('quotes output fields only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField(' x')).toBe('" x"');
  });
});
