/**
 * `npm run demo`: one commission period on a deterministic sample network of 2,000 affiliates, with the totals,
 * the top earners, the line-by-line explanation of the best-paid affiliate, income by source, and the
 * compliance assessment of the period, the same period under a richer plan stage by stage, and two synthetic
 * periods shaped like court records.
 */
import {
  assessCompliance,
  compareDecimals,
  complianceProfile,
  computeCommissions,
  discloseIncome,
  formatAssessment,
  formatIncomeDisclosure,
  Genealogy,
  incomeBySource,
  parsePlan,
  sampleNetwork,
} from '../src';

const { members, orders } = sampleNetwork({ size: 2_000, seed: 42, decimalStrings: true });
const genealogy = Genealogy.fromRecords(members);
const plan = parsePlan({
  levels: ['0.10', '0.05', '0.04', '0.03', '0.02'],
  minPersonalVolume: '50',
  compression: 'dynamic',
  rounding: 'half-even',
});
const result = computeCommissions({ genealogy, plan, orders });

console.log(`downline demo: ${genealogy.size} affiliates (${genealogy.roots().length} roots, ${genealogy.maxDepth} levels deep), ${orders.length} orders`);
console.log(`plan: ${plan.levels.join(' / ')}, minimum PV ${plan.minPersonalVolume}, ${plan.compression} compression, ${plan.rounding} rounding\n`);

console.log('totals');
for (const [name, value] of Object.entries(result.totals)) console.log(`  ${name.padEnd(10)} ${value.padStart(12)}`);

const payouts = result.payouts();
const top = [...payouts].sort((a, b) => compareDecimals(b.amount, a.amount) || (a.id < b.id ? -1 : 1)).slice(0, 5);
console.log(`\ntop earners (of ${payouts.length} payees)`);
for (const { id, amount } of top) {
  console.log(`  ${id.padEnd(8)} ${amount.padStart(10)}   ${genealogy.subtreeSize(id) - 1} in downline, ${genealogy.recruits(id).length} recruits`);
}

const best = result.explain(top[0].id);
console.log(`\nwhy ${best.id} earns ${best.payout}: ${best.lines.length} lines summing to ${best.exact} exactly`);
const byLevel = new Map<number, { count: number; lines: typeof best.lines[number][] }>();
for (const line of best.lines) {
  const entry = byLevel.get(line.level) ?? { count: 0, lines: [] };
  entry.count++;
  if (entry.lines.length < 2) entry.lines.push(line);
  byLevel.set(line.level, entry);
}
for (const [level, { count, lines }] of byLevel) {
  console.log(`  level ${level}: ${count} lines, e.g.`);
  for (const l of lines) console.log(`    order ${l.orderId} by ${l.buyerId}: ${l.volume} × ${l.rate} = ${l.amount}`);
}


// Where the money comes from, and what the period looks like to a compliance analyst.
const income = incomeBySource(result);
console.log('\nincome by source (all payees, exact)');
for (const [source, amount] of Object.entries(income.totals)) console.log(`  ${source.padEnd(10)} ${amount.padStart(12)}`);
console.log(`  ${top[0].id}: ${JSON.stringify(income.of(top[0].id))}`);

console.log(`\n${formatAssessment(assessCompliance({ result, members }))}`);
console.log(`\n${formatIncomeDisclosure(discloseIncome({ result, members }))}`);

// The same period under a richer plan: ranks paying by rank, fast start, a matching bonus, a leadership pool
// and caps, each stage with what it could pay and what it paid.
const rich = computeCommissions({
  genealogy,
  plan: {
    ...plan,
    fastStart: ['50', '20'],
    ranks: [
      { name: 'Bronze', personalVolume: '50', levels: ['0.05', '0.02'] },
      { name: 'Silver', groupVolume: '1000', activeLegs: 2, levels: ['0.07', '0.04', '0.02'] },
      { name: 'Gold', groupVolume: '4350', maxLegShare: '0.4', activeLegs: 3, levels: ['0.08', '0.05', '0.03', '0.02'], matching: ['0.1'] },
    ],
    matching: { on: ['unilevel'] },
    pools: [{ name: 'Gold pool', share: '0.01', shares: { Gold: 1 } }],
    caps: { perPayee: '500', totalShare: '0.35' },
  },
  orders,
});
console.log('\nthe same period, ranks paying by rank + fast start + matching + pool + caps');
for (const { stage, potential, paid, capped } of rich.stages()) {
  console.log(`  ${stage.padEnd(10)} potential ${potential.padStart(10)}  paid ${paid.padStart(10)}  capped ${capped.padStart(8)}`);
}
console.log(`  total paid ${rich.totals.paid} (capped ${rich.totals.capped}, breakage ${rich.totals.breakage})`);

// The same questions asked of two synthetic periods shaped like court records.
for (const name of ['burnlounge-like', 'neora-like'] as const) {
  const profile = complianceProfile(name, { affiliates: 2_000, seed: 42 });
  const periodResult = computeCommissions({ genealogy: Genealogy.fromRecords(profile.members), plan: profile.plan, orders: profile.orders });
  const assessment = assessCompliance({ result: periodResult, ...profile });
  console.log(`\n${name}: paid ${periodResult.totals.payouts}; ${assessment.verdict} — ${assessment.summary}`);
  for (const flag of assessment.flags.slice(0, 3)) console.log(`  #${flag.id} ${flag.explanation}`);
}
