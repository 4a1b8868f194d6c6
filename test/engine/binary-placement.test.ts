import { describe, expect, it } from 'vitest';
import { DownlineError, ErrorCode, Genealogy } from '../../src';
import { buildPlacement, type PlacementRecord } from '../../src/engine/binary-placement';
import { binaryPairs, compileBinary } from '../../src/engine/binary';
import { ExactColumn } from '../../src/money/exact-column';

// Sponsor tree: A sponsors everyone else; c1 is a customer referred by A.
const genealogy = Genealogy.fromRecords([
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
  { id: 'C', sponsorId: 'A' },
  { id: 'D', sponsorId: 'A' },
  { id: 'E', sponsorId: 'A' },
  { id: 'c1', sponsorId: 'A', role: 'customer' },
]);
const at = (id: string) => genealogy.indexOf(id);
const root = (id: string): PlacementRecord => ({ id, parentId: null, side: null });
const under = (id: string, parentId: string, side: 'left' | 'right'): PlacementRecord => ({ id, parentId, side });

/** The issues of the error thrown by `fn`, as [code, path, message]. */
function issuesOf(fn: () => unknown): [string, string, string][] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DownlineError);
    return (error as DownlineError).issues.map((issue) => [issue.code, issue.path.join('.'), issue.message]);
  }
  throw new Error('expected a DownlineError');
}
const build = (records: unknown[]) => buildPlacement(records as PlacementRecord[], genealogy);

describe('buildPlacement', () => {
  it('builds the placement tree in columns, apart from the sponsor tree', () => {
    // C below D although A sponsored both; B is not placed at all; records in any order
    const placement = build([under('C', 'D', 'right'), root('A'), under('D', 'A', 'left'), under('E', 'A', 'right')]);
    expect([...genealogy.ids]).toEqual(['A', 'B', 'C', 'D', 'E', 'c1']);
    expect([...genealogy.ids].map((id) => placement.parent[at(id)])).toEqual([-1, -1, at('D'), at('A'), at('A'), -1]);
    expect([...genealogy.ids].map((id) => placement.side[at(id)])).toEqual([0, 0, 2, 1, 2, 0]);
    expect([...genealogy.ids].map((id) => placement.placed[at(id)])).toEqual([1, 0, 1, 1, 1, 0]);
    // breadth first from the root, left before right: every parent before its children
    expect(Array.from(placement.order, (u) => genealogy.ids.at(u))).toEqual(['A', 'D', 'E', 'C']);
  });

  it('reads a missing parentId and side as null, and allows several roots', () => {
    const placement = build([{ id: 'A' }, { id: 'B', parentId: null }, under('C', 'B', 'left')]);
    expect(Array.from(placement.order, (u) => genealogy.ids.at(u))).toEqual(['A', 'B', 'C']);
    expect(placement.parent[at('C')]).toBe(at('B'));
  });

  it('places nobody from an empty list', () => {
    const placement = build([]);
    expect(placement.order.length).toBe(0);
    expect(Array.from(placement.placed)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('refuses a side already taken, naming both members', () => {
    const g = Genealogy.fromRecords(['M2', 'M5', 'M7'].map((id) => ({ id, sponsorId: null })));
    const records = [root('M2'), under('M5', 'M2', 'left'), under('M7', 'M2', 'left')];
    expect(issuesOf(() => buildPlacement(records, g))).toEqual([
      [ErrorCode.PlacementSideTaken, 'placement.2.side', 'placement "M7": side "left" of "M2" is already taken by "M5"'],
    ]);
  });

  it('refuses malformed records, naming them by position', () => {
    expect(issuesOf(() => build([root('A'), 42, null]))).toEqual([
      [ErrorCode.InvalidPlacement, 'placement.1', 'placement #1: must be an object with an id, a parentId and a side'],
      [ErrorCode.InvalidPlacement, 'placement.2', 'placement #2: must be an object with an id, a parentId and a side'],
    ]);
    expect(issuesOf(() => build([{ id: 7, parentId: null, side: null }]))).toEqual([
      [ErrorCode.InvalidPlacement, 'placement.0.id', 'placement #0: id must be a string, got 7'],
    ]);
    expect(issuesOf(() => build([root('A'), { id: 'B', parentId: 'A', side: 'up' }]))).toEqual([
      [ErrorCode.InvalidPlacement, 'placement.1.side', 'placement #1 "B": side must be "left", "right" or null, got "up"'],
    ]);
    expect(issuesOf(() => build([root('A'), { id: 'B', parentId: 3, side: 'left' }]))).toEqual([
      [ErrorCode.InvalidPlacement, 'placement.1.parentId', 'placement #1 "B": parentId must be a string or null, got 3'],
    ]);
    expect(issuesOf(() => buildPlacement('A' as never, genealogy))).toEqual([
      [ErrorCode.InvalidPlacement, 'placement', 'placement: must be an array of placement records'],
    ]);
  });

  it('refuses ids that the genealogy does not hold', () => {
    expect(issuesOf(() => build([root('A'), under('Z', 'A', 'left'), under('B', 'Y', 'right')]))).toEqual([
      [ErrorCode.UnknownMember, 'placement.1.id', 'placement "Z": unknown member "Z"'],
      [ErrorCode.UnknownMember, 'placement.2.parentId', 'placement "B": unknown parent "Y"'],
    ]);
  });

  it('refuses customers, as placed members and as parents', () => {
    expect(issuesOf(() => build([root('A'), under('c1', 'A', 'left'), under('B', 'c1', 'right')]))).toEqual([
      [ErrorCode.InvalidPlacement, 'placement.1.id', 'placement "c1": "c1" is a customer, and customers are not placed'],
      [ErrorCode.InvalidPlacement, 'placement.2.parentId', 'placement "B": parent "c1" is a customer, and customers hold no placement'],
    ]);
  });

  it('refuses a member placed twice', () => {
    expect(issuesOf(() => build([root('A'), under('B', 'A', 'left'), under('B', 'A', 'right')]))).toEqual([
      [ErrorCode.InvalidPlacement, 'placement.2.id', 'placement "B": placed twice (first at #1, again at #2)'],
    ]);
  });

  it('refuses a root with a side and a non-root without one', () => {
    expect(issuesOf(() => build([{ id: 'A', parentId: null, side: 'left' }, { id: 'B', parentId: 'A', side: null }]))).toEqual([
      [ErrorCode.InvalidPlacement, 'placement.0.side', 'placement "A": a placement root (parentId null) has no side, got "left"'],
      [ErrorCode.InvalidPlacement, 'placement.1.side', 'placement "B": side must be "left" or "right" under parent "A"'],
    ]);
  });

  it('refuses a parent that is not placed', () => {
    expect(issuesOf(() => build([root('A'), under('C', 'B', 'left')]))).toEqual([
      [ErrorCode.InvalidPlacement, 'placement.1.parentId', 'placement "C": parent "B" is not placed'],
    ]);
  });

  it('refuses cycles, listing their members in parent order', () => {
    // B → C → D → B, with E hanging below the loop, and A as a sound root
    const records = [root('A'), under('C', 'D', 'left'), under('B', 'C', 'right'), under('D', 'B', 'left'), under('E', 'B', 'right')];
    expect(issuesOf(() => build(records))).toEqual([
      [ErrorCode.PlacementCycle, 'placement.1.parentId', 'placement cycle of 3 members: "C" -> "D" -> "B" -> "C"'],
    ]);
    expect(issuesOf(() => build([under('A', 'A', 'right')]))).toEqual([
      [ErrorCode.PlacementCycle, 'placement.0.parentId', 'placement cycle of 1 member: "A" -> "A"'],
    ]);
  });

  it('collects every issue of every record in one error, in record order, under the given path', () => {
    const records = [root('A'), under('A', 'B', 'left'), under('Z', 'A', 'left'), { id: 'B', side: 'left' }, under('D', 'D', 'left')];
    const issues = issuesOf(() => buildPlacement(records as PlacementRecord[], genealogy, ['input', 'placement']));
    expect(issues.map(([code, path]) => [code, path])).toEqual([
      [ErrorCode.InvalidPlacement, 'input.placement.1.id'],
      [ErrorCode.UnknownMember, 'input.placement.2.id'],
      [ErrorCode.InvalidPlacement, 'input.placement.3.side'],
      [ErrorCode.PlacementCycle, 'input.placement.4.parentId'],
    ]);
  });

  it('builds a chain a million deep, and the binary stage folds it, without recursion', () => {
    const n = 1_000_000;
    const ids = Array.from({ length: n }, (_, i) => `M${i}`);
    const g = Genealogy.fromRecords(ids.map((id) => ({ id, sponsorId: null })));
    const records: PlacementRecord[] = ids.map((id, i) => (i === 0 ? root(id) : under(id, ids[i - 1], i % 2 === 0 ? 'left' : 'right')));
    const placement = buildPlacement(records, g);
    expect(placement.order.length).toBe(n);
    expect(placement.order[n - 1]).toBe(g.indexOf(ids[n - 1]));
    expect(placement.parent[g.indexOf(ids[n - 1])]).toBe(g.indexOf(ids[n - 2]));

    const volume = new ExactColumn(new Float64Array(n).fill(1));
    const outcome = binaryPairs(placement, volume, new Uint8Array(n).fill(1), compileBinary({ pairVolume: '1', pairAmount: '1' }, 0), null);
    expect(outcome.legRight.get(g.indexOf('M0'))).toBe(BigInt(n - 1)); // M1 is on the right, everyone else below it
    expect(outcome.legLeft.get(g.indexOf('M0'))).toBe(0n);
    expect(outcome.paid).toBe(0n); // a chain has one leg per member: nothing pairs

    // and a loop of a million members is reported, without recursion, listing the first ten
    const loop = records.map((r, i) => (i === 0 ? under(r.id, ids[n - 1], 'left') : r));
    const issues = issuesOf(() => buildPlacement(loop, g));
    expect(issues).toHaveLength(1);
    expect(issues[0][0]).toBe(ErrorCode.PlacementCycle);
    expect(issues[0][2]).toMatch(/^placement cycle of 1000000 members: "M0" -> "M999999" -> .* -> … \(999990 more\) -> "M0"$/);
  });
});
