import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf } from '../arbitraries';
import { DownlineError, type Issue } from '../../src/errors';
import { Genealogy, GenealogyBuilder, type MemberRecord } from '../../src/genealogy';

/** A small pool of ids, so that sponsors are often found, sometimes not, and ids repeat now and then. */
const id = fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => `m${n}`) }, fc.constantFrom('', 'ü', 'a"b'));

/** Members mostly valid, with every kind of problem now and then: bad ids, sponsors and roles, non-objects. */
const record = fc.oneof(
  {
    weight: 14,
    arbitrary: fc.record(
      {
        id: fc.oneof({ weight: 12, arbitrary: id }, fc.constantFrom<unknown>(7, null)),
        sponsorId: fc.oneof({ weight: 3, arbitrary: fc.constant<unknown>(null) }, { weight: 6, arbitrary: id }, fc.constantFrom<unknown>(undefined, 3)),
        role: fc.oneof({ weight: 6, arbitrary: fc.constant<unknown>(undefined) }, fc.constantFrom<unknown>('affiliate', 'customer', 'boss')),
      },
      { requiredKeys: ['id', 'sponsorId'] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 3, 'x') },
);

/** A genealogy as plain data (ids in preorder, parents, depths, roles), or the issues thrown. */
function outcome(build: () => Genealogy): { genealogy: unknown } | { issues: readonly Issue[] } {
  try {
    const g = build();
    return {
      genealogy: {
        ids: [...g.ids],
        parents: [...g.parents],
        depths: [...g.depths],
        subtreeSizes: [...g.subtreeSizes],
        roles: [...g.roles],
        customerCount: g.customerCount,
        indexes: [...g.ids].map((memberId) => g.indexOf(memberId)),
      },
    };
  } catch (error) {
    if (error instanceof DownlineError) return { issues: error.issues };
    throw error;
  }
}

/**
 * Valid members from the records' ids: distinct and non-empty; two in three are sponsored by the member one or
 * two places after them (sponsors come after their members, so no cycle), and one that sponsors nobody is a
 * customer now and then.
 */
function forestOf(records: unknown[]): MemberRecord[] {
  const named = records.map((r, i) => (typeof r === 'object' && r !== null && typeof (r as MemberRecord).id === 'string' && (r as MemberRecord).id !== '' ? (r as MemberRecord).id : `x${i}`));
  const ids = [...new Set(named)];
  const sponsor = ids.map((_, k) => (k % 3 !== 0 && k + 1 + (k % 2) < ids.length ? k + 1 + (k % 2) : -1));
  const sponsors = new Set(sponsor);
  return ids.map((memberId, k) => ({
    id: memberId,
    sponsorId: sponsor[k] < 0 ? null : ids[sponsor[k]],
    ...(k % 4 === 1 && !sponsors.has(k) ? { role: 'customer' as const } : {}),
  }));
}

describe('GenealogyBuilder', () => {
  it('gives the genealogy and the issues of Genealogy.fromRecords, whatever the chunks', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 12 }),
        fc.constantFrom('invalid', 'forest', 'cycles'),
        fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
        (records, sizes, kind, capacity) => {
          // a third of the runs are valid forests (genealogies compared), a third add sponsor cycles
          const given: unknown[] = kind === 'invalid' ? records : forestOf(records);
          if (kind === 'cycles' && given.length > 1) {
            // the first and the last sponsor each other; whoever hangs below them is in no cycle
            const first = given[0] as MemberRecord;
            const last = given[given.length - 1] as MemberRecord;
            given[0] = { ...first, sponsorId: last.id };
            given[given.length - 1] = { ...last, sponsorId: first.id };
          }
          const options = { path: ['members'] };
          const whole = outcome(() => Genealogy.fromRecords(given as MemberRecord[], options));
          const chunked = outcome(() => {
            // room made beforehand, too little or too much, changes nothing
            const builder = new GenealogyBuilder({ ...options, ...(capacity === undefined ? {} : { capacity }) });
            for (const chunk of chunksOf(given, sizes)) builder.add(chunk as MemberRecord[]);
            expect(builder.count).toBe(given.length);
            return builder.build();
          });
          expect(chunked).toEqual(whole);
          if (kind === 'forest') expect('genealogy' in whole).toBe(true);
        },
      ),
      { seed: 20261123, numRuns: 500 },
    );
  });

  it('numbers records across chunks: issues name positions counted from the first chunk', () => {
    const builder = new GenealogyBuilder({ path: ['members'] });
    builder.add([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }]);
    builder.add([]);
    builder.add([
      { id: 'A', sponsorId: null },
      { id: 'C', sponsorId: 'Z' },
      { id: 'P', sponsorId: 'Q' },
    ]);
    builder.add([{ id: 'Q', sponsorId: 'P' }]);
    expect(outcome(() => builder.build())).toEqual({
      issues: [
        { code: 'DUPLICATE_MEMBER', path: ['members', 2, 'id'], message: 'member "A": duplicate id (first at #0, again at #2)' },
        { code: 'UNKNOWN_SPONSOR', path: ['members', 3, 'sponsorId'], message: 'member "C": unknown sponsor "Z"' },
        { code: 'CYCLE', path: ['members', 4, 'sponsorId'], message: 'cycle of 2 members: "P" -> "Q" -> "P"' },
      ],
    });
  });

  it('builds a genealogy whose sponsors come in later chunks', () => {
    const g = new GenealogyBuilder().add([{ id: 'C', sponsorId: 'B' }]).add([{ id: 'B', sponsorId: 'A' }]).add([{ id: 'A', sponsorId: null }]).build();
    expect([...g.ids]).toEqual(['A', 'B', 'C']);
    expect(g.upline('C')).toEqual(['B', 'A']);
  });

  it('refuses a capacity that is no whole number of records', () => {
    for (const capacity of [-1, 0.5, Number.POSITIVE_INFINITY]) {
      expect(() => new GenealogyBuilder({ capacity })).toThrow(
        expect.objectContaining({ issues: [expect.objectContaining({ code: 'INVALID_OPTIONS', path: ['options', 'capacity'] })] }),
      );
    }
    expect(() => new GenealogyBuilder({ capacity: 0.5 })).toThrow('GenealogyBuilder: capacity must be a whole number from 0 to 2147483647, got 0.5');
  });

  it('builds once', () => {
    const builder = new GenealogyBuilder();
    expect(builder.build().size).toBe(0);
    expect(() => builder.build()).toThrow();
    expect(() => builder.add([])).toThrow();
  });
});
