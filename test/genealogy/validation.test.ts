import { describe, expect, it } from 'vitest';
import { DownlineError, ErrorCode, type Issue } from '../../src/errors';
import { Genealogy, type MemberRecord } from '../../src/genealogy';

/** The issues that building from `records` reports (fails the test if the build succeeds). */
function issuesOf(records: readonly unknown[], path?: (string | number)[]): Issue[] {
  const result = Genealogy.safeFromRecords(records as MemberRecord[], path === undefined ? {} : { path });
  if (result.success) throw new Error('expected the records to be refused');
  return [...result.error.issues];
}

describe('one issue code at a time', () => {
  it('INVALID_MEMBER: a record that is not an object', () => {
    expect(issuesOf([{ id: 'A', sponsorId: null }, null, 7, 'B', undefined])).toEqual([
      { code: ErrorCode.InvalidMember, path: [1], message: 'member #1: must be an object with an id and a sponsorId' },
      { code: ErrorCode.InvalidMember, path: [2], message: 'member #2: must be an object with an id and a sponsorId' },
      { code: ErrorCode.InvalidMember, path: [3], message: 'member #3: must be an object with an id and a sponsorId' },
      { code: ErrorCode.InvalidMember, path: [4], message: 'member #4: must be an object with an id and a sponsorId' },
    ]);
  });

  it('INVALID_MEMBER: an id that is not a string, named by its position', () => {
    expect(issuesOf([{ id: 1, sponsorId: null }, { sponsorId: null }, { id: null, sponsorId: 'A' }, ['A', null]])).toEqual([
      { code: ErrorCode.InvalidMember, path: [0, 'id'], message: 'member #0: id must be a string' },
      { code: ErrorCode.InvalidMember, path: [1, 'id'], message: 'member #1: id must be a string' },
      { code: ErrorCode.InvalidMember, path: [2, 'id'], message: 'member #2: id must be a string' },
      { code: ErrorCode.InvalidMember, path: [3, 'id'], message: 'member #3: id must be a string' },
    ]);
  });

  it('INVALID_MEMBER: a sponsorId that is neither a string nor null/undefined', () => {
    expect(
      issuesOf([
        { id: 'A', sponsorId: null },
        { id: 'B', sponsorId: 0 },
        { id: 'C', sponsorId: { id: 'A' } },
        { id: 'D', sponsorId: false },
      ]),
    ).toEqual([
      { code: ErrorCode.InvalidMember, path: [1, 'sponsorId'], message: 'member "B": sponsorId must be a string or null' },
      { code: ErrorCode.InvalidMember, path: [2, 'sponsorId'], message: 'member "C": sponsorId must be a string or null' },
      { code: ErrorCode.InvalidMember, path: [3, 'sponsorId'], message: 'member "D": sponsorId must be a string or null' },
    ]);
  });

  it('an undefined or missing sponsorId is a root, like null; extra fields are ignored', () => {
    const g = Genealogy.fromRecords([
      { id: 'A', sponsorId: undefined } as unknown as MemberRecord,
      { id: 'B' } as unknown as MemberRecord,
      { id: 'C', sponsorId: 'A', name: 'Carol', joined: new Date(0), rank: 3 } as MemberRecord,
    ]);
    expect(g.roots()).toEqual(['A', 'B']);
    expect(g.sponsor('C')).toBe('A');
  });

  it('EMPTY_ID', () => {
    expect(issuesOf([{ id: 'A', sponsorId: null }, { id: '', sponsorId: 'A' }], ['members'])).toEqual([
      { code: ErrorCode.EmptyId, path: ['members', 1, 'id'], message: 'member #1: id is empty' },
    ]);
  });

  it('EMPTY_ID: the member is named by its position in its other issues too', () => {
    expect(issuesOf([{ id: 'A', sponsorId: null }, { id: '', sponsorId: 'Z' }])).toEqual([
      { code: ErrorCode.EmptyId, path: [1, 'id'], message: 'member #1: id is empty' },
      { code: ErrorCode.UnknownSponsor, path: [1, 'sponsorId'], message: 'member #1: unknown sponsor "Z"' },
    ]);
    // an empty sponsorId names nobody: no member can have the empty id
    expect(issuesOf([{ id: '', sponsorId: '' }]).map((issue) => issue.message)).toEqual([
      'member #0: id is empty',
      'member #0: unknown sponsor ""',
    ]);
  });

  it('DUPLICATE_MEMBER: every repeat, each pointing at the first', () => {
    expect(
      issuesOf([
        { id: 'A', sponsorId: null },
        { id: 'B', sponsorId: 'A' },
        { id: 'C', sponsorId: 'A' },
        { id: 'B', sponsorId: 'A' },
        { id: 'B', sponsorId: null },
      ]),
    ).toEqual([
      { code: ErrorCode.DuplicateMember, path: [3, 'id'], message: 'member "B": duplicate id (first at #1, again at #3)' },
      { code: ErrorCode.DuplicateMember, path: [4, 'id'], message: 'member "B": duplicate id (first at #1, again at #4)' },
    ]);
  });

  it('DUPLICATE_MEMBER: ids differing only in case or by a prefix are different', () => {
    const g = Genealogy.fromRecords([
      { id: 'a', sponsorId: null },
      { id: 'A', sponsorId: 'a' },
      { id: 'aa', sponsorId: 'A' },
      { id: 'a ', sponsorId: 'aa' },
    ]);
    expect(g.upline('a ')).toEqual(['aa', 'A', 'a']);
  });

  it('UNKNOWN_SPONSOR', () => {
    expect(issuesOf([{ id: 'A', sponsorId: null }, { id: 'C', sponsorId: 'Z' }, { id: 'D', sponsorId: 'a' }])).toEqual([
      { code: ErrorCode.UnknownSponsor, path: [1, 'sponsorId'], message: 'member "C": unknown sponsor "Z"' },
      { code: ErrorCode.UnknownSponsor, path: [2, 'sponsorId'], message: 'member "D": unknown sponsor "a"' },
    ]);
  });

  it('SELF_SPONSOR', () => {
    expect(issuesOf([{ id: 'A', sponsorId: null }, { id: 'D', sponsorId: 'D' }], ['network', 'members'])).toEqual([
      { code: ErrorCode.SelfSponsor, path: ['network', 'members', 1, 'sponsorId'], message: 'member "D": sponsors itself' },
    ]);
  });

  it('CYCLE', () => {
    expect(
      issuesOf([
        { id: 'R', sponsorId: null },
        { id: 'A', sponsorId: 'B' },
        { id: 'B', sponsorId: 'C' },
        { id: 'C', sponsorId: 'A' },
      ]),
    ).toEqual([{ code: ErrorCode.Cycle, path: [1, 'sponsorId'], message: 'cycle of 3 members: "A" -> "B" -> "C" -> "A"' }]);
  });

  it('UNKNOWN_MEMBER from every id-based query, and no throw from indexOf/has', () => {
    const g = Genealogy.fromRecords([{ id: 'A', sponsorId: null }]);
    const queries: ((id: string) => unknown)[] = [
      (id) => g.sponsor(id),
      (id) => g.depth(id),
      (id) => g.upline(id),
      (id) => g.upline(id, 1),
      (id) => g.recruits(id),
      (id) => g.downline(id),
      (id) => g.downline(id, 1),
      (id) => g.levelCounts(id),
      (id) => g.levelCounts(id, 1),
      (id) => g.subtreeSize(id),
    ];
    for (const query of queries) {
      let caught: unknown;
      try {
        query('X');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DownlineError);
      expect((caught as DownlineError).code).toBe(ErrorCode.UnknownMember);
      expect((caught as DownlineError).message).toBe('unknown member "X"');
    }
    expect(g.indexOf('X')).toBe(-1);
    expect(g.has('X')).toBe(false);
  });

  it('quotes odd ids safely in messages', () => {
    const long = 'x'.repeat(100);
    expect(issuesOf([{ id: 'a"b\n', sponsorId: long }]).map((issue) => issue.message)).toEqual([
      `member "a\\"b\\n": unknown sponsor "${'x'.repeat(61)}..."`,
    ]);
  });
});

describe('all issues at once', () => {
  const records: unknown[] = [
    { id: 'A', sponsorId: null }, // 0 fine
    'not a record', // 1 INVALID_MEMBER
    { id: '', sponsorId: 'A' }, // 2 EMPTY_ID
    { id: 'B', sponsorId: 'A' }, // 3 fine
    { id: 'B', sponsorId: 'A' }, // 4 DUPLICATE_MEMBER
    { id: 'C', sponsorId: 'nobody' }, // 5 UNKNOWN_SPONSOR
    { id: 'D', sponsorId: 'D' }, // 6 SELF_SPONSOR
    { id: 'E', sponsorId: 42 }, // 7 INVALID_MEMBER (sponsorId)
    { id: 'F', sponsorId: 'G' }, // 8 cycle F -> G -> F
    { id: 'G', sponsorId: 'F' }, // 9
    { id: 'H', sponsorId: 'F' }, // 10 hangs below the cycle: no issue of its own
    { id: 7, sponsorId: 'A' }, // 11 INVALID_MEMBER (id)
    { id: 'I', sponsorId: 'C' }, // 12 below a member with an unknown sponsor: fine
  ];

  it('reports every problem of every kind, ids first, then sponsors, then cycles', () => {
    expect(issuesOf(records, ['members'])).toEqual([
      { code: ErrorCode.InvalidMember, path: ['members', 1], message: 'member #1: must be an object with an id and a sponsorId' },
      { code: ErrorCode.EmptyId, path: ['members', 2, 'id'], message: 'member #2: id is empty' },
      { code: ErrorCode.DuplicateMember, path: ['members', 4, 'id'], message: 'member "B": duplicate id (first at #3, again at #4)' },
      { code: ErrorCode.InvalidMember, path: ['members', 11, 'id'], message: 'member #11: id must be a string' },
      { code: ErrorCode.UnknownSponsor, path: ['members', 5, 'sponsorId'], message: 'member "C": unknown sponsor "nobody"' },
      { code: ErrorCode.SelfSponsor, path: ['members', 6, 'sponsorId'], message: 'member "D": sponsors itself' },
      { code: ErrorCode.InvalidMember, path: ['members', 7, 'sponsorId'], message: 'member "E": sponsorId must be a string or null' },
      { code: ErrorCode.Cycle, path: ['members', 8, 'sponsorId'], message: 'cycle of 2 members: "F" -> "G" -> "F"' },
    ]);
  });

  it('throws the same issues from fromRecords, in one DownlineError, whatever the input form', () => {
    const expected = issuesOf(records, ['members']);
    for (const input of [records, new Set(records), (function* () { yield* records; })()]) {
      let caught: unknown;
      try {
        Genealogy.fromRecords(input as Iterable<MemberRecord>, { path: ['members'] });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DownlineError);
      const error = caught as DownlineError;
      expect(error.issues).toEqual(expected);
      expect(error.code).toBe(expected[0].code);
      expect(error.message.startsWith(`${expected.length} problems found:`)).toBe(true);
    }
  });

  it('paths start at the root when no path is given', () => {
    expect(issuesOf(records).map((issue) => issue.path[0])).toEqual([1, 2, 4, 11, 5, 6, 7, 8]);
  });
});

describe('cycles', () => {
  it('lists the members in sponsor order, starting at the first in the input', () => {
    // C's sponsor is A, A's is B, B's is C
    expect(issuesOf([{ id: 'C', sponsorId: 'A' }, { id: 'A', sponsorId: 'B' }, { id: 'B', sponsorId: 'C' }])).toEqual([
      { code: ErrorCode.Cycle, path: [0, 'sponsorId'], message: 'cycle of 3 members: "C" -> "A" -> "B" -> "C"' },
    ]);
  });

  it('one issue per cycle, in the order of their first members; trees hanging below are not reported', () => {
    const records = [
      { id: 'root', sponsorId: null },
      { id: 'q1', sponsorId: 'q2' },
      { id: 'tail1', sponsorId: 'p1' }, // below cycle p
      { id: 'p1', sponsorId: 'p2' },
      { id: 'p2', sponsorId: 'p1' },
      { id: 'q2', sponsorId: 'q3' },
      { id: 'tail2', sponsorId: 'tail1' }, // deeper below cycle p
      { id: 'q3', sponsorId: 'q1' },
      { id: 'fine', sponsorId: 'root' },
      { id: 'tail3', sponsorId: 'q3' }, // below cycle q
    ];
    expect(issuesOf(records).map((issue) => [issue.path, issue.message])).toEqual([
      [[1, 'sponsorId'], 'cycle of 3 members: "q1" -> "q2" -> "q3" -> "q1"'],
      [[3, 'sponsorId'], 'cycle of 2 members: "p1" -> "p2" -> "p1"'],
    ]);
  });

  it('a would-be cycle broken by a bad link is not a cycle', () => {
    expect(
      issuesOf([{ id: 'A', sponsorId: 'B' }, { id: 'B', sponsorId: 'C' }, { id: 'C', sponsorId: 'A!' }]).map((i) => i.code),
    ).toEqual([ErrorCode.UnknownSponsor]);
    expect(
      issuesOf([{ id: 'A', sponsorId: 'B' }, { id: 'B', sponsorId: 7 }]).map((i) => i.code),
    ).toEqual([ErrorCode.InvalidMember]);
  });

  it('cuts a long cycle after ten members with a count', () => {
    const ring = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, sponsorId: `r${(i + 1) % 12}` }));
    const [issue] = issuesOf(ring);
    expect(issue.message).toBe(
      'cycle of 12 members: "r0" -> "r1" -> "r2" -> "r3" -> "r4" -> "r5" -> "r6" -> "r7" -> "r8" -> "r9" -> … (2 more) -> "r0"',
    );
  });

  it('a cycle of exactly ten is listed in full', () => {
    const ring = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, sponsorId: `r${(i + 9) % 10}` }));
    const [issue] = issuesOf(ring);
    expect(issue.message).toBe(
      `cycle of 10 members: "r0" -> ${Array.from({ length: 9 }, (_, k) => `"r${9 - k}"`).join(' -> ')} -> "r0"`,
    );
  });

  it('finds cycles next to a valid forest, whatever the input order', () => {
    const forest = Array.from({ length: 200 }, (_, i) => ({ id: `m${i}`, sponsorId: i === 0 ? null : `m${(i * 7919) % i}` }));
    const cycle = [
      { id: 'x', sponsorId: 'y' },
      { id: 'y', sponsorId: 'z' },
      { id: 'z', sponsorId: 'x' },
    ];
    for (const records of [[...forest, ...cycle], [...cycle, ...forest], [...forest].reverse().concat(cycle)]) {
      const issues = issuesOf(records);
      expect(issues).toHaveLength(1);
      expect(issues[0].code).toBe(ErrorCode.Cycle);
      expect(issues[0].message.startsWith('cycle of 3 members: ')).toBe(true);
    }
  });
});

describe('member roles', () => {
  it('reads roles, affiliate by default', () => {
    const g = Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'c', sponsorId: 'A', role: 'customer' },
      { id: 'B', sponsorId: 'A', role: 'affiliate' },
    ]);
    expect(g.role('A')).toBe('affiliate');
    expect(g.role('c')).toBe('customer');
    expect(g.role('B')).toBe('affiliate');
    expect(g.customerCount).toBe(1);
    expect([...g.roles]).toEqual([0, 1, 0]);
  });
  it('refuses an unknown role and a customer who sponsors, naming both members', () => {
    const result = Genealogy.safeFromRecords(
      [
        { id: 'A', sponsorId: null, role: 'boss' as never },
        { id: 'c', sponsorId: 'A', role: 'customer' },
        { id: 'D', sponsorId: 'c' },
      ],
      { path: ['members'] },
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toEqual([
      { code: 'INVALID_MEMBER', path: ['members', 0, 'role'], message: 'member "A": role must be "affiliate" or "customer"' },
      {
        code: 'CUSTOMER_SPONSOR',
        path: ['members', 2, 'sponsorId'],
        message: 'member "D": sponsor "c" is a customer, and customers do not sponsor',
      },
    ]);
  });
  it('refuses input that is not a list of records with a coded error', () => {
    for (const bad of [null, undefined, 42, 'AB', {}]) {
      const result = Genealogy.safeFromRecords(bad as never, { path: ['members'] });
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.issues[0]).toMatchObject({ code: 'INVALID_MEMBER', path: ['members'] });
    }
  });
});
