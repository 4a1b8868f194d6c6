import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DownlineError } from '../../src/errors';
import { Genealogy, type MemberRecord } from '../../src/genealogy';
import { shuffled } from '../arbitraries';

//        A            X (second root)
//      / | \          |
//     B  E  F         Y
//    / \     \
//   C   D     G
//             |
//             H
const records: MemberRecord[] = [
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
  { id: 'C', sponsorId: 'B' },
  { id: 'X', sponsorId: null },
  { id: 'D', sponsorId: 'B' },
  { id: 'E', sponsorId: 'A' },
  { id: 'F', sponsorId: 'A' },
  { id: 'G', sponsorId: 'F' },
  { id: 'Y', sponsorId: 'X' },
  { id: 'H', sponsorId: 'G' },
];
const g = Genealogy.fromRecords(records);

describe('Genealogy queries', () => {
  it('numbers members in preorder, roots and children in input order', () => {
    expect([...g.ids]).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'X', 'Y']);
    expect([...g.parents]).toEqual([-1, 0, 1, 1, 0, 0, 5, 6, -1, 8]);
    expect([...g.depths]).toEqual([0, 1, 2, 2, 1, 1, 2, 3, 0, 1]);
    expect([...g.subtreeSizes]).toEqual([8, 3, 1, 1, 1, 3, 2, 1, 2, 1]);
    expect(g.maxDepth).toBe(3);
    expect(g.size).toBe(10);
  });
  it('answers by id', () => {
    expect(g.roots()).toEqual(['A', 'X']);
    expect(g.sponsor('G')).toBe('F');
    expect(g.sponsor('A')).toBeNull();
    expect(g.depth('H')).toBe(3);
    expect(g.upline('H')).toEqual(['G', 'F', 'A']);
    expect(g.upline('H', 2)).toEqual(['G', 'F']);
    expect(g.upline('A')).toEqual([]);
    expect(g.recruits('A')).toEqual(['B', 'E', 'F']);
    expect(g.recruits('C')).toEqual([]);
    expect(g.downline('A')).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(g.downline('A', 1)).toEqual(['B', 'E', 'F']);
    expect(g.downline('A', 2)).toEqual(['B', 'C', 'D', 'E', 'F', 'G']);
    expect(g.levelCounts('A')).toEqual([3, 3, 1]);
    expect(g.levelCounts('A', 2)).toEqual([3, 3]);
    expect(g.levelCounts('H')).toEqual([]);
    expect(g.subtreeSize('A')).toBe(8);
    expect(g.subtreeSize('Y')).toBe(1);
    expect(g.indexOf('G')).toBe(6);
    expect(g.indexOf('nobody')).toBe(-1);
    expect([...g.indexesOf(['G', 'nobody', undefined, 'A', 'Y'])]).toEqual([6, -1, -1, 0, 9]);
    expect(g.has('Y') && !g.has('Z')).toBe(true);
  });
  it('keeps input order for roots and children when members come before their sponsors', () => {
    // the fixture lists sponsors first (sequential path); reversed, members come first (search path)
    const reversed = Genealogy.fromRecords([...records].reverse());
    expect([...reversed.ids]).toEqual(['X', 'Y', 'A', 'F', 'G', 'H', 'E', 'B', 'D', 'C']);
    expect(reversed.recruits('A')).toEqual(['F', 'E', 'B']);
    expect([...reversed.parents].every((p, i) => p < i)).toBe(true);
  });
  it('accepts any iterable and an empty input', () => {
    expect([...Genealogy.fromRecords(new Set(records)).ids]).toEqual([...g.ids]);
    expect(Genealogy.fromRecords([]).size).toBe(0);
  });
  it('refuses unknown ids in queries', () => {
    expect(() => g.upline('Z')).toThrow(DownlineError);
    expect(() => g.downline('Z')).toThrow('unknown member "Z"');
  });
});

// Validation (every issue code, all issues at once, cycles) is in validation.test.ts.

describe('no recursion', () => {
  const N = 1_000_000;
  it('a chain a million deep', () => {
    const chain = Array.from({ length: N }, (_, i) => ({ id: `c${i}`, sponsorId: i === 0 ? null : `c${i - 1}` }));
    const deep = Genealogy.fromRecords(chain);
    expect(deep.maxDepth).toBe(N - 1);
    expect(deep.depth(`c${N - 1}`)).toBe(N - 1);
    expect(deep.upline(`c${N - 1}`)).toHaveLength(N - 1);
    expect(deep.downline('c0')).toHaveLength(N - 1);
    expect(deep.levelCounts('c0')).toHaveLength(N - 1);
    expect(deep.subtreeSize('c0')).toBe(N);
    const ring = Genealogy.safeFromRecords(chain.map((m, i) => (i === 0 ? { ...m, sponsorId: `c${N - 1}` } : m)));
    expect(!ring.success && ring.error.issues[0].message.startsWith(`cycle of ${N} members`)).toBe(true);
  });
  it('a star a million wide', () => {
    const star = Array.from({ length: N }, (_, i) => ({ id: `s${i}`, sponsorId: i === 0 ? null : 's0' }));
    const wide = Genealogy.fromRecords(star);
    expect(wide.maxDepth).toBe(1);
    expect(wide.recruits('s0')).toHaveLength(N - 1);
    expect(wide.levelCounts('s0')).toEqual([N - 1]);
  });
});

describe('queries equal a naive Map-based recomputation, whatever the input order', () => {
  const forest = fc
    .record({ n: fc.integer({ min: 1, max: 80 }), picks: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }), roots: fc.integer({ min: 1, max: 4 }), seed: fc.nat() })
    .map(({ n, picks, roots, seed }) => {
      const members = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, sponsorId: i < roots ? null : `m${picks[i] % i}` }));
      return { members, input: shuffled(members, seed) };
    });
  it('upline, depth, recruits, downline, levelCounts, subtreeSize, from sorted and shuffled input', () => {
    fc.assert(
      // `members` lists sponsors first (the sequential preorder path), `input` is shuffled (the search path)
      fc.property(fc.tuple(forest, fc.boolean()), ([{ members, input: shuffledInput }, sorted]) => {
        const input = sorted ? members : shuffledInput;
        const genealogy = Genealogy.fromRecords(input);
        const sponsor = new Map(members.map((m) => [m.id, m.sponsorId]));
        const up = (id: string) => {
          const out: string[] = [];
          for (let s = sponsor.get(id) ?? null; s !== null; s = sponsor.get(s) ?? null) out.push(s);
          return out;
        };
        for (const { id } of members) {
          const below = members.filter((m) => up(m.id).includes(id)).map((m) => m.id);
          expect(genealogy.upline(id)).toEqual(up(id));
          expect(genealogy.depth(id)).toBe(up(id).length);
          expect(genealogy.sponsor(id)).toBe(sponsor.get(id));
          expect(genealogy.recruits(id).sort()).toEqual(input.filter((m) => m.sponsorId === id).map((m) => m.id).sort());
          expect(genealogy.downline(id).sort()).toEqual(below.sort());
          expect(genealogy.subtreeSize(id)).toBe(below.length + 1);
          const counts: number[] = [];
          for (const b of below) {
            const level = up(b).indexOf(id) + 1;
            while (counts.length < level) counts.push(0);
            counts[level - 1]++;
          }
          expect(genealogy.levelCounts(id)).toEqual(counts);
          expect(genealogy.downline(id, 2).sort()).toEqual(below.filter((b) => up(b).indexOf(id) < 2).sort());
        }
        // the columns keep their promises
        for (let i = 0; i < genealogy.size; i++) {
          expect(genealogy.parents[i]).toBeLessThan(i);
          if (genealogy.parents[i] >= 0) expect(genealogy.depths[i]).toBe(genealogy.depths[genealogy.parents[i]] + 1);
        }
      }),
      { seed: 21, numRuns: 200 },
    );
  });
});
