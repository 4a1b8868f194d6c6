/**
 * A binary plan over two periods. Besides the sponsor tree, every member has a place in a binary tree (a left
 * and a right child at most, placed by the company or the sponsor: "spillover"). Each period, the volume of the
 * two legs below a member is paired: every 100 on both sides is a pair paying 10.00; what is not paired is
 * carried to the next period, up to a cap, and pairs above a ceiling are flushed.
 *
 * Run it: npx tsx examples/binary-plan.ts
 */
import { computeCommissions, Genealogy, type BinaryLine, type CommissionResult, type PlacementRecord } from 'downline';

// Who sponsored whom: A recruited B, C and D; B recruited E, C recruited F, D recruited G.
const genealogy = Genealogy.fromRecords([
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
  { id: 'C', sponsorId: 'A' },
  { id: 'D', sponsorId: 'A' },
  { id: 'E', sponsorId: 'B' },
  { id: 'F', sponsorId: 'C' },
  { id: 'G', sponsorId: 'D' },
]);

// Where they sit in the binary tree. A's third recruit D spills over under B, on B's left:
//
//              A
//         B          C
//       D   E      F
//     G
const placement: PlacementRecord[] = [
  { id: 'A', parentId: null, side: null },
  { id: 'B', parentId: 'A', side: 'left' },
  { id: 'C', parentId: 'A', side: 'right' },
  { id: 'D', parentId: 'B', side: 'left' },
  { id: 'E', parentId: 'B', side: 'right' },
  { id: 'F', parentId: 'C', side: 'left' },
  { id: 'G', parentId: 'D', side: 'left' },
];

const plan = {
  levels: ['0', '0'], // no unilevel: the binary is the whole plan
  minPersonalVolume: '50', // only an active member pairs; an inactive one carries both legs whole
  binary: {
    pairVolume: '100', // 100 of volume on each side makes a pair…
    pairAmount: '10.00', // …which pays 10.00
    pairCeiling: 2, // at most 2 pairs paid per period; pairs formed beyond are flushed
    carryCap: '250', // at most 250 carried per side
  },
};

// One order per member and period (amounts are each member's volume).
const ordersOf = (period: string, amounts: Record<string, string>) =>
  Object.entries(amounts).map(([id, amount]) => ({ id: `${period}-${id}`, affiliateId: id, amount, kind: 'personal' as const }));

function show(title: string, result: CommissionResult): void {
  console.log(`\n${title}`);
  console.log('  member  active    left   right  formed  paid  carry left  carry right  amount');
  for (const id of ['A', 'B', 'C', 'D']) {
    const line = result.explain(id).bonuses.find((b): b is BinaryLine => b.bonus === 'binary');
    if (line === undefined) continue; // nothing on either leg: no binary line
    const cells = [line.left, line.right, String(line.pairsFormed), String(line.pairs), line.carryLeft, line.carryRight, line.amount];
    const widths = [7, 7, 7, 5, 11, 12, 7];
    console.log(`  ${id.padEnd(6)}  ${(result.isActive(id) ? 'yes' : 'no').padEnd(6)}${cells.map((c, k) => c.padStart(widths[k] + 1)).join('')}`);
  }
  const binary = result.stages().find((s) => s.stage === 'binary')!;
  console.log(`  binary stage: potential ${binary.potential}, paid ${binary.paid}; payouts ${JSON.stringify(result.toJSON().payouts)}`);
  console.log(`  carried to the next period: ${JSON.stringify(result.binaryCarry())}`);
}

// Period 1. A's left leg (B, D, E, G) brings 250 and its right leg (C, F) 120: one pair, and A carries 150 left
// and 20 right (DESIGN §9). C bought nothing: inactive, it carries F's 120 whole.
const january = computeCommissions({
  genealogy,
  plan,
  placement,
  orders: ordersOf('2026-01', { A: '60.00', B: '100.00', D: '80.00', E: '40.00', G: '30.00', F: '120.00' }),
});
show('2026-01', january);

// Period 2 starts from January's carry. A: left 150 + 450, right 20 + 310 → 3 pairs formed, 2 paid (the
// ceiling), 1 flushed; left 300 remains, of which 250 is carried (the cap). B pairs 2 this time.
const february = computeCommissions({
  genealogy,
  plan,
  placement,
  binaryCarry: january.binaryCarry(), // plain JSON { id: { left, right } }: store it with the closed period
  orders: ordersOf('2026-02', { A: '60.00', B: '100.00', C: '60.00', D: '50.00', E: '200.00', F: '250.00', G: '100.00' }),
});
show('2026-02', february);

// What February did not pay: A's third pair (10.00) was flushed by the ceiling, which is breakage in the totals;
// the 50 of left volume above the carry cap is flushed volume, not money, so it is in no total.
console.log(`\nFebruary totals: ${JSON.stringify(february.totals)}`);
