/**
 * Does the plan behave like a pyramid? One month of a sample network, with the costs affiliates paid, read
 * against the sixteen indicators: each flag with the figures behind it and the court case or law its threshold
 * comes from. Then the income disclosure statement of the same month, and the plan-only check (no data needed)
 * on a plan designed to be flagged.
 *
 * Run it: npx tsx examples/compliance-check.ts
 */
import { assessCompliance, checkPlan, computeCommissions, discloseIncome, formatIncomeDisclosure, Genealogy, sampleNetwork, type CostRecord } from 'downline';

// The month: March 2026 on a sample network of 2,000 affiliates. Members join one after another: spread their
// join dates from January 2024 to the end of March 2026, so that the statement can count newcomers and tenure.
const sample = sampleNetwork({ size: 2_000, seed: 3, decimalStrings: true });
const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const members = sample.members.map((m, i) => ({ ...m, joinedOn: day(Math.floor((i * 820) / sample.members.length)) }));
const period = { start: '2026-03-01', end: '2026-03-31' };

const plan = {
  levels: ['0.10', '0.05', '0.04', '0.03', '0.02'],
  minPersonalVolume: '50',
  compression: 'dynamic' as const,
  fastStart: ['25.00'], // 25.00 to the enroller on every joining fee
};
const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders: sample.orders });

// Costs besides orders (joining fees, recorded as enrollment orders, count already): a 19.90 website
// subscription for every third affiliate and a 120.00 training event for every tenth. `costs: []` would say
// "no other costs"; leaving costs out says "unknown", and the loss indicators are then not assessed.
const costs: CostRecord[] = [];
members.forEach((m, i) => {
  if (i % 3 === 0) costs.push({ affiliateId: m.id, amount: '19.90', kind: 'website subscription' });
  if (i % 10 === 0) costs.push({ affiliateId: m.id, amount: '120.00', kind: 'training event' });
});

const assessment = assessCompliance({ result, members, costs, ...period });
console.log(`assessment: ${assessment.verdict} — ${assessment.summary}\n`);

// Each flag: its figures in a sentence, the threshold, and in parentheses the court case or law the threshold
// comes from (also in flag.threshold.source).
console.log('flags, heaviest first');
for (const flag of assessment.flags) console.log(`  #${flag.id} ${flag.title}\n     ${flag.explanation}`);
console.log('warnings');
for (const w of assessment.warnings) console.log(`  #${w.id} ${w.key}: value ${w.value?.toFixed(3)}; source: ${w.threshold.source}`);
console.log('not assessed (the data does not carry them)');
for (const n of assessment.notAssessed) console.log(`  #${n.id} ${n.key}: needs ${n.needs.join('; ')}`);

// The income disclosure statement: every affiliate counts, those who earned nothing included.
const disclosure = discloseIncome({ result, members, costs, ...period }, { lowIncomeLimit: '100' });
console.log(`\n${formatIncomeDisclosure(disclosure)}`);
console.log(`median gross ${disclosure.gross.median}; ${disclosure.netLoss?.count} of ${disclosure.population} paid more than they earned`);

// The plan-only check, before any month is run: eight top-weighted levels, commission on joining fees,
// qualification that a purchase buys, and a high payout threshold.
const suspect = {
  levels: ['0.02', '0.02', '0.03', '0.04', '0.05', '0.06', '0.08', '0.10'],
  minPersonalVolume: '200',
  commissionable: ['retail' as const, 'personal' as const, 'enrollment' as const],
};
const check = checkPlan(suspect, { payoutThreshold: '100', retailMargin: '0.10' });
console.log(`\nplan check: ${check.verdict}; flags ${check.flags.join(', ')}; warnings ${check.warnings.join(', ') || 'none'}`);
for (const item of check.items) {
  if (item.verdict === 'ok') continue;
  console.log(`  [${item.verdict}] ${item.title}: ${item.explanation}`);
  console.log(`      source: ${item.source}`);
}
// The plan of the month above, for contrast: 5 levels and commission on own purchases are warnings only.
const own = checkPlan(plan);
console.log(`the month's plan: ${own.verdict}; flags ${own.flags.join(', ') || 'none'}; warnings ${own.warnings.join(', ')}`);
