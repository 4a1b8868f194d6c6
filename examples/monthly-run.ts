/**
 * A monthly commission run, start to finish: member and order rows as they come out of a CSV export, the
 * genealogy, a plan with ranks, dynamic compression and a per-payee cap, the totals, the top five payees, one
 * payee's pay explained line by line, and a check that every cent of the potential is accounted for.
 *
 * Run it: npx tsx examples/monthly-run.ts
 */
import { compareDecimals, computeCommissions, Genealogy, parseDecimal, parsePlan, sampleNetwork } from 'downline';

// 1. The CSV export. In production these lines come from your database; here a seeded sample network of
//    1,000 affiliates stands in for it (the same seed always gives the same rows).
const sample = sampleNetwork({ size: 1_000, seed: 2026, decimalStrings: true });
const membersCsv = ['id,sponsorId', ...sample.members.map((m) => `${m.id},${m.sponsorId ?? ''}`)].join('\n');
const ordersCsv = ['id,affiliateId,amount,kind', ...sample.orders.map((o) => `${o.id},${o.affiliateId},${o.amount},${o.kind}`)].join('\n');

// 2. Rows → records. Amounts stay decimal strings ("49.90"): never parse money into floats.
const rows = (csv: string) => csv.split('\n').slice(1).map((line) => line.split(','));
const members = rows(membersCsv).map(([id, sponsorId]) => ({ id, sponsorId: sponsorId === '' ? null : sponsorId }));
const orders = rows(ordersCsv).map(([id, affiliateId, amount, kind]) => ({ id, affiliateId, amount, kind: kind as 'retail' | 'personal' | 'enrollment' }));

// 3. The genealogy: validates every record at once (unknown sponsors, cycles, duplicates) and builds the tree.
const genealogy = Genealogy.fromRecords(members);
console.log(`${genealogy.size} affiliates, ${genealogy.roots().length} roots, ${genealogy.maxDepth} levels deep; ${orders.length} orders`);

// 4. The plan. parsePlan validates it and fills the defaults; each rank pays its own row of level rates.
const plan = parsePlan({
  levels: ['0.05', '0.02'], // the rates of an active affiliate holding no rank (here every active one is Bronze)
  minPersonalVolume: '50', // PV needed to be active this month
  compression: 'dynamic', // inactive uplines are skipped, the level does not advance
  ranks: [
    { name: 'Bronze', personalVolume: '50', levels: ['0.05', '0.02'] },
    // group volume 1,000 and 2 legs with an active affiliate in them
    { name: 'Silver', groupVolume: '1000', activeLegs: 2, levels: ['0.07', '0.04', '0.02'] },
    // group volume 4,350 with at most 40% of it counted from any one leg, and 3 active legs
    { name: 'Gold', groupVolume: '4350', maxLegShare: '0.4', activeLegs: 3, levels: ['0.08', '0.05', '0.03', '0.02'] },
  ],
  caps: { perPayee: '600' }, // nobody is paid more than 600.00 a month
});

// 5. Compute the month.
const result = computeCommissions({ genealogy, plan, orders });

// potential counts the best rate any rank pays at each level (Gold's 8/5/3/2), so breakage also holds what
// lower ranks are not paid; capped is what the cap took; residual is what rounding each payee once left.
console.log('\ntotals');
for (const [name, value] of Object.entries(result.totals)) console.log(`  ${name.padEnd(10)} ${value.padStart(12)}`);

// 6. Top five payees: payouts() is not sorted by amount; sort exactly, as decimals (never as floats), then by id.
const top = [...result.payouts()].sort((a, b) => compareDecimals(b.amount, a.amount) || (a.id < b.id ? -1 : 1)).slice(0, 5);
console.log(`\ntop 5 payees (of ${result.payouts().length})`);
for (const { id, amount } of top) {
  const rank = result.rank(id).paidAs ?? 'no rank';
  console.log(`  ${id.padEnd(6)} ${amount.padStart(9)}  ${rank.padEnd(7)} GV ${result.groupVolume(id)}, ${genealogy.recruits(id).length} recruits`);
}

// 7. One payee explained line by line: a payee with a handful of lines, so that every line fits on screen.
const payee = result.payouts().find(({ id }) => {
  const lines = result.explain(id).lines;
  return lines.length >= 4 && lines.length <= 7 && new Set(lines.map((l) => l.level)).size > 1;
});
if (payee === undefined) throw new Error('no payee with 4 to 7 lines in this sample');
const why = result.explain(payee.id);
console.log(`\nwhy ${why.id} (${result.rank(why.id).paidAs ?? 'no rank'}, PV ${result.personalVolume(why.id)}) is paid ${why.payout}`);
for (const l of why.lines) {
  console.log(`  level ${l.level}: ${l.kind.padEnd(8)} order ${l.orderId.padEnd(6)} by ${l.buyerId.padEnd(5)} ${l.volume.padStart(7)} × ${l.rate.padEnd(4)} = ${l.amount}`);
}
for (const c of why.caps) console.log(`  cap ${c.cap}: ${c.amount}`);
console.log(`  exact total ${why.exact}, rounded once to ${why.payout}`);

// The top payee hit the cap: its explanation ends with a negative cap line, so the lines still add up.
const capped = result.explain(top[0].id);
console.log(`\n${capped.id}: ${capped.lines.length} lines, cap lines ${capped.caps.map((c) => `${c.cap} ${c.amount}`).join(', ') || 'none'}, paid ${capped.payout}`);

// 8. Every cent accounted for. Totals are exact decimal strings with as many decimals as they need; add them
//    as integers of 10^-12 (the most decimals a plan can produce), never as floats.
const units = (text: string): bigint => {
  const negative = text.startsWith('-');
  const read = parseDecimal(negative ? text.slice(1) : text, 12);
  if (!read.ok) throw new Error(`not a decimal: ${text}`);
  return negative ? -read.units : read.units;
};
const t = result.totals;
const sumOfPayouts = result.payouts().reduce((sum, p) => sum + units(p.amount), 0n);
const explained = result.payouts().reduce((sum, p) => sum + units(result.explain(p.id).exact), 0n);
const check = (label: string, ok: boolean) => console.log(`  ${label}: ${ok ? 'OK' : 'MISMATCH'}`);
console.log('\nconservation');
check(`potential ${t.potential} = paid ${t.paid} + capped ${t.capped} + breakage ${t.breakage}`, units(t.potential) === units(t.paid) + units(t.capped) + units(t.breakage));
check(`paid ${t.paid} = payouts ${t.payouts} + residual ${t.residual}`, units(t.paid) === units(t.payouts) + units(t.residual));
check(`Σ payouts() = totals.payouts ${t.payouts}`, sumOfPayouts === units(t.payouts));
check(`Σ explain(id).exact over the payees = paid ${t.paid}`, explained === units(t.paid));
