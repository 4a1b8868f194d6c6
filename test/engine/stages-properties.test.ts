/**
 * The payout stages (differential with breakaway and generation override, matching, leadership pools, binary,
 * caps) against the naive stages oracle (test/reference/stages-reference.ts), and the invariants every stage
 * must keep: conservation with caps, explanations that add up, features that are present but neutral changing
 * nothing, the binary carry across periods. Seeded, shrinking on.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CommissionResult, computeCommissions, Genealogy } from '../../src';
import { bigStageScenarioArb, binaryPeriodsArb, type StageScenario, stageScenarioArb } from '../arbitraries';
import { type RefCarry, type RefPlacement, type StagePlan, type StageResult, referenceStages } from '../reference/stages-reference';

/** Runs per property; `STAGES_RUNS=3000 STAGES_SEED=7 npx vitest run test/engine/stages` digs deeper with other seeds. */
const RUNS = Number(process.env.STAGES_RUNS ?? 300);
const SEED = Number(process.env.STAGES_SEED ?? 0);
const scaled = (runs: number) => Math.max(1, Math.round((runs * RUNS) / 300));
/** decimal.js at 300 significant digits: sums of amounts past 2^53 units stay exact (the default 20 would round) */
const Exact = Decimal.clone({ precision: 300 });
const dec = (text: string | number | Decimal) => new Exact(text);
/** A decimal string in one canonical form (no trailing zeros), so that equal values compare equal. */
const canon = (text: string | Decimal) => dec(text).toFixed();

function run(input: StageScenario & { placement?: readonly RefPlacement[]; carryIn?: RefCarry }, genealogy = Genealogy.fromRecords(input.members)) {
  return computeCommissions({
    genealogy,
    plan: input.plan,
    orders: input.orders,
    ...(input.placement !== undefined ? { placement: input.placement } : {}),
    ...(input.carryIn !== undefined ? { binaryCarry: input.carryIn } : {}),
  });
}

const CORE = new Set(['unilevel', 'fast-start', 'direct-sale']);
const STAGE_LINES = new Set(['differential', 'generation', 'matching', 'pool', 'binary']);
const NUMERIC = new Set(['rate', 'amount', 'base', 'poolAmount', 'left', 'right', 'carryLeft', 'carryRight']);
/** Bonus lines of the stages beyond the core, numbers canonical, in a fixed order. */
function canonLines(lines: readonly object[]): string[] {
  return lines
    .filter((l) => STAGE_LINES.has((l as { bonus: string }).bonus))
    .map((l) => JSON.stringify(Object.fromEntries(Object.entries(l).sort().map(([k, v]) => [k, NUMERIC.has(k) ? canon(v as string) : v]))))
    .sort();
}

/** What the engine says, member by member and in total, in canonical decimals. */
function engineView(result: CommissionResult, members: StageScenario['members']) {
  const perMember: Record<string, unknown> = {};
  for (const { id } of members) {
    const e = result.explain(id);
    const explained: Record<string, string> = {};
    const bump = (stage: string, amount: string) => (explained[stage] = canon(dec(explained[stage] ?? 0).plus(amount)));
    for (const line of e.lines) bump('unilevel', line.amount);
    for (const line of e.bonuses) bump(line.bonus, line.amount);
    const caps = e.caps.reduce((s, c) => s.plus(c.amount), dec(0));
    perMember[id] = {
      paidAs: result.rank(id).paidAs,
      exact: canon(result.exact(id)),
      earnings: Object.fromEntries(Object.entries(result.earnings(id)).map(([stage, v]) => [stage, canon(v as string)])),
      // Σ explain lines by stage: the stage's amount before the caps; the cap lines: minus what the caps took
      explained: Object.fromEntries(Object.entries(explained).filter(([, v]) => !dec(v).isZero())),
      cut: canon(caps.neg()),
      lines: canonLines(e.bonuses),
      capLines: e.caps.map((c) => `${c.cap}:${c.stage}:${canon(c.amount)}`),
    };
  }
  const totals = Object.fromEntries(Object.entries(result.totals).map(([k, v]) => [k, canon(v)]));
  const payouts = Object.fromEntries(result.payouts().map((p) => [p.id, canon(p.amount)]));
  // per stage: paid and capped; potential, with unilevel, fast start and direct sale summed as the core oracle does
  const stages = result.stages().map(({ stage, potential, paid, capped }) => ({ stage, potential: CORE.has(stage) ? null : canon(potential), paid: canon(paid), capped: canon(capped) }));
  const core = canon(result.stages().filter((s) => CORE.has(s.stage)).reduce((sum, s) => sum.plus(s.potential), dec(0)));
  return { perMember, totals, payouts, stages, core };
}

/** The same figures from the oracle. */
function oracleView(ref: StageResult, members: StageScenario['members']) {
  const perMember: Record<string, unknown> = {};
  for (const { id } of members) {
    const explained: Record<string, string> = {};
    for (const stage of ref.stages) {
      const v = ref.uncapped.get(stage)?.get(id);
      if (v !== undefined && !v.isZero()) explained[stage] = canon(v.toFixed());
    }
    perMember[id] = {
      paidAs: ref.paidAs.get(id) ?? null,
      exact: canon((ref.exact.get(id) as Decimal).toFixed()),
      earnings: Object.fromEntries(ref.stages.map((stage) => [stage, canon((ref.capped.get(stage)?.get(id) ?? dec(0)).toFixed())])),
      explained,
      cut: canon((ref.cut.get(id) ?? dec(0)).toFixed()),
      lines: canonLines(ref.lines.get(id) ?? []),
      capLines: (ref.capLines.get(id) ?? []).map((c) => `${c.cap}:${c.stage}:${canon(c.amount)}`),
    };
  }
  const t = ref.totals;
  const totals = {
    potential: canon(t.potential.toFixed()),
    paid: canon(t.paid.toFixed()),
    breakage: canon(t.breakage.toFixed()),
    capped: canon(t.capped.toFixed()),
    residual: canon(t.residual.toFixed()),
    payouts: canon(t.payouts.toFixed()),
  };
  const payouts = Object.fromEntries([...ref.rounded].map(([id, amount]) => [id, canon(amount)]));
  const st = ref.stageTotals;
  const stages = ref.stages.map((stage) => ({
    stage,
    potential: CORE.has(stage) ? null : canon((st.potential.get(stage) as Decimal).toFixed()),
    paid: canon((st.paid.get(stage) as Decimal).toFixed()),
    capped: canon((st.capped.get(stage) as Decimal).toFixed()),
  }));
  return { perMember, totals, payouts, stages, core: canon((st.potential.get('core') as Decimal).toFixed()) };
}

function expectSameAsOracle(input: StageScenario): void {
  const genealogy = Genealogy.fromRecords(input.members);
  const result = run(input, genealogy);
  const ref = referenceStages(input);
  expect(engineView(result, input.members)).toEqual(oracleView(ref, input.members));
}

const commissionableTotal = (input: StageScenario) =>
  input.orders
    .filter((o) => input.plan.commissionable.includes(o.kind))
    .reduce((s, o) => {
      const v = o.volume ?? o.amount;
      return s.plus(typeof v === 'string' ? dec(v) : dec(v.toString()).div(dec(10).pow(input.plan.scale)));
    }, dec(0));

describe('equal to the naive stages oracle', () => {
  it('each payee’s exact total, per-stage earnings, explained stage sums, cap cuts, payouts and totals', () => {
    fc.assert(fc.property(stageScenarioArb(), expectSameAsOracle), { seed: SEED + 20261124, numRuns: RUNS });
  });
  it('without caps, on deeper and narrower genealogies', () => {
    fc.assert(
      fc.property(stageScenarioArb({ caps: false, shapes: ['chain', 'caterpillar', 'recent', 'mixed'] }), expectSameAsOracle),
      { seed: SEED + 77, numRuns: scaled(100) },
    );
  });
  it('past 2^53 units: the stage kernels on their digit paths, scales up to 12, rates of 6 decimals', () => {
    fc.assert(fc.property(bigStageScenarioArb(), expectSameAsOracle), { seed: SEED + 53, numRuns: scaled(100) });
  });
});

describe('conservation with caps, exactly', () => {
  it('potential = paid + capped + breakage, paid = Σ exact, caps respected, nobody gains from a cap', () => {
    fc.assert(
      fc.property(stageScenarioArb(), (input) => {
        const result = run(input);
        const t = result.totals;
        expect(dec(t.potential).eq(dec(t.paid).plus(t.capped).plus(t.breakage))).toBe(true);
        expect(dec(t.breakage).gte(0)).toBe(true);
        expect(dec(t.capped).gte(0)).toBe(true);
        expect(dec(t.paid).eq(dec(t.payouts).plus(t.residual))).toBe(true);
        const payouts = result.payouts().reduce((s, p) => s.plus(p.amount), dec(0));
        expect(payouts.eq(t.payouts)).toBe(true);
        let paid = dec(0);
        let capped = dec(0);
        const caps = input.plan.caps ?? null;
        for (const { id } of input.members) {
          const exact = dec(result.exact(id));
          paid = paid.plus(exact);
          const { caps: cut } = result.explain(id);
          for (const line of cut) expect(dec(line.amount).lt(0)).toBe(true);
          capped = capped.minus(cut.reduce((s, l) => s.plus(l.amount), dec(0)));
          expect(exact.gte(0)).toBe(true);
          const earnings = result.earnings(id);
          for (const v of Object.values(earnings)) expect(dec(v as string).gte(0)).toBe(true);
          if (caps?.perPayee != null) expect(exact.lte(caps.perPayee)).toBe(true);
          for (const [stage, limit] of Object.entries(caps?.perBonus ?? {})) {
            const v = earnings[stage as keyof typeof earnings];
            if (v !== undefined) expect(dec(v).lte(limit as string)).toBe(true);
          }
        }
        expect(paid.eq(t.paid)).toBe(true);
        expect(capped.eq(t.capped)).toBe(true);
        if (caps?.totalShare != null) expect(paid.lte(commissionableTotal(input).times(caps.totalShare))).toBe(true);
        if (caps === null) expect(dec(t.capped).isZero()).toBe(true);
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });
});

describe('explanations', () => {
  it('for every member, Σ lines + Σ bonuses + Σ caps = explain(id).exact = exact(id)', () => {
    fc.assert(
      fc.property(stageScenarioArb(), (input) => {
        const result = run(input);
        for (const { id } of input.members) {
          const e = result.explain(id);
          const sum = [...e.lines, ...e.bonuses, ...e.caps].reduce((s, l) => s.plus(l.amount), dec(0));
          expect(`${id}: ${sum.toFixed()}`).toBe(`${id}: ${dec(e.exact).toFixed()}`);
          expect(dec(e.exact).eq(result.exact(id))).toBe(true);
          expect(e.payout).toBe(result.payout(id));
        }
      }),
      { seed: SEED + 3, numRuns: RUNS },
    );
  });
});

describe('features present but neutral', () => {
  it('differential 0, no breakaway, matching rates 0, pool shares 0, no caps: the plain plan’s lines and payouts', () => {
    fc.assert(
      fc.property(stageScenarioArb({ caps: false }), (input) => {
        const ranks = input.plan.ranks ?? [];
        const plain: StagePlan = {
          ...input.plan,
          ranks: ranks.map(({ differential: _d, matching: _m, ...rank }) => rank),
          breakaway: null,
          matching: null,
          pools: [],
          caps: null,
        };
        const neutral: StagePlan = {
          ...plain,
          ranks: ranks.map(({ differential: _d, matching, ...rank }) => ({ ...rank, differential: '0', ...(matching ? { matching: matching.map(() => '0') } : {}) })),
          // matching may only name the stages the neutral plan runs: no breakaway, no binary, a differential with a ladder
          matching: {
            levels: ['0', '0.0'],
            on: ['unilevel', ...(ranks.length > 0 ? (['differential'] as const) : [])],
          },
          pools: (input.plan.pools ?? []).map((pool) => ({ ...pool, share: '0' })),
        };
        const genealogy = Genealogy.fromRecords(input.members);
        const a = run({ ...input, plan: plain }, genealogy);
        const b = run({ ...input, plan: neutral }, genealogy);
        expect(b.totals).toEqual(a.totals);
        expect(b.payouts()).toEqual(a.payouts());
        for (const { id } of input.members) {
          expect(b.exact(id)).toBe(a.exact(id));
          const ea = a.explain(id);
          const eb = b.explain(id);
          expect(eb.lines).toEqual(ea.lines);
          expect(eb.bonuses.filter((l) => l.bonus === 'fast-start' || l.bonus === 'direct-sale')).toEqual(ea.bonuses);
          // the neutral stages may list lines (a pool's shareholders), all of zero
          const extra = eb.bonuses.filter((l) => l.bonus !== 'fast-start' && l.bonus !== 'direct-sale');
          expect(extra.filter((l) => !dec(l.amount).isZero())).toEqual([]);
          const earnings = b.earnings(id);
          for (const stage of ['differential', 'matching', 'pool'] as const) {
            if (earnings[stage] !== undefined) expect(dec(earnings[stage] as string).isZero()).toBe(true);
          }
        }
      }),
      { seed: SEED + 4, numRuns: scaled(150) },
    );
  });
});

describe('binary across three periods', () => {
  it('each period equals the oracle, the carry of one feeding the next (engine and oracle each their own)', () => {
    fc.assert(
      fc.property(binaryPeriodsArb(), ({ members, plan, placement, periods }) => {
        const genealogy = Genealogy.fromRecords(members);
        let previous: CommissionResult | null = null;
        let carry: RefCarry | undefined;
        for (const orders of periods) {
          const result: CommissionResult = computeCommissions({
            genealogy,
            plan,
            orders,
            placement,
            ...(previous !== null ? { binaryCarry: previous.binaryCarry() } : {}),
          });
          const input = { members, plan, orders, placement, ...(carry !== undefined ? { carryIn: carry } : {}) };
          const ref = referenceStages(input);
          expect(engineView(result, members)).toEqual(oracleView(ref, members));
          const canonCarry = (c: RefCarry) =>
            Object.fromEntries(Object.entries(c).map(([id, { left, right }]) => [id, { left: canon(left), right: canon(right) }]));
          expect(canonCarry(result.binaryCarry())).toEqual(canonCarry(ref.binaryCarry));
          previous = result;
          carry = ref.binaryCarry;
        }
      }),
      { seed: SEED + 5, numRuns: scaled(100) },
    );
  });
});

describe('hand-computed stairstep with breakaway', () => {
  // Sponsor tree: T ← A ← B ← C ← D ← E, and A ← F ← G. Everyone is active (minPersonalVolume 0).
  // Ranks by PV only: Bronze 5% (PV ≥ 100), Silver 10% (PV ≥ 200), Gold 15% (PV ≥ 300).
  // Breakaway at Gold: a Gold is a leader; the leaders above a leader's group earn 4% (1st) and 2% (2nd).
  // No unilevel (levels 0 / 0), so only the differential and the generation override pay.
  // Each member buys their PV once: T 300 Gold, A 300 Gold, B 300 Gold, C 100 Bronze, D 200 Silver,
  // E 50 (no rank), F 300 Gold, G 40 (no rank). Commissionable volume 1,590.
  const members = [
    { id: 'T', sponsorId: null },
    { id: 'A', sponsorId: 'T' },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'B' },
    { id: 'D', sponsorId: 'C' },
    { id: 'E', sponsorId: 'D' },
    { id: 'F', sponsorId: 'A' },
    { id: 'G', sponsorId: 'F' },
  ];
  const pv = { T: '300', A: '300', B: '300', C: '100', D: '200', E: '50', F: '300', G: '40' };
  const input: StageScenario = {
    members,
    orders: Object.entries(pv).map(([id, amount]) => ({ id: `o${id}`, affiliateId: id, amount, kind: 'personal' as const })),
    plan: {
      levels: ['0', '0'],
      minPersonalVolume: '0',
      compression: 'none',
      rounding: 'half-even',
      scale: 2,
      commissionable: ['retail', 'personal'],
      ranks: [
        { name: 'Bronze', personalVolume: '100', differential: '0.05' },
        { name: 'Silver', personalVolume: '200', differential: '0.10' },
        { name: 'Gold', personalVolume: '300', differential: '0.15' },
      ],
      breakaway: { rank: 'Gold', generations: ['0.04', '0.02'] },
    },
  };
  // Differential, order by order (walk from the buyer up; each earns their rate above the highest paid so far;
  // a Gold stops the walk after being paid):
  //   E 50:  E 0%; D Silver 10% → 5.00; C Bronze 5% is below 10% → 0; B Gold 15 − 10 = 5% → 2.50, stop.
  //   D 200: D 10% → 20.00; C → 0; B 5% → 10.00, stop.
  //   C 100: C 5% → 5.00; B 10% → 10.00, stop.
  //   B 300: B 15% → 45.00, stop.   A 300: A 45.00.   T 300: T 45.00.   F 300: F 45.00.
  //   G 40:  G 0%; F 15% → 6.00, stop.
  // So D 25.00, C 5.00, B 2.50 + 10.00 + 10.00 + 45.00 = 67.50, A 45.00, T 45.00, F 45.00 + 6.00 = 51.00:
  // 238.50 = 15% × 1,590, every order reaches a Gold, no differential breakage.
  // Generation override: an order's group is the first Gold at or above the buyer; above it, Golds only count.
  //   E 50, D 200, C 100, B 300 are B's group: A (1st, 4%) 2.00 + 8.00 + 4.00 + 12.00, T (2nd, 2%) 1.00 + 4.00 + 2.00 + 6.00.
  //   A 300 is A's group: T (1st) 12.00; no 2nd Gold (2% × 300 = 6.00 breakage).
  //   T 300 is T's group: no Gold above (6% × 300 = 18.00 breakage).
  //   F 300, G 40 are F's group: A (1st) 12.00 + 1.60, T (2nd) 6.00 + 0.80.
  // A: 2 + 8 + 4 + 12 + 12 + 1.60 = 39.60; T: 1 + 4 + 2 + 6 + 12 + 6 + 0.80 = 31.80; together 71.40.
  // Totals: potential = 15% × 1,590 + 6% × 1,590 = 238.50 + 95.40 = 333.90; paid 238.50 + 71.40 = 309.90;
  // breakage 6.00 + 18.00 = 24.00; nothing capped.
  const expected = {
    T: { differential: '45', generation: '31.8', total: '76.8' },
    A: { differential: '45', generation: '39.6', total: '84.6' },
    B: { differential: '67.5', generation: '0', total: '67.5' },
    C: { differential: '5', generation: '0', total: '5' },
    D: { differential: '25', generation: '0', total: '25' },
    E: { differential: '0', generation: '0', total: '0' },
    F: { differential: '51', generation: '0', total: '51' },
    G: { differential: '0', generation: '0', total: '0' },
  };
  const genealogy = Genealogy.fromRecords(members);

  it('the engine pays every figure', () => {
    const result = run(input, genealogy);
    for (const [id, want] of Object.entries(expected)) {
      const earnings = result.earnings(id);
      expect([id, canon(earnings.differential as string), canon(earnings.generation as string), canon(result.exact(id))]).toEqual([
        id,
        want.differential,
        want.generation,
        want.total,
      ]);
    }
    expect(result.rank('C').paidAs).toBe('Bronze');
    expect(result.rank('D').paidAs).toBe('Silver');
    expect(dec(result.totals.potential).eq('333.90')).toBe(true);
    expect(dec(result.totals.paid).eq('309.90')).toBe(true);
    expect(dec(result.totals.breakage).eq('24.00')).toBe(true);
    expect(dec(result.totals.capped).isZero()).toBe(true);
    expect(result.payouts()).toEqual([
      { id: 'T', amount: '76.80' },
      { id: 'A', amount: '84.60' },
      { id: 'B', amount: '67.50' },
      { id: 'C', amount: '5.00' },
      { id: 'D', amount: '25.00' },
      { id: 'F', amount: '51.00' },
    ].sort((x, y) => genealogy.indexOf(x.id) - genealogy.indexOf(y.id)));
    // B's differential lines: E's order at 5% (15 − 10), D's at 5% (15 − 10), C's at 10% (15 − 5), B's own at 15%
    const lines = result.explain('B').bonuses.filter((l) => l.bonus === 'differential');
    const brief = lines.map((l) => (l.bonus === 'differential' ? `${l.orderId}:${canon(l.rate ?? '')}:${canon(l.amount)}` : '')).sort();
    expect(brief).toEqual(['oB:0.15:45', 'oC:0.1:10', 'oD:0.05:10', 'oE:0.05:2.5']);
    // C earns on its own order only: D's volume is already paid at 10% when it reaches C's 5%
    expect(result.explain('C').bonuses.map((l) => l.bonus === 'differential' && l.orderId)).toEqual(['oC']);
    // T's generation lines: 2nd generation on B's group and F's group, 1st on A's group
    const t = result.explain('T').bonuses.filter((l) => l.bonus === 'generation');
    const tBrief = t.map((l) => (l.bonus === 'generation' ? `${l.orderId}@${l.level}:${canon(l.amount)}` : '')).sort();
    expect(tBrief).toEqual(['oA@1:12', 'oB@2:6', 'oC@2:2', 'oD@2:4', 'oE@2:1', 'oF@2:6', 'oG@2:0.8']);
  });

  it('the oracle pays every figure', () => {
    const ref = referenceStages(input);
    for (const [id, want] of Object.entries(expected)) {
      expect([
        id,
        canon((ref.capped.get('differential')?.get(id) ?? dec(0)).toFixed()),
        canon((ref.capped.get('generation')?.get(id) ?? dec(0)).toFixed()),
        canon((ref.exact.get(id) as Decimal).toFixed()),
      ]).toEqual([id, want.differential, want.generation, want.total]);
    }
    expect(ref.totals.potential.eq('333.90')).toBe(true);
    expect(ref.totals.paid.eq('309.90')).toBe(true);
    expect(ref.totals.breakage.eq('24.00')).toBe(true);
    expect(ref.totals.capped.isZero()).toBe(true);
  });

  it('and the two agree on everything', () => expectSameAsOracle(input));
});
