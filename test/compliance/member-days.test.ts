import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf } from '../arbitraries';
import { assessCompliance } from '../../src/compliance';
import { MemberDays, MemberDaysBuilder } from '../../src/compliance/member-days';
import { computeCommissions } from '../../src/engine';
import { DownlineError, type Issue } from '../../src/errors';
import { Genealogy, GenealogyBuilder, type MemberRecord } from '../../src/genealogy';

/** A forest of up to 40 members in input order (sponsors anywhere in it), with dates good, bad, or missing. */
const membersArb = fc
  .array(
    fc.record({
      sponsor: fc.nat(),
      joinedOn: fc.option(fc.constantFrom('2026-09-01', '2026-10-05', '2026-10-31', '2026-02-30', 'soon'), { nil: undefined }),
      leftOn: fc.option(fc.constantFrom('2026-10-20', '2026-08-01', '20261020'), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .chain((rows) =>
    fc.shuffledSubarray([...rows.keys()], { minLength: rows.length, maxLength: rows.length }).map((order) =>
      // member k is sponsored by an earlier member of the preorder-free numbering, then the records are shuffled
      order.map((k): MemberRecord => {
        const row = rows[k];
        return {
          id: `m${k}`,
          sponsorId: k === 0 || row.sponsor % 5 === 0 ? null : `m${row.sponsor % k}`,
          ...(row.joinedOn === undefined ? {} : { joinedOn: row.joinedOn }),
          ...(row.leftOn === undefined ? {} : { leftOn: row.leftOn }),
        };
      }),
    ),
  );

function outcome<T>(make: () => T): { value: T } | { issues: readonly Issue[] } {
  try {
    return { value: make() };
  } catch (error) {
    if (error instanceof DownlineError) return { issues: error.issues };
    throw error;
  }
}

describe('MemberDaysBuilder', () => {
  it('gives the assessment member records give, or their issues, whatever the chunks', () => {
    fc.assert(
      fc.property(membersArb, fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 10 }), (members, sizes) => {
        const genealogy = Genealogy.fromRecords(members);
        const orders = members.map((m, i) => ({ id: `o${i}`, affiliateId: m.id, amount: `${10 + i}.00`, kind: 'personal' as const }));
        const result = computeCommissions({ genealogy, plan: { levels: ['0.10', '0.05'] }, orders });
        const period = { start: '2026-10-01', end: '2026-10-31', costs: [] };
        const days = new MemberDaysBuilder({ path: ['members'] });
        for (const chunk of chunksOf(members, sizes)) days.add(chunk);
        const fromDays = outcome(() => assessCompliance({ ...period, result, members: days.build(genealogy) }));
        const fromRecords = outcome(() => assessCompliance({ ...period, result, members }));
        expect(fromDays).toEqual(fromRecords);
      }),
      { seed: 20261123, numRuns: 200 },
    );
  });

  it('keeps the days by preorder index, fed alongside a GenealogyBuilder', () => {
    const records: MemberRecord[] = [
      { id: 'C', sponsorId: 'A', joinedOn: '2026-10-03' },
      { id: 'A', sponsorId: null, joinedOn: '2026-10-01', leftOn: '2026-10-30' },
      { id: 'B', sponsorId: 'A' },
    ];
    const builder = new GenealogyBuilder();
    const daysBuilder = new MemberDaysBuilder({ capacity: 1 });
    for (const chunk of [records.slice(0, 1), records.slice(1)]) {
      builder.add(chunk);
      daysBuilder.add(chunk);
    }
    const genealogy = builder.build();
    const days = daysBuilder.build(genealogy);
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    expect(days.joined[genealogy.indexOf('A')]).toBe(day('2026-10-01'));
    expect(days.left[genealogy.indexOf('A')]).toBe(day('2026-10-30'));
    expect(days.joined[genealogy.indexOf('C')]).toBe(day('2026-10-03'));
    expect(days.joinDays).toBe(2);
    expect(genealogy.indexOfRecord(0)).toBe(genealogy.indexOf('C'));
    expect([genealogy.indexOfRecord(3), genealogy.indexOfRecord(-1), genealogy.indexOfRecord(0.5)]).toEqual([-1, -1, -1]);
  });

  it('refuses days read for other records or another genealogy', () => {
    const genealogy = Genealogy.fromRecords([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }]);
    const short = new MemberDaysBuilder({ path: ['members'] }).add([{ id: 'A', sponsorId: null }]);
    expect(outcome(() => short.build(genealogy))).toEqual({
      issues: [{ code: 'INVALID_RECORD', path: ['members'], message: 'members: 1 records given for a genealogy of 2 members' }],
    });
    const other = Genealogy.fromRecords([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }]);
    const days = new MemberDaysBuilder().add([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }]).build(other);
    expect(days).toBeInstanceOf(MemberDays);
    const result = computeCommissions({ genealogy, plan: { levels: ['0.10', '0.05'] }, orders: [] });
    expect(() => assessCompliance({ result, members: days })).toThrow('members: the member days were read for another genealogy');
  });

  it('refuses a bad capacity, and builds once', () => {
    expect(() => new MemberDaysBuilder({ capacity: -2 })).toThrow('MemberDaysBuilder: capacity must be a whole number from 0 to 2147483647, got -2');
    const builder = new MemberDaysBuilder();
    builder.build(Genealogy.fromRecords([]));
    expect(() => builder.build(Genealogy.fromRecords([]))).toThrow();
    expect(() => builder.add([])).toThrow();
  });
});
