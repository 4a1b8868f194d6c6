/**
 * `npm run bench`: builds seeded networks of realistic shape and prints one JSON line per run with the
 * figures of DESIGN §7 and the ratios to baselines measured in the same run on the same data, then each stage
 * of a ranked plan, compliance, a plan with every payout stage, each stage timed alone, and the same period as a
 * recursive SQL query in SQLite.
 *
 *   npm run bench                 # 100k and 1M
 *   npm run bench -- --large      # also 10M (needs ~12 GB of heap; a few minutes)
 *   npm run bench -- --sizes 50000,200000
 */
import { performance } from 'node:perf_hooks';
import { assessCompliance, computeCommissions, Genealogy, incomeBySource, ingestOrders, parsePlan, sampleNetwork } from '../src';
import type { MemberRecord, OrderBook } from '../src';
import { compilePlan } from '../src/engine/compiled-plan';
import { payeeSums } from '../src/engine/payee-sums';
import { periodVolumes } from '../src/engine/period-volumes';
import { qualify } from '../src/engine/qualification';
import { evaluateRanks, ranksFit } from '../src/engine/rank-evaluation';
import { rankedLevelSums } from '../src/engine/ranked-level-sums';
import { roundedTotal } from '../src/engine/round-payouts';
import { referenceCommissions } from '../test/reference/reference';
import { benchCliCsv } from './cli-csv';
import { benchFullPlan } from './full-plan';
import { benchSqlite } from './sqlite-baseline';

const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const sizes =
  sizesArg >= 0
    ? args[sizesArg + 1].split(',').map(Number)
    : args.includes('--large')
      ? [100_000, 1_000_000, 10_000_000]
      : [100_000, 1_000_000];
const REPEAT = Number(process.env.BENCH_REPEAT ?? 7);
const REFERENCE_ORDERS = 20_000; // the naive reference runs on a prefix of this many orders; its time is scaled

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => unknown, repeat = REPEAT): number {
  const samples: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** The cheapest pass that touches the tree: each affiliate adds its volume to its parent's accumulator. */
function streamingPass(parents: Int32Array, volume: Float64Array): Float64Array {
  const acc = new Float64Array(parents.length);
  for (let i = 0; i < parents.length; i++) {
    const p = parents[i];
    if (p >= 0) acc[p] += volume[i];
  }
  return acc;
}

/** Inserting every id in a JS Map and looking every sponsor up: what resolving string ids costs at best. */
function idMapFloor(records: MemberRecord[]): number {
  const index = new Map<string, number>();
  for (let i = 0; i < records.length; i++) index.set(records[i].id, i);
  let found = 0;
  for (let i = 0; i < records.length; i++) {
    const sponsor = records[i].sponsorId;
    if (sponsor !== null && index.get(sponsor) !== undefined) found++;
  }
  return found;
}

const SEED = 20261123;
const PLANS = [
  { levels: ['0.1', '0.05', '0.04', '0.03', '0.02', '0.02', '0.01', '0.01'], compression: 'dynamic' as const },
  { levels: ['0.1', '0.05', '0.04', '0.03', '0.02', '0.02', '0.01', '0.01'], compression: 'none' as const },
  { levels: ['0.1', '0.05'], compression: 'dynamic' as const },
  {
    levels: ['0.1', '0.05', '0.04', '0.03', '0.02', '0.02', '0.01', '0.01'],
    compression: 'dynamic' as const,
    ranks: [
      { name: 'Bronze', personalVolume: '50', levels: ['0.05', '0.02'] },
      { name: 'Silver', groupVolume: '1000', maxLegShare: '0.5', activeLegs: 2, levels: ['0.07', '0.04', '0.02'] },
      {
        name: 'Gold',
        groupVolume: '4350',
        maxLegShare: '0.4',
        activeLegs: 3,
        legRank: 'Silver',
        levels: ['0.1', '0.06', '0.04', '0.03', '0.02', '0.02', '0.01', '0.01'],
      },
    ],
  },
];

for (const n of sizes) {
  const once = n >= 5_000_000;
  // 1. the genealogy alone: build time, and what it retains (typed arrays, id index and the id strings)
  const before = memory();
  let members: MemberRecord[] | undefined = sampleNetwork({ size: n, seed: SEED, withOrders: false }).members;
  let genealogy: Genealogy | undefined;
  const buildMs = time(() => {
    genealogy = Genealogy.fromRecords(members as MemberRecord[]);
  }, once ? 1 : 3);
  // the floor of any build from id records: put every id in a Map and look every sponsor up once
  const idMapMs = time(() => idMapFloor(members as MemberRecord[]), 1);
  members = undefined;
  const g = genealogy as Genealogy;
  const bytesPerAffiliate = (memory() - before) / n;

  // 2. the orders of the same network, ingested into columns
  let network: ReturnType<typeof sampleNetwork> | undefined = sampleNetwork({ size: n, seed: SEED });
  const orderCount = network.orders.length;
  let book: OrderBook | undefined;
  const ingestMs = time(() => {
    book = ingestOrders((network as ReturnType<typeof sampleNetwork>).orders, g, { scale: 2 });
  }, once ? 1 : 3);
  const b = book as OrderBook;
  // Keep only what the reference needs (a prefix), as a commission run would after loading its columns:
  // millions of live record objects make every major GC walk them, which is not the engine's cost.
  const refOrders = network.orders.slice(0, REFERENCE_ORDERS);
  const lastMember = Number(refOrders[refOrders.length - 1].affiliateId.slice(1));
  const refMembers = network.members.slice(0, lastMember + 1);
  network = undefined;
  gc();

  // 3. the bare streaming pass over the same columns: each affiliate adds its volume to its parent's accumulator
  const volume = new Float64Array(n);
  for (let i = 0; i < b.count; i++) if (b.kinds[i] !== 2) volume[b.buyers[i]] += b.volumes.values[i];
  const streamMs = time(() => streamingPass(g.parents, volume), REPEAT * 3);

  for (const { levels, compression, ranks = [] } of PLANS) {
    const plan = parsePlan({ levels, minPersonalVolume: '50', compression, ranks });
    computeCommissions({ genealogy: g, plan, orders: b }); // warm up
    const computeMs = time(() => computeCommissions({ genealogy: g, plan, orders: b }));

    // 4. the naive reference on a prefix of the orders (sponsors always join earlier, so a prefix of members is
    // a valid network); its time is scaled to all orders. It walks the unilevel plan only: its rank oracle
    // recomputes every subtree per member (quadratic) and is made for small property-test periods, not for timing.
    const refInput = {
      members: refMembers,
      orders: refOrders,
      plan: { ...plan, levels: [...plan.levels], commissionable: [...plan.commissionable], ranks: [] },
    };
    const refMs = time(() => referenceCommissions(refInput), 1);
    const referenceScaledMs = refMs * (orderCount / refOrders.length);

    console.log(
      JSON.stringify({
        n,
        orders: orderCount,
        levels: levels.length,
        compression,
        ranks: ranks.length,
        maxDepth: g.maxDepth,
        buildMs: round(buildMs),
        idMapMs: round(idMapMs),
        ingestMs: round(ingestMs),
        computeMs: round(computeMs),
        bytesPerAffiliate: round(bytesPerAffiliate),
        streamMs: round(streamMs, 2),
        computeOverStream: round(computeMs / streamMs, 2),
        referenceMs: round(referenceScaledMs),
        referenceOrders: refOrders.length,
        speedupOverReference: round(referenceScaledMs / computeMs),
        node: process.version,
      }),
    );
  }

  // 5. the stages of the ranked plan, each timed alone on the same columns (DESIGN §5: one pure stage per file),
  // beside the whole run of the same plan: `otherMs` is what the run spends outside the stages listed
  {
    const ranked = PLANS[PLANS.length - 1];
    const plan = parsePlan({ levels: ranked.levels, minPersonalVolume: '50', compression: ranked.compression, ranks: ranked.ranks });
    const compiled = compilePlan(plan);
    const volumes = periodVolumes(b, compiled);
    const active = qualify(volumes.personal, compiled.minPersonalVolume);
    const ranks = evaluateRanks(g, volumes.personal, active, compiled.ranks);
    const sums = payeeSums(g, volumes, compiled, active, ranks.paidAs);
    const rows = { table: compiled.rateTable, rowOf: ranks.paidAs, depth: compiled.walkDepth };
    const repeat = once ? 3 : REPEAT;
    const stages = {
      volumesMs: time(() => periodVolumes(b, compiled), repeat),
      qualifyMs: time(() => qualify(volumes.personal, compiled.minPersonalVolume), repeat),
      ranksFitMs: time(() => ranksFit(volumes.personal), repeat),
      ranksMs: time(() => evaluateRanks(g, volumes.personal, active, compiled.ranks), repeat),
      levelSumsMs: time(() => payeeSums(g, volumes, compiled, active, ranks.paidAs), repeat),
      roundMs: time(() => roundedTotal(sums.exact, compiled.rateDecimals, plan.rounding), repeat),
    };
    // the kernel alone, inside levelSumsMs (which adds the payee total and the exactness check)
    const rankedKernelMs = time(() => rankedLevelSums(g, volumes.commissionable.values, rows, active, plan.compression), repeat);
    const computeMs = time(() => computeCommissions({ genealogy: g, plan, orders: b }), repeat);
    const staged = Object.values(stages).reduce((a, x) => a + x, 0);
    console.log(
      JSON.stringify({
        n,
        stage: 'stages',
        plan: '8 levels by rank, dynamic, 3 ranks',
        ...Object.fromEntries(Object.entries(stages).map(([k, ms]) => [k, round(ms, 2)])),
        rankedKernelMs: round(rankedKernelMs, 2),
        computeMs: round(computeMs, 1),
        otherMs: round(computeMs - staged, 1),
        node: process.version,
      }),
    );
  }

  // 6. compliance on the same period: income split by source (one kernel run per paying kind) and the whole
  // assessment (facts gathering, sixteen indicators, one sort of the incomes)
  const plan = parsePlan({ levels: PLANS[0].levels, minPersonalVolume: '50', compression: PLANS[0].compression });
  const result = computeCommissions({ genealogy: g, plan, orders: b });
  const computeMs = time(() => computeCommissions({ genealogy: g, plan, orders: b }));
  const incomeBySourceMs = time(() => incomeBySource(result), once ? 1 : REPEAT);
  const assessMs = time(() => assessCompliance({ result, costs: [] }), once ? 1 : 3);
  console.log(
    JSON.stringify({
      n,
      stage: 'compliance',
      computeMs: round(computeMs),
      incomeBySourceMs: round(incomeBySourceMs),
      assessMs: round(assessMs),
      assessOverCompute: round(assessMs / computeMs, 2),
      node: process.version,
    }),
  );

  // 7. a plan with every stage (ranks by rank, bonuses, stairstep, binary, matching, pool, caps), each stage alone;
  // up to 2M affiliates: past that the placement built from records and the binding caps (bigint per payee) take
  // minutes, which a benchmark run should not
  if (n <= 2_000_000) benchFullPlan(g, b, { repeat: once ? 1 : 3, plainMs: computeMs });

  // 8. the same period as a recursive SQL query in SQLite (what many companies run today), up to 1M affiliates
  if (n <= 1_000_000) await benchSqlite(g, b, { repeat: n <= 200_000 ? 3 : 1 });

  // 9. the command line on CSV files of the same size, beside the engine on the same records in memory
  await benchCliCsv(n, { seed: SEED, repeat: n <= 200_000 ? 3 : 1 });
}
