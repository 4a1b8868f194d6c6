/**
 * The binary stage: DESIGN §9's figure, a hand-computed three-period run, the carry reader, exactness past 2^53,
 * and properties against a naive per-member reference (seeded, shrinking on).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DownlineError, ErrorCode, Genealogy } from '../../src';
import { type BinaryCarry, type BinaryOutcome, binaryPairs, type BinaryRules, compileBinary, readBinaryCarry } from '../../src/engine/binary';
import { buildPlacement, type PlacementRecord } from '../../src/engine/binary-placement';
import { ExactColumn } from '../../src/money/exact-column';
import { shuffled } from '../arbitraries';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** A genealogy of affiliates (all sponsored by the first), a placement, and helpers by id. */
function setup(ids: readonly string[], records: PlacementRecord[]) {
  const genealogy = Genealogy.fromRecords(ids.map((id, i) => ({ id, sponsorId: i === 0 ? null : ids[0] })));
  const placement = buildPlacement(records, genealogy);
  const n = genealogy.size;
  const at = (id: string) => genealogy.indexOf(id);
  const column = (units: Record<string, number | bigint>) => {
    const out = new ExactColumn(n);
    for (const [id, value] of Object.entries(units)) out.set(at(id), value);
    return out;
  };
  const flags = (members: readonly string[]) => {
    const out = new Uint8Array(n);
    for (const id of members) out[at(id)] = 1;
    return out;
  };
  return { genealogy, placement, at, column, flags };
}

/** Minor units as a number for readable expectations, refused past 2^53 so that no figure is rounded. */
function units(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`${value} is past 2^53: compare it as a bigint`);
  return Number(value);
}

/** The figures of one member, numbers as minor units. */
function figures(outcome: BinaryOutcome, u: number) {
  return {
    legs: [units(outcome.legLeft.get(u)), units(outcome.legRight.get(u))],
    formed: outcome.formed[u],
    pairs: outcome.pairs[u],
    amount: units(outcome.amounts.get(u)),
    carry: [units(outcome.carry.left.get(u)), units(outcome.carry.right.get(u))],
  };
}

describe('DESIGN §9: left 250, right 120, pair size 100', () => {
  it('makes 1 pair and carries 150 left and 20 right', () => {
    const { placement, at, column, flags } = setup(['A', 'B', 'C'], [
      { id: 'A', parentId: null, side: null },
      { id: 'B', parentId: 'A', side: 'left' },
      { id: 'C', parentId: 'A', side: 'right' },
    ]);
    const rules = compileBinary({ pairVolume: '100', pairAmount: '10.00' }, 2);
    const outcome = binaryPairs(placement, column({ B: 25000, C: 12000 }), flags(['A', 'B', 'C']), rules, null);
    expect(figures(outcome, at('A'))).toEqual({ legs: [25000, 12000], formed: 1, pairs: 1, amount: 1000, carry: [15000, 2000] });
    expect(outcome.paid).toBe(1000n);
    expect(outcome.potential).toBe(1000n);
  });
});

describe('three periods, carry feeding forward', () => {
  //         A
  //       /   \
  //      B     C
  //     / \     \
  //    D   E     F
  // Scale 0, so amounts read as written. Pairs of 100 pay 10, at most 2 pairs paid per period, at most 300
  // carried per side.
  const { placement, at, column, flags } = setup(['A', 'B', 'C', 'D', 'E', 'F'], [
    { id: 'A', parentId: null, side: null },
    { id: 'B', parentId: 'A', side: 'left' },
    { id: 'C', parentId: 'A', side: 'right' },
    { id: 'D', parentId: 'B', side: 'left' },
    { id: 'E', parentId: 'B', side: 'right' },
    { id: 'F', parentId: 'C', side: 'right' },
  ]);
  const rules = compileBinary({ pairVolume: '100', pairAmount: '10', carryCap: '300', pairCeiling: 2 }, 0);

  it('pairs, pays, caps and flushes as computed by hand', () => {
    // Period 1: D 500, E 100, C 50, F 150; A, B, C active.
    const one = binaryPairs(placement, column({ D: 500, E: 100, C: 50, F: 150 }), flags(['A', 'B', 'C']), rules, null);
    // B: L 500, R 100 → 1 pair; left 400 → the cap keeps 300 (100 of volume flushed)
    expect(figures(one, at('B'))).toEqual({ legs: [500, 100], formed: 1, pairs: 1, amount: 10, carry: [300, 0] });
    // C: no left leg → no pair; right 150 carried
    expect(figures(one, at('C'))).toEqual({ legs: [0, 150], formed: 0, pairs: 0, amount: 0, carry: [0, 150] });
    // A: L = B + D + E = 600, R = C + F = 200 → 2 pairs (the ceiling, none flushed); left 400 → 300
    expect(figures(one, at('A'))).toEqual({ legs: [600, 200], formed: 2, pairs: 2, amount: 20, carry: [300, 0] });
    for (const leaf of ['D', 'E', 'F']) expect(figures(one, at(leaf))).toEqual({ legs: [0, 0], formed: 0, pairs: 0, amount: 0, carry: [0, 0] });
    expect([one.paid, one.potential]).toEqual([30n, 30n]);

    // Period 2: E 400, F 100; A, B, C active; carry in from period 1.
    const two = binaryPairs(placement, column({ E: 400, F: 100 }), flags(['A', 'B', 'C']), rules, one.carry);
    // B: L 300 + 0, R 0 + 400 → 3 pairs formed, 2 paid (ceiling), 1 flushed; 0 left, 100 right carried
    expect(figures(two, at('B'))).toEqual({ legs: [0, 400], formed: 3, pairs: 2, amount: 20, carry: [0, 100] });
    // C: L 0, R 150 + 100 = 250 → no pair, 250 carried (under the cap)
    expect(figures(two, at('C'))).toEqual({ legs: [0, 100], formed: 0, pairs: 0, amount: 0, carry: [0, 250] });
    // A: L 300 + 400 = 700, R 0 + 100 = 100 → 1 pair; left 600 → the cap keeps 300
    expect(figures(two, at('A'))).toEqual({ legs: [400, 100], formed: 1, pairs: 1, amount: 10, carry: [300, 0] });
    expect([two.paid, two.potential]).toEqual([30n, 40n]); // breakage 10: B's flushed pair

    // Period 3: D 200, F 50, C 300 (C's own volume counts in A's right leg, not in C's legs); B inactive.
    const three = binaryPairs(placement, column({ D: 200, F: 50, C: 300 }), flags(['A', 'C']), rules, two.carry);
    // B inactive: L 0 + 200, R 100 + 0 → no pair, both sides carried
    expect(figures(three, at('B'))).toEqual({ legs: [200, 0], formed: 0, pairs: 0, amount: 0, carry: [200, 100] });
    // C: L 0, R 250 + 50 = 300 → no pair, 300 carried (exactly the cap)
    expect(figures(three, at('C'))).toEqual({ legs: [0, 50], formed: 0, pairs: 0, amount: 0, carry: [0, 300] });
    // A: L 300 + 200 = 500, R 0 + 350 = 350 → 3 pairs formed, 2 paid, 1 flushed; 200 and 50 carried
    expect(figures(three, at('A'))).toEqual({ legs: [200, 350], formed: 3, pairs: 2, amount: 20, carry: [200, 50] });
    expect([three.paid, three.potential]).toEqual([20n, 30n]);
  });

  it('drops the carry of members who are not placed', () => {
    const { placement: some, at: atSome, column: col, flags: fl } = setup(['A', 'B'], [{ id: 'A', parentId: null, side: null }]);
    const carry: BinaryCarry = { left: col({ A: 5, B: 70 }), right: col({ A: 6, B: 80 }) };
    const outcome = binaryPairs(some, col({ B: 1000 }), fl(['A', 'B']), rules, carry);
    expect(figures(outcome, atSome('A'))).toEqual({ legs: [0, 0], formed: 0, pairs: 0, amount: 0, carry: [5, 6] });
    expect(figures(outcome, atSome('B'))).toEqual({ legs: [0, 0], formed: 0, pairs: 0, amount: 0, carry: [0, 0] });
  });
});

describe('compileBinary', () => {
  it('reads the rules into minor units', () => {
    expect(compileBinary({ pairVolume: '100', pairAmount: '12.5', carryCap: '1000', pairCeiling: 5 }, 2)).toEqual({
      pairVolume: 10000n,
      pairAmount: 1250n,
      carryCap: 100000n,
      pairCeiling: 5,
    });
    expect(compileBinary({ pairVolume: '0.01', pairAmount: '0' }, 2)).toEqual({ pairVolume: 1n, pairAmount: 0n, carryCap: null, pairCeiling: null });
  });

  it('refuses what the schema should have refused, as INVALID_PLAN', () => {
    const bad: BinaryRules[] = [
      { pairVolume: '0', pairAmount: '1' },
      { pairVolume: '1', pairAmount: '1.001' },
      { pairVolume: '1', pairAmount: '1', carryCap: '-1' },
      { pairVolume: '1', pairAmount: '1', pairCeiling: 1.5 },
    ];
    for (const rules of bad) expect(() => compileBinary(rules, 2)).toThrow(expect.objectContaining({ code: ErrorCode.InvalidPlan }));
  });
});

describe('readBinaryCarry', () => {
  const genealogy = Genealogy.fromRecords([
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'c', sponsorId: 'A', role: 'customer' },
  ]);

  it('reads decimal strings and integer minor units, and nothing as null', () => {
    const carry = readBinaryCarry({ A: { left: '150', right: 2000 }, B: { left: '0.05', right: '0' } }, genealogy, 2);
    expect(carry).not.toBeNull();
    expect([carry?.left.get(0), carry?.right.get(0), carry?.left.get(1), carry?.right.get(1), carry?.left.get(2)]).toEqual([15000n, 2000n, 5n, 0n, 0n]);
    expect(readBinaryCarry(undefined, genealogy, 2)).toBeNull();
    expect(readBinaryCarry({ A: { left: '90071992547409.93', right: 0 } }, genealogy, 2)?.left.get(0)).toBe(9007199254740993n);
  });

  it('collects every problem, naming the member', () => {
    const input = {
      Z: { left: '1', right: '1' },
      A: { left: '-1', right: '1.234' },
      B: { left: 1.5, right: 'x' },
      c: 'none',
    } as never;
    let error: unknown;
    try {
      readBinaryCarry(input, genealogy, 2, ['period', 'binaryCarry']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DownlineError);
    expect((error as DownlineError).issues.map((i) => [i.code, i.path.join('.'), i.message])).toEqual([
      [ErrorCode.UnknownMember, 'period.binaryCarry.Z', 'binaryCarry "Z": unknown member "Z"'],
      [ErrorCode.NegativeAmount, 'period.binaryCarry.A.left', 'binaryCarry "A": left "-1" is negative'],
      [ErrorCode.TooManyDecimals, 'period.binaryCarry.A.right', 'binaryCarry "A": right "1.234" has more decimals than the plan\'s scale (2)'],
      [ErrorCode.InvalidAmount, 'period.binaryCarry.B.left', 'binaryCarry "B": left 1.5 is a fractional number: give a decimal string or integer minor units'],
      [ErrorCode.InvalidAmount, 'period.binaryCarry.B.right', 'binaryCarry "B": right "x" is not a plain decimal string (like "12.50") or a safe integer of minor units'],
      [ErrorCode.InvalidRecord, 'period.binaryCarry.c', 'binaryCarry "c": must be an object with left and right'],
    ]);
    expect(() => readBinaryCarry([] as never, genealogy, 2)).toThrow(expect.objectContaining({ code: ErrorCode.InvalidRecord }));
  });
});

describe('exact past 2^53', () => {
  const tree = () =>
    setup(['A', 'B', 'C', 'X'], [
      { id: 'A', parentId: null, side: null },
      { id: 'B', parentId: 'A', side: 'left' },
      { id: 'C', parentId: 'A', side: 'right' },
    ]);

  it('sums legs in bigint when the volume passes 2^53', () => {
    const { placement, at, column, flags } = tree();
    const big = 2n ** 60n + 7n;
    const rules = compileBinary({ pairVolume: '1000', pairAmount: '3', carryCap: String(2n ** 59n) }, 0);
    const outcome = binaryPairs(placement, column({ B: big, C: big + 999n }), flags(['A']), rules, null);
    const made = big / 1000n;
    expect(outcome.legLeft.get(at('A'))).toBe(big);
    expect(outcome.formed[at('A')]).toBe(Number(made));
    expect(outcome.amounts.get(at('A'))).toBe(made * 3n);
    expect(outcome.carry.left.get(at('A'))).toBe(big - made * 1000n);
    expect(outcome.carry.right.get(at('A'))).toBe(big + 999n - made * 1000n);
    expect(outcome.paid).toBe(made * 3n);
  });

  it('pays pairs × pairAmount in bigint when the product passes 2^53', () => {
    const { placement, at, column, flags } = tree();
    const rules = compileBinary({ pairVolume: '0.01', pairAmount: '90071992547409.93' }, 2);
    const outcome = binaryPairs(placement, column({ B: 3, C: 5 }), flags(['A']), rules, null);
    expect(outcome.pairs[at('A')]).toBe(3);
    expect(outcome.amounts.get(at('A'))).toBe(3n * 9007199254740993n);
    expect(outcome.potential).toBe(3n * 9007199254740993n);
  });

  it('refuses a pair count that a double cannot hold', () => {
    const { placement, column, flags } = tree();
    const rules = compileBinary({ pairVolume: '1', pairAmount: '1' }, 0);
    expect(() => binaryPairs(placement, column({ B: 2n ** 54n, C: 2n ** 54n }), flags(['A']), rules, null)).toThrow(
      expect.objectContaining({ code: ErrorCode.VolumeTooLarge }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties against a naive reference

interface Case {
  ids: string[];
  records: PlacementRecord[];
  volume: bigint[];
  carryLeft: bigint[];
  carryRight: bigint[];
  active: boolean[];
  rules: { pairVolume: bigint; pairAmount: bigint; carryCap: bigint | null; pairCeiling: number | null };
}

/**
 * Random periods: up to 40 members joining in turn, each unplaced, a root, or placed in a random free slot of
 * the tree so far (records then shuffled); volumes and carries either small or scaled past 2^53 by `unit`.
 */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 1, max: 40 }),
    modes: fc.array(fc.nat({ max: 9 }), { minLength: 40, maxLength: 40 }),
    picks: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    volume: fc.array(fc.nat({ max: 1000 }), { minLength: 40, maxLength: 40 }),
    carry: fc.array(fc.nat({ max: 400 }), { minLength: 80, maxLength: 80 }),
    noise: fc.array(fc.nat({ max: 999 }), { minLength: 120, maxLength: 120 }),
    active: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    withCarry: fc.boolean(),
    unit: fc.constantFrom(1n, 1n, 2n ** 47n, 3n ** 40n),
    pairVolume: fc.integer({ min: 1, max: 300 }),
    pairAmount: fc.oneof(fc.nat({ max: 5000 }), fc.constant(Number.MAX_SAFE_INTEGER)),
    carryCap: fc.option(fc.nat({ max: 1500 })),
    pairCeiling: fc.option(fc.nat({ max: 4 })),
    seed: fc.nat(),
  })
  .map((c) => {
    const ids = Array.from({ length: c.n }, (_, i) => `M${i}`);
    const records: PlacementRecord[] = [];
    const free: [string, 'left' | 'right'][] = [];
    for (let i = 0; i < c.n; i++) {
      const mode = c.modes[i];
      if (mode === 0) continue; // unplaced
      if (mode === 1 || free.length === 0) {
        records.push({ id: ids[i], parentId: null, side: null });
      } else {
        const [slot] = free.splice(c.picks[i] % free.length, 1);
        records.push({ id: ids[i], parentId: slot[0], side: slot[1] });
      }
      free.push([ids[i], 'left'], [ids[i], 'right']);
    }
    const scaled = (value: number, k: number) => (c.unit === 1n ? BigInt(value) : BigInt(value) * c.unit + BigInt(c.noise[k]));
    return {
      ids,
      records: shuffled(records, c.seed),
      volume: ids.map((_, i) => scaled(c.volume[i], i)),
      carryLeft: ids.map((_, i) => (c.withCarry ? scaled(c.carry[i], 40 + i) : 0n)),
      carryRight: ids.map((_, i) => (c.withCarry ? scaled(c.carry[40 + i], 80 + i) : 0n)),
      active: c.active.slice(0, c.n),
      rules: {
        pairVolume: scaled(c.pairVolume, 0) || 1n,
        pairAmount: BigInt(c.pairAmount),
        carryCap: c.carryCap === null ? null : scaled(c.carryCap, 1),
        pairCeiling: c.pairCeiling,
      },
    };
  });

const exact = (values: readonly bigint[]) => {
  const out = new ExactColumn(values.length);
  values.forEach((value, i) => out.set(i, value <= MAX ? Number(value) : value));
  return out;
};

/** Runs the stage on a case; columns by genealogy index, which is input order here (every member a root). */
function run(c: Case, extraWide = false) {
  const genealogy = Genealogy.fromRecords([...c.ids.map((id) => ({ id, sponsorId: null })), { id: 'outsider', sponsorId: null }]);
  const placement = buildPlacement(c.records, genealogy);
  const volume = exact([...c.volume, extraWide ? 2n ** 60n : 0n]); // the outsider is never placed
  const carry = { left: exact([...c.carryLeft, 0n]), right: exact([...c.carryRight, 0n]) };
  const active = Uint8Array.from([...c.active, true], (a) => (a ? 1 : 0));
  return binaryPairs(placement, volume, active, c.rules, carry);
}

/** Leg volumes the slow way: every placed member's volume walks up its parents, credited to the side it comes from. */
function naiveLegs(c: Case) {
  const parentOf = new Map(c.records.map((r) => [r.id, r]));
  const index = new Map(c.ids.map((id, i) => [id, i]));
  const left = c.ids.map(() => 0n);
  const right = c.ids.map(() => 0n);
  for (const record of c.records) {
    const v = c.volume[index.get(record.id) as number];
    for (let node = record; node.parentId !== null; node = parentOf.get(node.parentId) as PlacementRecord) {
      const p = index.get(node.parentId) as number;
      if (node.side === 'left') left[p] += v;
      else right[p] += v;
    }
  }
  return { left, right, placed: new Set(c.records.map((r) => r.id)) };
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const SEEDED = { seed: 42, numRuns: 400 };

describe('properties', () => {
  it('(c) leg volumes equal a naive per-member subtree sum; unplaced members have nothing', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const outcome = run(c);
        const naive = naiveLegs(c);
        c.ids.forEach((id, u) => {
          expect(outcome.legLeft.get(u)).toBe(naive.left[u]);
          expect(outcome.legRight.get(u)).toBe(naive.right[u]);
          if (!naive.placed.has(id)) {
            expect([outcome.formed[u], outcome.pairs[u], outcome.carry.left.get(u), outcome.carry.right.get(u)]).toEqual([0, 0, 0n, 0n]);
          }
        });
      }),
      SEEDED,
    );
  });

  it('(a) conserves each member’s volume: L + R = 2 × pairVolume × formed + carry left + carry right + flushed', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const outcome = run(c);
        const naive = naiveLegs(c);
        const { pairVolume: pv, carryCap: cap } = c.rules;
        c.ids.forEach((id, u) => {
          if (!naive.placed.has(id)) return;
          const L = c.carryLeft[u] + naive.left[u];
          const R = c.carryRight[u] + naive.right[u];
          const formed = BigInt(outcome.formed[u]);
          expect(formed).toBe(c.active[u] ? min(L, R) / pv : 0n);
          const flushed = cap === null ? 0n : [L, R].reduce((sum, side) => sum + (side - pv * formed > cap ? side - pv * formed - cap : 0n), 0n);
          expect(L + R).toBe(2n * pv * formed + outcome.carry.left.get(u) + outcome.carry.right.get(u) + flushed);
        });
      }),
      SEEDED,
    );
  });

  it('(b) potential − paid = Σ (formed − pairs) × pairAmount, and paid = Σ amounts = Σ pairs × pairAmount', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const outcome = run(c);
        let flushedPairs = 0n;
        let paidPairs = 0n;
        let amounts = 0n;
        c.ids.forEach((_, u) => {
          flushedPairs += BigInt(outcome.formed[u] - outcome.pairs[u]);
          paidPairs += BigInt(outcome.pairs[u]);
          amounts += outcome.amounts.get(u);
          expect(outcome.amounts.get(u)).toBe(BigInt(outcome.pairs[u]) * c.rules.pairAmount);
        });
        expect(outcome.potential - outcome.paid).toBe(flushedPairs * c.rules.pairAmount);
        expect(outcome.paid).toBe(amounts);
        expect(outcome.paid).toBe(paidPairs * c.rules.pairAmount);
      }),
      SEEDED,
    );
  });

  it('(d) carry never exceeds the cap, pairs never exceed the ceiling', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const outcome = run(c);
        const { carryCap: cap, pairCeiling: ceiling } = c.rules;
        c.ids.forEach((_, u) => {
          if (cap !== null) {
            expect(outcome.carry.left.get(u) <= cap).toBe(true);
            expect(outcome.carry.right.get(u) <= cap).toBe(true);
          }
          expect(outcome.pairs[u]).toBe(ceiling === null ? outcome.formed[u] : Math.min(outcome.formed[u], ceiling));
        });
      }),
      SEEDED,
    );
  });

  it('gives the same figures on the double and the bigint paths', () => {
    const same = (a: BinaryOutcome, b: BinaryOutcome, n: number) => {
      for (let u = 0; u < n; u++) {
        for (const key of ['legLeft', 'legRight', 'amounts'] as const) expect(a[key].get(u)).toBe(b[key].get(u));
        expect([a.formed[u], a.pairs[u], a.carry.left.get(u), a.carry.right.get(u)]).toEqual([b.formed[u], b.pairs[u], b.carry.left.get(u), b.carry.right.get(u)]);
      }
      expect([a.paid, a.potential]).toEqual([b.paid, b.potential]);
    };
    // a wide volume on a member who is not placed sends the stage down the bigint path without changing a figure
    fc.assert(
      fc.property(caseArb, (c) => same(run(c), run(c, true), c.ids.length)),
      { seed: 7, numRuns: 300 },
    );
  });

  it('carries forward across periods without creating volume', () => {
    // over several periods, what entered (volume in the legs) ≥ what pairs consumed + what is still carried
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 2, max: 4 }), (c, periods) => {
        let carry: bigint[][] = [c.carryLeft, c.carryRight];
        const naive = naiveLegs(c);
        const entered = c.ids.map((_, u) => c.carryLeft[u] + c.carryRight[u]);
        const consumed = c.ids.map(() => 0n);
        for (let t = 0; t < periods; t++) {
          const outcome = run({ ...c, carryLeft: carry[0], carryRight: carry[1] });
          c.ids.forEach((_, u) => {
            entered[u] += naive.left[u] + naive.right[u];
            consumed[u] += 2n * c.rules.pairVolume * BigInt(outcome.formed[u]);
          });
          carry = [c.ids.map((_, u) => outcome.carry.left.get(u)), c.ids.map((_, u) => outcome.carry.right.get(u))];
        }
        c.ids.forEach((id, u) => {
          if (naive.placed.has(id)) expect(entered[u] >= consumed[u] + carry[0][u] + carry[1][u]).toBe(true);
        });
      }),
      { seed: 1234, numRuns: 200 },
    );
  });
});
