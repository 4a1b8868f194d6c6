import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { respell } from './respell';
import { DownlineError } from '../../src/errors';
import { parsePlan, safeParsePlan } from '../../src/plan/parse-plan';
import { diffPlans, formatPlanDiff, type PlanChange } from '../../src/plan/plan-diff';
import { canonicalPlanJson, planHash } from '../../src/plan/plan-hash';
import type { PlanInput } from '../../src/plan/schema';

const asInput = (value: unknown) => value as PlanInput;
const lines = (before: unknown, after: unknown) => diffPlans(before as PlanInput, after as PlanInput).map((change) => change.description);

const ladder = [
  { name: 'Bronze', personalVolume: '100', differential: '0.01' },
  { name: 'Silver', groupVolume: '1000', differential: '0.02' },
  { name: 'Gold', groupVolume: '4350', maxLegShare: '0.4', activeLegs: 3, differential: '0.04' },
];

describe('diffPlans: hand examples', () => {
  it('finds no change between equal plans, however written', () => {
    const plan = parsePlan({ levels: ['0.1', '0.05'], ranks: ladder });
    expect(diffPlans(plan, plan)).toEqual([]);
    expect(diffPlans({ levels: ['0.10', '0.050'], ranks: ladder }, { ranks: ladder, levels: ['0.1', '0.05'], compression: 'none', scale: 2 })).toEqual([]);
    expect(diffPlans({ levels: ['0.1', '0.05'] }, { levels: ['0.1', '0.05'], binary: null, caps: undefined, pools: [] })).toEqual([]);
  });

  it('compares scalar fields', () => {
    expect(
      diffPlans(
        { levels: ['0.1', '0.05'] },
        { levels: ['0.1', '0.05'], minPersonalVolume: '50', compression: 'dynamic', rounding: 'down', allowRateSumAboveOne: true, directSale: '0.10' },
      ),
    ).toEqual([
      { path: ['minPersonalVolume'], change: 'changed', before: '0.00', after: '50.00', description: 'minPersonalVolume: "0.00" → "50.00"' },
      { path: ['compression'], change: 'changed', before: 'none', after: 'dynamic', description: 'compression: "none" → "dynamic"' },
      { path: ['rounding'], change: 'changed', before: 'half-even', after: 'down', description: 'rounding: "half-even" → "down"' },
      { path: ['allowRateSumAboveOne'], change: 'changed', before: false, after: true, description: 'allowRateSumAboveOne: false → true' },
      { path: ['directSale'], change: 'changed', before: '0', after: '0.1', description: 'directSale: "0" → "0.1"' },
    ]);
    // another scale rewrites the amounts of the normalized plan too
    const scaled = lines({ levels: ['0.1', '0.05'], minPersonalVolume: '50' }, { levels: ['0.1', '0.05'], minPersonalVolume: '50', scale: 3 });
    expect(scaled.slice(0, 2)).toEqual(['minPersonalVolume: "50.00" → "50.000"', 'scale: 2 → 3']);
  });

  it('compares rates element by element', () => {
    const changes = diffPlans({ levels: ['0.10', '0.05', '0.02', '0.01', '0.01'] }, { levels: ['0.1', '0.05', '0.03', '0.01', '0.01', '0.01'] });
    expect(changes).toEqual([
      { path: ['levels', 2], change: 'changed', before: '0.02', after: '0.03', description: 'levels[2]: "0.02" → "0.03"' },
      { path: ['levels', 5], change: 'added', after: '0.01', description: 'levels[5] added: "0.01"' },
    ]);
    expect(lines({ levels: ['0.1', '0.05', '0.02'] }, { levels: ['0.1', '0.05'] })).toEqual(['levels[2] removed: "0.02"']);
    expect(lines({ levels: ['0.1', '0.05'], fastStart: ['50'] }, { levels: ['0.1', '0.05'], fastStart: ['50.00', '20'] })).toEqual([
      'fastStart[1] added: "20.00"',
    ]);
  });

  it('compares commissionable kinds as a set, and their order', () => {
    const base = { levels: ['0.1', '0.05'] };
    expect(diffPlans(base, { ...base, commissionable: ['retail', 'personal', 'enrollment'] })).toEqual([
      { path: ['commissionable', 2], change: 'added', after: 'enrollment', description: 'commissionable[2] added: "enrollment"' },
    ]);
    expect(lines(base, { ...base, commissionable: ['personal'] })).toEqual(['commissionable[0] removed: "retail"']);
    expect(diffPlans(base, { ...base, commissionable: ['personal', 'retail'] })).toEqual([
      {
        path: ['commissionable'],
        change: 'changed',
        before: ['retail', 'personal'],
        after: ['personal', 'retail'],
        description: 'commissionable order changed: ["retail","personal"] → ["personal","retail"]',
      },
    ]);
  });

  it('matches ranks by name and compares them field by field', () => {
    const base = { levels: ['0.1', '0.05'], ranks: ladder };
    const gold = { ...ladder[2], groupVolume: '5000', activeLegs: undefined, levels: ['0.1', '0.08'] };
    expect(diffPlans(base, { ...base, ranks: [ladder[0], ladder[1], gold] })).toEqual([
      {
        path: ['ranks', 'Gold', 'groupVolume'],
        change: 'changed',
        before: '4350.00',
        after: '5000.00',
        description: 'ranks "Gold".groupVolume: "4350.00" → "5000.00"',
      },
      { path: ['ranks', 'Gold', 'activeLegs'], change: 'removed', before: 3, description: 'ranks "Gold".activeLegs removed: 3' },
      { path: ['ranks', 'Gold', 'levels'], change: 'added', after: ['0.1', '0.08'], description: 'ranks "Gold".levels added: ["0.1","0.08"]' },
    ]);
    const withLevels = { ...base, ranks: [ladder[0], ladder[1], { ...ladder[2], levels: ['0.1', '0.08'] }] };
    expect(lines(withLevels, { ...base, ranks: [ladder[0], ladder[1], { ...ladder[2], levels: ['0.1', '0.09', '0.01'] }] })).toEqual([
      'ranks "Gold".levels[1]: "0.08" → "0.09"',
      'ranks "Gold".levels[2] added: "0.01"',
    ]);
  });

  it('reports a renamed rank as removed and added, a new rank as added', () => {
    const base = { levels: ['0.1', '0.05'], ranks: ladder };
    const renamed = [ladder[0], { ...ladder[1], name: 'Argent' }, ladder[2]];
    expect(diffPlans(base, { ...base, ranks: renamed })).toEqual([
      {
        path: ['ranks', 'Silver'],
        change: 'removed',
        before: { name: 'Silver', groupVolume: '1000.00', differential: '0.02' },
        description: 'ranks "Silver" removed: {"differential":"0.02","groupVolume":"1000.00","name":"Silver"}',
      },
      {
        path: ['ranks', 'Argent'],
        change: 'added',
        after: { name: 'Argent', groupVolume: '1000.00', differential: '0.02' },
        description: 'ranks "Argent" added: {"differential":"0.02","groupVolume":"1000.00","name":"Argent"}',
      },
    ]);
    const diamond = { name: 'Diamond', differential: '0.05' };
    expect(lines(base, { ...base, ranks: [...ladder, diamond] })).toEqual(['ranks "Diamond" added: {"differential":"0.05","name":"Diamond"}']);
    expect(lines({ levels: ['0.1', '0.05'] }, { levels: ['0.1', '0.05'], ranks: [{ name: 'Gold' }] })).toEqual(['ranks "Gold" added: {"name":"Gold"}']);
  });

  it('reports a moved rank as a change of order, not of its fields', () => {
    const flat = ladder.map(({ differential: _, ...rank }) => rank);
    const moved = [flat[1], flat[0], flat[2]];
    expect(diffPlans({ levels: ['0.1', '0.05'], ranks: flat }, { levels: ['0.1', '0.05'], ranks: moved })).toEqual([
      {
        path: ['ranks'],
        change: 'changed',
        before: ['Bronze', 'Silver', 'Gold'],
        after: ['Silver', 'Bronze', 'Gold'],
        description: 'ranks order changed: ["Bronze","Silver","Gold"] → ["Silver","Bronze","Gold"]',
      },
    ]);
    // inserting a rank in the middle moves no other rank
    expect(lines({ levels: ['0.1', '0.05'], ranks: [flat[0], flat[2]] }, { levels: ['0.1', '0.05'], ranks: flat })).toEqual([
      'ranks "Silver" added: {"groupVolume":"1000.00","name":"Silver"}',
    ]);
  });

  it('matches pools by name and compares their shares', () => {
    const base = { levels: ['0.1', '0.05'], ranks: ladder, pools: [{ name: 'Leaders', share: '0.01', shares: { Silver: 1, Gold: 2 } }] };
    expect(lines(base, { ...base, pools: [{ name: 'Leaders', share: '0.020', shares: { Gold: 3, Bronze: 1 } }] })).toEqual([
      'pools "Leaders".share: "0.01" → "0.02"',
      'pools "Leaders".shares.Bronze added: 1',
      'pools "Leaders".shares.Gold: 2 → 3',
      'pools "Leaders".shares.Silver removed: 1',
    ]);
    expect(diffPlans(base, { ...base, pools: [...base.pools, { name: 'Top', share: '0.01', shares: { Gold: 1 } }] })).toEqual([
      {
        path: ['pools', 'Top'],
        change: 'added',
        after: { name: 'Top', share: '0.01', shares: { Gold: 1 } },
        description: 'pools "Top" added: {"name":"Top","share":"0.01","shares":{"Gold":1}}',
      },
    ]);
    const twoPools = { ...base, pools: [...base.pools, { name: 'Top', share: '0.01', shares: { Gold: 1 } }] };
    expect(lines(twoPools, { ...twoPools, pools: [...twoPools.pools].reverse() })).toEqual(['pools order changed: ["Leaders","Top"] → ["Top","Leaders"]']);
  });

  it('reports a null rule becoming an object as added, and back as removed', () => {
    const base = { levels: ['0.1', '0.05'] };
    const binary = { pairVolume: '100', pairAmount: '10' };
    const normalized = { pairVolume: '100.00', pairAmount: '10.00', carryCap: null, pairCeiling: null };
    expect(diffPlans(base, { ...base, binary })).toEqual([
      {
        path: ['binary'],
        change: 'added',
        after: normalized,
        description: 'binary added: {"carryCap":null,"pairAmount":"10.00","pairCeiling":null,"pairVolume":"100.00"}',
      },
    ]);
    expect(diffPlans({ ...base, binary }, base)).toEqual([
      {
        path: ['binary'],
        change: 'removed',
        before: normalized,
        description: 'binary removed: {"carryCap":null,"pairAmount":"10.00","pairCeiling":null,"pairVolume":"100.00"}',
      },
    ]);
  });

  it('compares binary, caps, matching, breakaway and retail profit field by field', () => {
    const before = {
      levels: ['0.1', '0.05'],
      ranks: ladder,
      binary: { pairVolume: '100', pairAmount: '10', pairCeiling: 20 },
      caps: { perPayee: '10000', perBonus: { matching: '500' } },
      matching: { levels: ['0.1'], on: ['unilevel'] },
      breakaway: { rank: 'Gold', generations: ['0.02'] },
      retailProfit: {},
    };
    const after = {
      ...before,
      binary: { pairVolume: '100', pairAmount: '12.5', carryCap: '5000' },
      caps: { perBonus: { matching: '400', unilevel: '1000' }, totalShare: '0.5', remainder: 'company' },
      matching: { levels: ['0.1', '0.05'], on: ['unilevel', 'binary'] },
      breakaway: { rank: 'Silver', generations: ['0.02', '0.01'] },
      retailProfit: { wholesaleRate: '0.75' },
    };
    expect(lines(before, after)).toEqual([
      'breakaway.rank: "Gold" → "Silver"',
      'breakaway.generations[1] added: "0.01"',
      'matching.levels[1] added: "0.05"',
      'matching.on[1] added: "binary"',
      'retailProfit.wholesaleRate added: "0.75"',
      'binary.pairAmount: "10.00" → "12.50"',
      'binary.carryCap added: "5000.00"',
      'binary.pairCeiling removed: 20',
      'caps.perPayee removed: "10000.00"',
      'caps.perBonus.unilevel added: "1000.00"',
      'caps.perBonus.matching: "500.00" → "400.00"',
      'caps.totalShare added: "0.5"',
      'caps.remainder: "largest-remainder" → "company"',
    ]);
    const changes = diffPlans(before as PlanInput, after as PlanInput);
    expect(changes.map((change) => change.path)).toEqual([
      ['breakaway', 'rank'],
      ['breakaway', 'generations', 1],
      ['matching', 'levels', 1],
      ['matching', 'on', 1],
      ['retailProfit', 'wholesaleRate'],
      ['binary', 'pairAmount'],
      ['binary', 'carryCap'],
      ['binary', 'pairCeiling'],
      ['caps', 'perPayee'],
      ['caps', 'perBonus', 'unilevel'],
      ['caps', 'perBonus', 'matching'],
      ['caps', 'totalShare'],
      ['caps', 'remainder'],
    ]);
    expect(changes[6]).toEqual({ path: ['binary', 'carryCap'], change: 'added', after: '5000.00', description: 'binary.carryCap added: "5000.00"' });
  });

  it('lists changes in the order of the plan fields, then index and name', () => {
    const before = { levels: ['0.1', '0.05'], ranks: ladder, compression: 'none', fastStart: ['10'], caps: { perPayee: '100' } };
    const after = { caps: { perPayee: '200' }, fastStart: ['11'], compression: 'dynamic', ranks: [ladder[0], ladder[1]], levels: ['0.2', '0.04'] };
    expect(diffPlans(asInput(before), asInput(after)).map((change) => change.path)).toEqual([
      ['levels', 0],
      ['levels', 1],
      ['compression'],
      ['fastStart', 0],
      ['ranks', 'Gold'],
      ['caps', 'perPayee'],
    ]);
  });

  it('accepts parsed plans and inputs alike, and refuses an invalid plan', () => {
    const input = { levels: ['0.1', '0.05'], compression: 'dynamic' } as const;
    expect(diffPlans(parsePlan(input), { levels: ['0.1', '0.05'] })).toEqual(diffPlans(input, { levels: ['0.1', '0.05'] }));
    expect(() => diffPlans(input, { levels: ['0.6', '0.6'] })).toThrow(DownlineError);
  });
});

describe('formatPlanDiff', () => {
  it('writes one line per change', () => {
    const changes = diffPlans({ levels: ['0.1', '0.05'], ranks: ladder }, { levels: ['0.1', '0.06', '0.01'], ranks: ladder.slice(0, 2), compression: 'dynamic' });
    expect(formatPlanDiff(changes)).toBe(
      [
        'levels[1]: "0.05" → "0.06"',
        'levels[2] added: "0.01"',
        'compression: "none" → "dynamic"',
        'ranks "Gold" removed: {"activeLegs":3,"differential":"0.04","groupVolume":"4350.00","maxLegShare":"0.4","name":"Gold"}',
      ].join('\n'),
    );
    expect(formatPlanDiff([])).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties on small random plans.

const RANK_NAMES = ['Bronze', 'Silver', 'Gold'] as const;
const rateArb = fc.constantFrom('0', '0.01', '0.02', '0.05', '0.1');
const amountArb = fc.constantFrom('0', '10', '50', '50.5', '100');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A small valid plan input (rates small enough never to add up past 1); optional fields often left out. */
const planInputArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    levels: fc.array(rateArb, { minLength: 2, maxLength: 4 }),
    minPersonalVolume: maybe(amountArb),
    compression: maybe(fc.constantFrom('none', 'dynamic')),
    rounding: maybe(fc.constantFrom('half-even', 'half-up', 'down')),
    scale: maybe(fc.constantFrom(2, 3)),
    commissionable: maybe(fc.constantFrom(['retail', 'personal'], ['personal', 'retail'], ['retail'], ['retail', 'personal', 'enrollment'])),
    directSale: maybe(rateArb),
    fastStart: maybe(fc.array(amountArb, { maxLength: 2 })),
    rankNames: fc.subarray([...RANK_NAMES]).chain((names) => fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length })),
    rankFields: fc.array(
      fc.record({
        personalVolume: maybe(amountArb),
        groupVolume: maybe(amountArb),
        activeLegs: maybe(fc.integer({ min: 0, max: 2 })),
        levels: maybe(fc.array(rateArb, { minLength: 1, maxLength: 2 })),
        matching: maybe(fc.array(fc.constantFrom('0.05', '0.1'), { minLength: 1, maxLength: 2 })),
      }),
      { minLength: 3, maxLength: 3 },
    ),
    differential: fc.constantFrom('none', 'flat', 'rising'),
    breakaway: fc.boolean(),
    pool: maybe(fc.record({ name: fc.constantFrom('Leaders', 'Top'), share: fc.constantFrom('0.01', '0.02'), counts: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }) })),
    matching: maybe(fc.constantFrom(['0.1'], ['0.05', '0.02'])),
    binary: maybe(fc.record({ pairVolume: fc.constantFrom('100', '150'), pairAmount: fc.constantFrom('10', '10.5'), carryCap: maybe(fc.constantFrom('500')), pairCeiling: maybe(fc.constantFrom(5, 9)) })),
    retailProfit: maybe(fc.record({ wholesaleRate: maybe(fc.constantFrom('0.75', '0.8')) })),
    caps: maybe(fc.record({ perPayee: maybe(fc.constantFrom('1000')), unilevel: maybe(fc.constantFrom('50', '60')), totalShare: maybe(fc.constantFrom('0.5')), remainder: maybe(fc.constantFrom('largest-remainder', 'company')) })),
  })
  .map((g) => {
    const ranks = g.rankNames.map((name, r) => {
      const rank: Record<string, unknown> = { name };
      for (const [key, value] of Object.entries(g.rankFields[r])) if (value !== undefined) rank[key] = value;
      if (g.differential !== 'none') rank.differential = g.differential === 'flat' ? '0.01' : ['0.01', '0.02', '0.03'][r];
      return rank;
    });
    const input: Record<string, unknown> = { levels: g.levels };
    for (const key of ['minPersonalVolume', 'compression', 'rounding', 'scale', 'commissionable', 'directSale', 'fastStart'] as const) {
      if (g[key] !== undefined) input[key] = g[key];
    }
    if (ranks.length > 0) input.ranks = ranks;
    if (g.breakaway && g.differential !== 'none' && ranks.length > 0) input.breakaway = { rank: ranks[ranks.length - 1].name, generations: ['0.01'] };
    if (g.pool !== undefined && ranks.length > 0) {
      const shares = Object.fromEntries(g.rankNames.flatMap((name, r) => (g.pool!.counts[r] > 0 ? [[name, g.pool!.counts[r]]] : [])));
      input.pools = [{ name: g.pool.name, share: g.pool.share, shares }];
    }
    if (g.matching !== undefined) input.matching = { levels: g.matching, on: ['unilevel'] };
    if (g.binary !== undefined) input.binary = g.binary;
    if (g.retailProfit !== undefined) input.retailProfit = g.retailProfit;
    if (g.caps !== undefined) {
      const { unilevel, ...caps } = g.caps;
      input.caps = { ...caps, ...(unilevel === undefined ? {} : { perBonus: { unilevel } }) };
    }
    return input;
  });

/** The plan with one number or decimal (the `pick`-th, in key order) made a little larger: `'0.05'` → `'0.051'`, 3 → 4. */
function tweak(input: Record<string, unknown>, pick: number): Record<string, unknown> {
  const copy = structuredClone(input);
  const leaves: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    for (const [key, item] of Object.entries(value)) {
      const at = Array.isArray(value) ? Number(key) : key;
      if (typeof item === 'number' || (typeof item === 'string' && /^\d+(\.\d+)?$/.test(item))) leaves.push([value as Record<string, unknown>, at]);
      else stack.push(item);
    }
  }
  const [holder, key] = leaves[pick % leaves.length];
  const old = (holder as Record<string | number, unknown>)[key];
  (holder as Record<string | number, unknown>)[key] = typeof old === 'number' ? old + 1 : String(old).includes('.') ? `${old}1` : `${old}.1`;
  return copy;
}

/**
 * Pairs of plans: independent ones, one field taken from another plan, one number made larger, or the same plan
 * written otherwise.
 */
const pairArb = fc.oneof(
  fc.tuple(planInputArb, fc.nat()).map(([a, pick]) => [a, tweak(a, pick)] as [Record<string, unknown>, Record<string, unknown>]),
  fc.tuple(planInputArb, planInputArb),
  fc.tuple(planInputArb, planInputArb, fc.integer({ min: 0, max: 30 })).map(([a, c, k]) => {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(c)])];
    const key = keys[k % keys.length];
    const b = { ...a };
    if (c[key] === undefined) delete b[key];
    else b[key] = c[key];
    return [a, b] as [Record<string, unknown>, Record<string, unknown>];
  }),
  fc.tuple(planInputArb, fc.integer()).map(([a, seed]) => [a, respell(a, seed) as Record<string, unknown>] as [Record<string, unknown>, Record<string, unknown>]),
);

const flip = (change: PlanChange) => (change.change === 'added' ? 'removed' : change.change === 'removed' ? 'added' : 'changed');

describe('diffPlans: properties', () => {
  it('the arbitrary makes valid plans, and parsePlan is idempotent on them', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const result = safeParsePlan(input);
        expect(result.success ? true : result.error.message).toBe(true);
        const plan = parsePlan(input);
        expect(parsePlan(plan)).toEqual(plan);
      }),
      { seed: 611, numRuns: 400 },
    );
  });

  it('diffPlans(a, a) is empty, and so is the diff from a plan to itself written otherwise', () => {
    fc.assert(
      fc.property(planInputArb, fc.integer(), (a, seed) => {
        expect(diffPlans(asInput(a), asInput(a))).toEqual([]);
        const written = respell(a, seed);
        expect(diffPlans(asInput(a), asInput(written))).toEqual([]);
        expect(planHash(asInput(written))).toBe(planHash(asInput(a)));
      }),
      { seed: 612, numRuns: 400 },
    );
  });

  it('diffPlans(a, b) is empty exactly when planHash(a) === planHash(b)', () => {
    let equal = 0;
    let different = 0;
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        fc.pre(safeParsePlan(b).success); // a field taken from another plan may not fit
        const changes = diffPlans(asInput(a), asInput(b));
        const sameHash = planHash(asInput(a)) === planHash(asInput(b));
        expect(changes.length === 0).toBe(sameHash);
        expect(sameHash).toBe(canonicalPlanJson(parsePlan(a)) === canonicalPlanJson(parsePlan(b)));
        if (sameHash) equal++;
        else different++;
      }),
      { seed: 613, numRuns: 1500 },
    );
    expect(equal).toBeGreaterThan(250);
    expect(different).toBeGreaterThan(250);
  });

  it('diffPlans(b, a) has the same changes as diffPlans(a, b), added and removed swapped', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        fc.pre(safeParsePlan(b).success);
        const key = (path: readonly unknown[], kind: string) => `${kind} ${JSON.stringify(path)}`;
        const forward = diffPlans(asInput(a), asInput(b)).map((change) => key(change.path, flip(change))).sort();
        const backward = diffPlans(asInput(b), asInput(a)).map((change) => key(change.path, change.change)).sort();
        expect(backward).toEqual(forward);
      }),
      { seed: 614, numRuns: 800 },
    );
  });

  it('every change has a description naming its place, and one line each in formatPlanDiff', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        fc.pre(safeParsePlan(b).success);
        const changes = diffPlans(asInput(a), asInput(b));
        for (const change of changes) {
          expect(change.description.startsWith(String(change.path[0]))).toBe(true);
          expect(change.description).not.toContain('\n');
          expect('before' in change).toBe(change.change !== 'added');
          expect('after' in change).toBe(change.change !== 'removed');
        }
        expect(formatPlanDiff(changes).split('\n').length).toBe(Math.max(1, changes.length));
      }),
      { seed: 615, numRuns: 400 },
    );
  });
});
