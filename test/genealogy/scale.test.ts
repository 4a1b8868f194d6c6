import { describe, expect, it } from 'vitest';
import { Genealogy } from '../../src/genealogy';

// genealogy.test.ts builds the million-deep chain and million-wide star from records listed sponsors first
// (the sequential path). Listed the other way round, every member comes before its sponsor and the build
// takes the depth-first path with its explicit stack: here every query is asked of both shapes on that path.
const N = 1_000_000;

describe('a million members, listed before their sponsors (depth-first path)', () => {
  it('a chain a million deep answers every query', () => {
    const chain = Array.from({ length: N }, (_, k) => {
      const i = N - 1 - k; // deepest first
      return { id: `c${i}`, sponsorId: i === 0 ? null : `c${i - 1}` };
    });
    const g = Genealogy.fromRecords(chain);
    const last = `c${N - 1}`;
    expect(g.size).toBe(N);
    expect(g.maxDepth).toBe(N - 1);
    expect(g.ids.at(0)).toBe('c0');
    expect(g.ids.at(N - 1)).toBe(last);
    expect(g.indexOf(last)).toBe(N - 1);
    expect(g.has(last)).toBe(true);
    expect(g.roots()).toEqual(['c0']);
    expect(g.sponsor(last)).toBe(`c${N - 2}`);
    expect(g.depth(last)).toBe(N - 1);
    const up = g.upline(last);
    expect(up).toHaveLength(N - 1);
    expect([up[0], up[N - 2]]).toEqual([`c${N - 2}`, 'c0']);
    expect(g.upline(last, 3)).toEqual([`c${N - 2}`, `c${N - 3}`, `c${N - 4}`]);
    expect(g.recruits('c0')).toEqual(['c1']);
    expect(g.recruits(last)).toEqual([]);
    const down = g.downline('c0');
    expect(down).toHaveLength(N - 1);
    expect(down[N - 2]).toBe(last);
    expect(g.downline('c0', 2)).toEqual(['c1', 'c2']);
    const counts = g.levelCounts('c0');
    expect(counts).toHaveLength(N - 1);
    expect(counts.every((c) => c === 1)).toBe(true);
    expect(g.levelCounts('c0', 5)).toEqual([1, 1, 1, 1, 1]);
    expect(g.subtreeSize('c0')).toBe(N);
    expect(g.subtreeSize(`c${N / 2}`)).toBe(N / 2);
    for (let i = 0; i < N; i++) if (g.parents[i] !== i - 1) throw new Error(`parent of ${i}`);
  });

  it('a ring a million long, listed backwards, is one cycle', () => {
    const ring = Array.from({ length: N }, (_, k) => {
      const i = N - 1 - k;
      return { id: `r${i}`, sponsorId: `r${(i + N - 1) % N}` };
    });
    const result = Genealogy.safeFromRecords(ring);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toHaveLength(1);
    expect(result.error.issues[0].message.startsWith(`cycle of ${N} members: "r${N - 1}" -> "r${N - 2}"`)).toBe(true);
  });

  it('a star a million wide answers every query', () => {
    const star = Array.from({ length: N }, (_, k) => {
      const i = N - 1 - k; // the root last
      return { id: `s${i}`, sponsorId: i === 0 ? null : 's0' };
    });
    const g = Genealogy.fromRecords(star);
    expect(g.size).toBe(N);
    expect(g.maxDepth).toBe(1);
    expect(g.roots()).toEqual(['s0']);
    expect(g.indexOf('s0')).toBe(0);
    // recruits keep input order: s999999 first
    const recruits = g.recruits('s0');
    expect(recruits).toHaveLength(N - 1);
    expect([recruits[0], recruits[N - 2]]).toEqual([`s${N - 1}`, 's1']);
    expect(g.downline('s0')).toEqual(recruits);
    expect(g.downline('s0', 1)).toHaveLength(N - 1);
    expect(g.downline('s1')).toEqual([]);
    expect(g.levelCounts('s0')).toEqual([N - 1]);
    expect(g.levelCounts('s0', 3)).toEqual([N - 1]);
    expect(g.levelCounts('s1')).toEqual([]);
    expect(g.subtreeSize('s0')).toBe(N);
    expect(g.subtreeSize('s1')).toBe(1);
    expect(g.sponsor('s1')).toBe('s0');
    expect(g.depth('s1')).toBe(1);
    expect(g.upline('s1')).toEqual(['s0']);
  });
});
