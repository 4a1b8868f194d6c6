/**
 * The benchmark of a plan that uses every stage: ranks paying by rank, fast start, direct sale, retail profit,
 * stairstep with breakaway, binary, matching, a pool and caps. Prints one JSON line with the whole compute,
 * each stage timed alone on the same columns, and the ratio to the plain unilevel compute of the same run.
 */
import { performance } from 'node:perf_hooks';
import { computeCommissions, type Genealogy, type OrderBook, parsePlan } from '../src';
import type { PlacementRecord } from '../src/engine/binary-placement';
import { binaryPairs, compileBinary } from '../src/engine/binary';
import { buildPlacement } from '../src/engine/binary-placement';
import { applyCaps } from '../src/engine/caps';
import { compilePlan } from '../src/engine/compiled-plan';
import { foldCustomerVolume } from '../src/engine/customer-volume';
import { differentialSums } from '../src/engine/differential';
import { directSaleSums } from '../src/engine/direct-sale';
import { fastStartSums } from '../src/engine/fast-start';
import { poolSums } from '../src/engine/leadership-pool';
import { matchedEarnings, matchingSums } from '../src/engine/matching';
import { payeeSums } from '../src/engine/payee-sums';
import { periodVolumes } from '../src/engine/period-volumes';
import { qualify } from '../src/engine/qualification';
import { evaluateRanks } from '../src/engine/rank-evaluation';
import { retailProfitSums } from '../src/engine/retail-profit';

const FULL_PLAN = {
  levels: ['0.05', '0.04', '0.03', '0.02', '0.01', '0.01', '0.01', '0.01'],
  minPersonalVolume: '50',
  compression: 'dynamic',
  fastStart: ['50', '20'],
  directSale: '0.05',
  retailProfit: { wholesaleRate: '0.8' },
  ranks: [
    { name: 'Bronze', personalVolume: '50', levels: ['0.05', '0.02'], differential: '0.02' },
    { name: 'Silver', groupVolume: '1000', activeLegs: 2, levels: ['0.07', '0.04', '0.02'], differential: '0.04', matching: ['0.1'] },
    { name: 'Gold', groupVolume: '4350', maxLegShare: '0.4', activeLegs: 3, differential: '0.06', matching: ['0.2', '0.1'] },
  ],
  breakaway: { rank: 'Gold', generations: ['0.02', '0.01'] },
  binary: { pairVolume: '100', pairAmount: '10', carryCap: '5000', pairCeiling: 50 },
  matching: { on: ['unilevel', 'differential', 'binary'] },
  pools: [{ name: 'Gold pool', share: '0.01', shares: { Gold: 1 } }],
  caps: { perPayee: '20000', totalShare: '0.45', perBonus: { matching: '2000' } },
} as const;

/** A complete binary tree over the preorder: member i is placed under (i − 1) / 2, left when i is odd. */
function heapPlacement(g: Genealogy): PlacementRecord[] {
  const records: PlacementRecord[] = new Array(g.size);
  for (let i = 0; i < g.size; i++) {
    const parent = i === 0 ? null : g.ids.at((i - 1) >> 1);
    records[i] = { id: g.ids.at(i), parentId: parent, side: i === 0 ? null : i % 2 === 1 ? 'left' : 'right' };
  }
  return records;
}

/**
 * Times the full plan on a period: the whole `computeCommissions`, then each stage alone, in ms (medians).
 *
 * @example
 * ```ts
 * benchFullPlan(genealogy, book, { repeat: 5, plainMs: 40 });
 * ```
 */
export function benchFullPlan(g: Genealogy, b: OrderBook, options: { repeat: number; plainMs: number }): void {
  const time = (fn: () => unknown, repeat = options.repeat) => {
    const samples: number[] = [];
    for (let r = 0; r < repeat; r++) {
      const t0 = performance.now();
      fn();
      samples.push(performance.now() - t0);
    }
    return [...samples].sort((x, y) => x - y)[Math.floor(samples.length / 2)];
  };
  const round = (x: number) => Number(x.toFixed(2));
  const records = heapPlacement(g);
  const placementMs = time(() => buildPlacement(records, g), 1);
  const placement = buildPlacement(records, g);
  const plan = parsePlan(FULL_PLAN);
  const input = { genealogy: g, plan, orders: b, placement: records };
  computeCommissions(input); // warm up
  const computeMs = time(() => computeCommissions(input));

  const compiled = compilePlan(plan);
  const volumes = periodVolumes(b, compiled);
  const active = qualify(volumes.personal, compiled.minPersonalVolume);
  const ranks = evaluateRanks(g, volumes.personal, active, compiled.ranks);
  const paidAs = ranks.paidAs;
  const unilevel = payeeSums(g, volumes, compiled, active, paidAs);
  const rules = compileBinary({ pairVolume: '100', pairAmount: '10', carryCap: '5000', pairCeiling: 50 }, plan.scale);
  const binaryVolume = foldCustomerVolume(volumes.commissionable, g);
  const matched = matchedEarnings([unilevel.exact], compiled);
  const stages = [{ name: 'unilevel' as const, exact: unilevel.exact }];
  console.log(
    JSON.stringify({
      n: g.size,
      stage: 'full-plan',
      plan: 'ranks by rank, fast start, direct sale, retail profit, stairstep + breakaway, binary, matching, pool, caps',
      computeMs: round(computeMs),
      computeOverPlainUnilevel: round(computeMs / options.plainMs),
      placementBuildMs: round(placementMs),
      ranksMs: round(time(() => evaluateRanks(g, volumes.personal, active, compiled.ranks))),
      unilevelMs: round(time(() => payeeSums(g, volumes, compiled, active, paidAs))),
      fastStartMs: round(time(() => fastStartSums(g, b, compiled, active))),
      directSaleMs: round(time(() => directSaleSums(g, b, compiled))),
      retailProfitMs: round(time(() => retailProfitSums(g, b, compiled))),
      differentialMs: round(time(() => differentialSums(g, volumes.commissionable, volumes.commissionableTotal, compiled, paidAs))),
      binaryMs: round(time(() => binaryPairs(placement, binaryVolume, active, rules, null))),
      matchingMs: round(time(() => matchingSums(g, matched, compiled, active, paidAs))),
      poolMs: round(time(() => poolSums(compiled, volumes.commissionableTotal, paidAs, g.ids))),
      capsMs: round(time(() => applyCaps(stages, compiled, volumes.commissionableTotal, g.ids))),
      node: process.version,
    }),
  );
}
