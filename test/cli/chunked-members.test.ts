import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK_ROWS } from '../../src/cli/inputs';
import { GenealogyBuilder, type MemberRecord } from '../../src/genealogy';
import { cli, readInChunks, removeTempDirs, tempDir, writeFiles } from './helpers';

afterAll(removeTempDirs);

/** Reads `file` in chunks of two records into a builder and formats the issues of the build. */
function chunkedIssues(dir: string, file: string): Promise<{ lines: string[]; chunks: number[] }> {
  return readInChunks<MemberRecord>(dir, file, 'members', new GenealogyBuilder({ path: ['members'] }));
}

describe('members read in chunks', () => {
  it('locates issues of any chunk at their CSV line', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'members.csv': ['id,sponsorId', 'A,', 'B,A', 'C,Z', 'A,', 'P,Q', 'Q,P', ''].join('\n') });
    const { lines, chunks } = await chunkedIssues(dir, 'members.csv');
    expect(chunks).toEqual([2, 2, 2]);
    expect(lines).toEqual([
      'members.csv:5: DUPLICATE_MEMBER member "A": duplicate id (first at #0, again at #3)',
      'members.csv:4: UNKNOWN_SPONSOR member "C": unknown sponsor "Z"',
      'members.csv:6: CYCLE cycle of 2 members: "P" -> "Q" -> "P"',
    ]);
  });

  it('locates issues of any chunk at their JSON Lines line, past blank lines', async () => {
    const dir = tempDir();
    const member = (id: string, sponsorId: string | null) => JSON.stringify({ id, sponsorId });
    writeFiles(dir, { 'members.jsonl': [member('A', null), '', member('B', 'A'), member('C', 'B'), '', '', member('D', 'D'), ''].join('\n') });
    const { lines, chunks } = await chunkedIssues(dir, 'members.jsonl');
    expect(chunks).toEqual([2, 2]);
    expect(lines).toEqual(['members.jsonl:7: SELF_SPONSOR member "D": sponsors itself']);
  });

  it('downline check reads the members in chunks and locates problems past the first chunk', async () => {
    const dir = tempDir();
    const rows = ['id,sponsorId', 'm0,'];
    for (let i = 1; i < CHUNK_ROWS + 10; i++) rows.push(`m${i},m${i - 1}`);
    rows.push(`m5,m0`, `x,nobody`, 'y,y', '');
    writeFiles(dir, {
      'plan.json': JSON.stringify({ levels: ['0.10', '0.05'] }),
      'members.csv': rows.join('\n'),
      'orders.csv': 'id,affiliateId,amount,kind\no1,m1,10.00,retail\n',
    });
    const { code, stdout } = await cli(dir, 'check', '--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv');
    expect(code).toBe(1);
    const line = CHUNK_ROWS + 10 + 2; // header, then CHUNK_ROWS + 10 members before the first bad one
    expect(stdout).toBe(
      [
        `members.csv:${line}: DUPLICATE_MEMBER member "m5": duplicate id (first at #5, again at #${CHUNK_ROWS + 10})`,
        `members.csv:${line + 1}: UNKNOWN_SPONSOR member "x": unknown sponsor "nobody"`,
        `members.csv:${line + 2}: SELF_SPONSOR member "y": sponsors itself`,
        '3 problems found',
        '',
      ].join('\n'),
    );
  });
});
