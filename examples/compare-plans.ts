/**
 * What-if: the same month computed under the plan in force and under a proposed edit, before anyone is paid
 * under it. comparePlans gives the plan diff, the totals and stages side by side, every payee whose pay
 * changes, and (given the member records) how each compliance indicator moves.
 *
 * Run it: npx tsx examples/compare-plans.ts
 */
import { comparePlans, formatComparison, Genealogy, sampleNetwork, type PlanInput } from 'downline';

const { members, orders } = sampleNetwork({ size: 1_500, seed: 5, decimalStrings: true });
const genealogy = Genealogy.fromRecords(members);

// The plan in force.
const current: PlanInput = {
  version: '2026.1',
  levels: ['0.10', '0.05', '0.04', '0.03', '0.02'],
  minPersonalVolume: '50',
  compression: 'dynamic',
};

// The proposal: level 2 pays 7% instead of 5%, a 20.00 fast start rewards each enrollment, and no payee
// may earn more than 500.00 a month.
const proposal: PlanInput = {
  ...current,
  version: '2026.2-draft',
  levels: ['0.10', '0.07', '0.04', '0.03', '0.02'],
  fastStart: ['20'],
  caps: { perPayee: '500' },
};

const comparison = comparePlans({
  genealogy,
  orders,
  before: current,
  after: proposal,
  members, // turns the compliance comparison on
  compliance: { costs: [] }, // "no costs besides orders and joining fees", so that the loss indicators are assessed
});

// The whole report as text: plan changes, totals and stages (before, after, difference), who gains and who
// loses (the 5 largest changes), and the compliance verdicts that moved.
console.log(formatComparison(comparison, { top: 5 }));

// The figures are plain objects too, exact decimal strings for money.
const { totals, payees } = comparison;
console.log(`\npayouts ${totals.before.payouts} → ${totals.after.payouts} (${totals.difference.payouts} a month); the cap takes ${totals.after.capped}`);
console.log(`${payees.gain} payees gain, ${payees.lose} lose, ${payees.unchanged} keep their pay`);

// Every indicator whose value moved, even when its verdict did not: shares shown as percentages.
const compliance = comparison.compliance!;
const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
console.log('\ncompliance indicators that moved');
for (const i of compliance.indicators) {
  if (i.difference === null || i.difference === 0) continue;
  const shown = i.key === 'plan-shape' ? (v: number | null) => String(v) : pct;
  console.log(`  #${String(i.id).padStart(2)} ${i.key.padEnd(28)} ${shown(i.before.value).padStart(6)} → ${shown(i.after.value).padStart(6)}  ${i.before.verdict} → ${i.after.verdict} (${i.trend})`);
}
const worse = compliance.changed.filter((i) => i.trend === 'worse');
console.log(`overall verdict ${compliance.verdict.before} → ${compliance.verdict.after}; ${worse.length} indicator(s) worse: ${worse.map((i) => i.key).join(', ') || 'none'}`);

// Drill into one payee under the proposal: the full result of each side is there.
const biggest = payees.changes[0];
const after = comparison.results.after;
console.log(`\nlargest change: ${biggest.id} ${biggest.before} → ${biggest.after} (${biggest.difference}); under the proposal:`, after.earnings(biggest.id));
console.log('caps:', after.explain(biggest.id).caps);
