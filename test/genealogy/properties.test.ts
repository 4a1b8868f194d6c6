import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode, type Issue, quote } from '../../src/errors';
import { Genealogy, type MemberRecord } from '../../src/genealogy';

// ---------------------------------------------------------------------------------------------------------
// A naive model: Maps and arrays of ids, recursion allowed (the inputs are small). Every query of Genealogy
// is recomputed here from the records alone.
// ---------------------------------------------------------------------------------------------------------

interface Model {
  readonly ids: string[]; // preorder
  readonly sponsorOf: Map<string, string | null>;
  readonly recruitsOf: Map<string, string[]>; // input order
  readonly roots: string[];
}

function model(records: readonly MemberRecord[]): Model {
  const sponsorOf = new Map(records.map((r) => [r.id, r.sponsorId]));
  const recruitsOf = new Map<string, string[]>(records.map((r) => [r.id, []]));
  const roots: string[] = [];
  for (const r of records) {
    if (r.sponsorId === null) roots.push(r.id);
    else recruitsOf.get(r.sponsorId)?.push(r.id);
  }
  const ids: string[] = [];
  const visit = (id: string): void => {
    ids.push(id);
    for (const child of recruitsOf.get(id) ?? []) visit(child);
  };
  for (const root of roots) visit(root);
  return { ids, sponsorOf, recruitsOf, roots };
}

function naiveUpline(m: Model, id: string): string[] {
  const out: string[] = [];
  for (let s = m.sponsorOf.get(id) ?? null; s !== null; s = m.sponsorOf.get(s) ?? null) out.push(s);
  return out;
}

/** Everyone below `id` in preorder with their relative level. */
function naiveBelow(m: Model, id: string): [string, number][] {
  const out: [string, number][] = [];
  const visit = (node: string, level: number): void => {
    for (const child of m.recruitsOf.get(node) ?? []) {
      out.push([child, level]);
      visit(child, level + 1);
    }
  };
  visit(id, 1);
  return out;
}

function naiveLevelCounts(m: Model, id: string, maxDepth = Infinity): number[] {
  const counts: number[] = [];
  for (const [, level] of naiveBelow(m, id)) {
    if (level > maxDepth) continue;
    while (counts.length < level) counts.push(0);
    counts[level - 1]++;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------

/** Distinct, non-empty ids: short ASCII (prefixes of each other, case variants), any UTF-16, long ones. */
const idsArb = (max: number) =>
  fc.uniqueArray(
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.string({ minLength: 60, maxLength: 80 }) },
    ),
    { minLength: 1, maxLength: max },
  );

/** A valid forest: member k is sponsored by an earlier member or is a root; listed in join order. */
const forestArb = (max: number) =>
  idsArb(max).chain((ids) =>
    fc
      .tuple(
        fc.array(fc.option(fc.nat(), { freq: 6, nil: null }), { minLength: ids.length, maxLength: ids.length }),
        fc.shuffledSubarray([...ids.keys()], { minLength: ids.length, maxLength: ids.length }),
      )
      .map(([picks, permutation]) => {
        const records: MemberRecord[] = ids.map((id, k) => ({
          id,
          sponsorId: k === 0 || picks[k] === null ? null : ids[(picks[k] as number) % k],
        }));
        return { records, shuffled: permutation.map((k) => records[k]) };
      }),
  );

// ---------------------------------------------------------------------------------------------------------

describe('every query against the naive model', () => {
  it('columns, ids and every id-based query, from join order and from shuffled order', () => {
    fc.assert(
      fc.property(forestArb(60), ({ records, shuffled }) => {
        for (const input of [records, shuffled]) {
          const g = Genealogy.fromRecords(input);
          const m = model(input);
          // columns
          expect(g.size).toBe(input.length);
          expect([...g.ids]).toEqual(m.ids);
          const index = new Map(m.ids.map((id, i) => [id, i]));
          expect([...g.parents]).toEqual(m.ids.map((id) => (m.sponsorOf.get(id) === null ? -1 : index.get(m.sponsorOf.get(id) as string))));
          expect([...g.depths]).toEqual(m.ids.map((id) => naiveUpline(m, id).length));
          expect([...g.subtreeSizes]).toEqual(m.ids.map((id) => naiveBelow(m, id).length + 1));
          expect(g.maxDepth).toBe(Math.max(...m.ids.map((id) => naiveUpline(m, id).length)));
          for (let i = 0; i < g.size; i++) {
            expect(g.parents[i]).toBeLessThan(i);
            // children enumerated from the sizes alone
            const children: string[] = [];
            for (let j = i + 1; j < i + g.subtreeSizes[i]; j += g.subtreeSizes[j]) children.push(g.ids.at(j));
            expect(children).toEqual(m.recruitsOf.get(g.ids.at(i)));
          }
          // queries
          expect(g.roots()).toEqual(m.roots);
          for (const [i, id] of m.ids.entries()) {
            expect(g.indexOf(id)).toBe(i);
            expect(g.has(id)).toBe(true);
            expect(g.sponsor(id)).toBe(m.sponsorOf.get(id));
            expect(g.depth(id)).toBe(naiveUpline(m, id).length);
            expect(g.upline(id)).toEqual(naiveUpline(m, id));
            expect(g.upline(id, 2)).toEqual(naiveUpline(m, id).slice(0, 2));
            expect(g.upline(id, 0)).toEqual([]);
            expect(g.recruits(id)).toEqual(m.recruitsOf.get(id));
            const below = naiveBelow(m, id);
            expect(g.downline(id)).toEqual(below.map(([b]) => b));
            expect(g.downline(id, 1)).toEqual(m.recruitsOf.get(id));
            expect(g.downline(id, 2)).toEqual(below.filter(([, level]) => level <= 2).map(([b]) => b));
            expect(g.downline(id, 0)).toEqual([]);
            expect(g.levelCounts(id)).toEqual(naiveLevelCounts(m, id));
            expect(g.levelCounts(id, 2)).toEqual(naiveLevelCounts(m, id, 2));
            expect(g.subtreeSize(id)).toBe(below.length + 1);
          }
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('an id that is not a member is unknown, even a prefix or extension of one', () => {
    fc.assert(
      fc.property(forestArb(30), fc.string({ maxLength: 5 }), ({ records }, probe) => {
        const g = Genealogy.fromRecords(records);
        const known = new Set(records.map((r) => r.id));
        for (const id of [probe, `${records[0].id}${probe}`, records[0].id.slice(0, -1)]) {
          expect(g.has(id)).toBe(known.has(id));
          expect(g.indexOf(id) >= 0).toBe(known.has(id));
          if (!known.has(id)) expect(() => g.depth(id)).toThrow(`unknown member ${quote(id)}`);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('shuffling the records changes no id-based answer', () => {
  it('upline, depth, sponsor, subtreeSize, levelCounts equal; downline, recruits and roots equal as sets', () => {
    const sorted = (list: string[]) => [...list].sort();
    fc.assert(
      fc.property(forestArb(80), ({ records, shuffled }) => {
        const a = Genealogy.fromRecords(records);
        const b = Genealogy.fromRecords(shuffled);
        expect(b.size).toBe(a.size);
        expect(b.maxDepth).toBe(a.maxDepth);
        expect(sorted(b.roots())).toEqual(sorted(a.roots()));
        for (const { id } of records) {
          expect(b.upline(id)).toEqual(a.upline(id));
          expect(b.depth(id)).toBe(a.depth(id));
          expect(b.sponsor(id)).toBe(a.sponsor(id));
          expect(b.subtreeSize(id)).toBe(a.subtreeSize(id));
          expect(b.levelCounts(id)).toEqual(a.levelCounts(id));
          expect(b.levelCounts(id, 1)).toEqual(a.levelCounts(id, 1));
          expect(sorted(b.downline(id))).toEqual(sorted(a.downline(id)));
          expect(sorted(b.downline(id, 2))).toEqual(sorted(a.downline(id, 2)));
          expect(sorted(b.recruits(id))).toEqual(sorted(a.recruits(id)));
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Validation against a naive validator: messy records from a tiny alphabet of ids, so that duplicates,
// unknown and self sponsors, cycles and malformed records all turn up together.
// ---------------------------------------------------------------------------------------------------------

const messyRecordArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', ''),
      sponsorId: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'z', '') },
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom(0, true, {}) },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, 3, 'a') },
  { weight: 1, arbitrary: fc.record({ id: fc.constantFrom(1, null, undefined), sponsorId: fc.constant(null) }) },
);

function naiveIssues(records: readonly unknown[]): Issue[] {
  const n = records.length;
  const idIssues: Issue[] = [];
  const sponsorIssues: Issue[] = [];
  const firstAt = new Map<string, number>();
  const ids: (string | null)[] = records.map(() => null);
  records.forEach((record, i) => {
    if (typeof record !== 'object' || record === null) {
      idIssues.push({ code: ErrorCode.InvalidMember, path: [i], message: `member #${i}: must be an object with an id and a sponsorId` });
      return;
    }
    const id = (record as { id: unknown }).id;
    if (typeof id !== 'string') {
      idIssues.push({ code: ErrorCode.InvalidMember, path: [i, 'id'], message: `member #${i}: id must be a string` });
      return;
    }
    ids[i] = id;
    if (id === '') idIssues.push({ code: ErrorCode.EmptyId, path: [i, 'id'], message: `member #${i}: id is empty` });
    else if (firstAt.has(id)) {
      idIssues.push({
        code: ErrorCode.DuplicateMember,
        path: [i, 'id'],
        message: `member ${quote(id)}: duplicate id (first at #${firstAt.get(id)}, again at #${i})`,
      });
    } else firstAt.set(id, i);
  });
  const link: number[] = records.map(() => -1);
  records.forEach((record, i) => {
    const id = ids[i];
    if (id === null) return;
    const name = id === '' ? `#${i}` : quote(id);
    const sponsorId = (record as { sponsorId: unknown }).sponsorId;
    if (sponsorId === null || sponsorId === undefined) return;
    const path = [i, 'sponsorId'];
    if (typeof sponsorId !== 'string') {
      sponsorIssues.push({ code: ErrorCode.InvalidMember, path, message: `member ${name}: sponsorId must be a string or null` });
    } else if (sponsorId === id && id !== '') {
      sponsorIssues.push({ code: ErrorCode.SelfSponsor, path, message: `member ${name}: sponsors itself` });
    } else if (!firstAt.has(sponsorId)) {
      sponsorIssues.push({ code: ErrorCode.UnknownSponsor, path, message: `member ${name}: unknown sponsor ${quote(sponsorId)}` });
    } else {
      link[i] = firstAt.get(sponsorId) as number;
    }
  });
  // cycles of the functional graph `link`, each listed from its lowest position, in order of that position
  const cycleIssues: Issue[] = [];
  const onCycle = new Set<number>();
  for (let start = 0; start < n; start++) {
    const seen = new Set<number>();
    let node = start;
    while (node >= 0 && !seen.has(node)) {
      seen.add(node);
      node = link[node];
    }
    if (node < 0 || onCycle.has(node)) continue;
    const members: number[] = [];
    let walk = node;
    do {
      members.push(walk);
      onCycle.add(walk);
      walk = link[walk];
    } while (walk !== node);
    const lowest = members.indexOf(Math.min(...members));
    const cycle = [...members.slice(lowest), ...members.slice(0, lowest)];
    const shown = cycle.slice(0, 10).map((k) => quote(ids[k]));
    const tail = cycle.length > 10 ? ` -> … (${cycle.length - 10} more)` : '';
    cycleIssues.push({
      code: ErrorCode.Cycle,
      path: [cycle[0], 'sponsorId'],
      message: `cycle of ${cycle.length} members: ${shown.join(' -> ')}${tail} -> ${quote(ids[cycle[0]])}`,
    });
  }
  cycleIssues.sort((x, y) => (x.path[0] as number) - (y.path[0] as number));
  return [...idIssues, ...sponsorIssues, ...cycleIssues];
}

describe('validation against a naive validator', () => {
  it('the same issues, in the same order, or success when there are none', () => {
    fc.assert(
      fc.property(fc.array(messyRecordArb, { maxLength: 25 }), (records) => {
        const expected = naiveIssues(records);
        const result = Genealogy.safeFromRecords(records as MemberRecord[]);
        if (expected.length === 0) {
          expect(result.success).toBe(true);
        } else {
          expect(result.success).toBe(false);
          if (!result.success) expect(result.error.issues).toEqual(expected);
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('random sponsor links anywhere (cycles, long ones included): one CYCLE issue per cycle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) =>
          fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { freq: 5, nil: null }), { minLength: n, maxLength: n }),
        ),
        (links) => {
          const records = links.map((link, i) => ({ id: `m${i}`, sponsorId: link === null ? null : `m${link}` }));
          const expected = naiveIssues(records);
          const result = Genealogy.safeFromRecords(records);
          if (result.success) expect(expected).toEqual([]);
          else expect(result.error.issues).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
