import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Genealogy } from '../../src/genealogy';
import { OrderBookBuilder, type OrderRecord } from '../../src/orders';
import { readInChunks, removeTempDirs, tempDir, writeFiles } from './helpers';

afterAll(removeTempDirs);

const genealogy = Genealogy.fromRecords([
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
]);

/** Reads `file` in chunks of two records into a builder and formats the issues of the build. */
function chunkedIssues(dir: string, file: string): Promise<{ lines: string[]; chunks: number[] }> {
  return readInChunks<OrderRecord>(dir, file, 'orders', new OrderBookBuilder(genealogy, { scale: 2, path: ['orders'] }));
}

describe('orders read in chunks', () => {
  it('locates issues of any chunk at their CSV line', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'orders.csv': ['id,affiliateId,amount,kind', 'o1,A,1,retail', 'o2,B,1,retail', 'o3,B,1,retail', 'o4,Z,1,retail', 'o1,A,-1,retail', ''].join('\n'),
    });
    const { lines, chunks } = await chunkedIssues(dir, 'orders.csv');
    expect(chunks).toEqual([2, 2, 1]);
    expect(lines).toEqual([
      'orders.csv:5: UNKNOWN_AFFILIATE order "o4": unknown affiliate "Z"',
      'orders.csv:6: DUPLICATE_ORDER order "o1": duplicate id (first at #0)',
      'orders.csv:6: NEGATIVE_AMOUNT order "o1": amount "-1" is negative',
    ]);
  });

  it('locates issues of any chunk at their JSON Lines line, past blank lines', async () => {
    const dir = tempDir();
    const order = (id: string, affiliateId: string) => JSON.stringify({ id, affiliateId, amount: '1', kind: 'retail' });
    writeFiles(dir, { 'orders.jsonl': [order('o1', 'A'), '', order('o2', 'B'), order('o3', 'B'), '', '', order('o4', 'Y'), ''].join('\n') });
    const { lines, chunks } = await chunkedIssues(dir, 'orders.jsonl');
    expect(chunks).toEqual([2, 2]);
    expect(lines).toEqual(['orders.jsonl:7: UNKNOWN_AFFILIATE order "o4": unknown affiliate "Y"']);
  });

  it('hands a JSON array over in one chunk', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'orders.json': JSON.stringify([{ id: 'o1', affiliateId: 'A', amount: '1', kind: 'retail' }, { id: 'o2', affiliateId: 'Q', amount: '1', kind: 'retail' }]) });
    const { lines, chunks } = await chunkedIssues(dir, 'orders.json');
    expect(chunks).toEqual([2]);
    expect(lines).toEqual(['orders.json: [1].affiliateId: UNKNOWN_AFFILIATE order "o2": unknown affiliate "Q"']);
  });
});
