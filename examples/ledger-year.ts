/**
 * A year of commission periods on a ledger: twelve months through runPeriod, a payout threshold (small balances
 * are carried, not lost), a refund of an order from an earlier, closed month (its commission is clawed back
 * from the same payees), and an affiliate who leaves mid-year (their balance is forfeited). Each month's
 * statement is printed and checked: nothing is created or lost from one month to the next.
 *
 * Run it: npx tsx examples/ledger-year.ts
 */
import {
  compareDecimals,
  emptyState,
  formatUnits,
  Genealogy,
  parseDecimal,
  readState,
  runPeriod,
  sampleNetwork,
  serializeState,
  type OrderRecord,
  type PeriodState,
} from 'downline';

// The network: 300 affiliates, the same all year until one leaves.
const { members } = sampleNetwork({ size: 300, seed: 11, withOrders: false });
// Each month's orders: a sample of the same size with another seed buys for the same ids m0…m299. Order ids must
// be unique over the whole ledger, so they are prefixed with the month.
const ordersOf = (period: string, seed: number): OrderRecord[] =>
  sampleNetwork({ size: 300, seed, decimalStrings: true }).orders.map((o) => ({ ...o, id: `${period}/${o.id}` }));

const plan = {
  version: 'v1',
  levels: ['0.10', '0.05', '0.03'],
  minPersonalVolume: '50',
  compression: 'dynamic',
  payoutThreshold: '25', // balances below 25.00 are carried to the next month (so are the fractions of a cent
  //                        that rounding a payout leaves: balances are exact, only payouts are rounded)
  leaverBalance: 'forfeit', // a leaver's unpaid balance goes back to the company
} as const;

// Exact sums of the statements' decimal strings (they may be negative: a clawback not yet recovered).
const units = (text: string): bigint => {
  const negative = text.startsWith('-');
  const read = parseDecimal(negative ? text.slice(1) : text, 12);
  if (!read.ok) throw new Error(`not a decimal: ${text}`);
  return negative ? -read.units : read.units;
};

let genealogy = Genealogy.fromRecords(members);
let state: PeriodState = emptyState();
let refundedOrder = ''; // the order refunded in April: the largest order of February
const leaver = 'm40'; // leaves at the end of June: their unpaid balance, June included, is forfeited
let allOk = true;
const year = { earned: 0n, reversed: 0n, paidOut: 0n, forfeited: 0n, writtenOff: 0n };

console.log('month    carried in     earned  reversed   paid out  carried out  forfeited  conservation');
for (let month = 1; month <= 12; month++) {
  const period = `2026-${String(month).padStart(2, '0')}`;
  let orders = ordersOf(period, 1_000 + month);
  if (month > 6) orders = orders.filter((o) => o.affiliateId !== leaver); // gone: no more orders
  if (month === 2) refundedOrder = [...orders].sort((a, b) => compareDecimals(String(b.amount), String(a.amount)))[0].id;

  const { statement, nextState } = runPeriod(state, {
    period,
    genealogy,
    plan,
    orders,
    refunds: month === 4 ? [{ id: 'refund-1', orderId: refundedOrder }] : [], // the whole order, two months later
    leavers: month === 6 ? [leaver] : [],
  });

  // Per statement: carriedIn + earned − reversed = paidOut + carriedOut + forfeited − writtenOff, exactly; and
  // what this month carries in is what the last one carried out (the state's balances).
  const t = statement.totals;
  const carriedBefore = Object.values(state.balances).reduce((sum, b) => sum + units(b), 0n);
  const ok =
    units(t.carriedIn) + units(t.earned) - units(t.reversed) === units(t.paidOut) + units(t.carriedOut) + units(t.forfeited) - units(t.writtenOff) &&
    units(t.carriedIn) === carriedBefore;
  allOk &&= ok;
  for (const key of Object.keys(year) as (keyof typeof year)[]) year[key] += units(t[key]);
  const cols = [t.carriedIn, t.earned, t.reversed, t.paidOut, t.carriedOut, t.forfeited].map((v) => v.padStart(10));
  console.log(`${period}  ${cols.join(' ')}  ${ok ? 'OK' : 'MISMATCH'}`);

  if (statement.reversals.length > 0) {
    const r = statement.reversals;
    console.log(`         refund of ${r[0].orderId} (closed in ${r[0].period}): ${r.map((l) => `${l.payeeId} level ${l.level} ${l.amount}`).join(', ')}`);
  }
  if (month === 6) {
    const m = statement.members[leaver];
    console.log(`         ${leaver} leaves: carried in ${m.carriedIn} + earned ${m.earned} → forfeited ${m.forfeited}, paid ${m.paidOut}`);
    // From July the genealogy no longer holds them: their recruits are sponsored by the leaver's sponsor.
    const sponsor = genealogy.sponsor(leaver);
    genealogy = Genealogy.fromRecords(
      members.filter((m) => m.id !== leaver).map((m) => (m.sponsorId === leaver ? { ...m, sponsorId: sponsor } : m)),
    );
  }
  // The state is plain JSON: store it between runs, read it back validated.
  state = readState(serializeState(nextState));
}

// Over the year: everything earned is paid, still carried, forfeited or written off.
const carriedAtEnd = Object.values(state.balances).reduce((sum, b) => sum + units(b), 0n);
const yearOk = year.earned - year.reversed === year.paidOut + carriedAtEnd + year.forfeited - year.writtenOff;
const show = (u: bigint) => formatUnits(u, 12, 2); // back to a decimal string, exact
console.log(`\nyear: earned ${show(year.earned)} − reversed ${show(year.reversed)} = paid ${show(year.paidOut)} + still carried ${show(carriedAtEnd)} + forfeited ${show(year.forfeited)} − written off ${show(year.writtenOff)}: ${yearOk ? 'OK' : 'MISMATCH'}`);
console.log(`${state.periods.length} periods closed under plan ${state.periods[0].planVersion} (${state.periods[0].planHash.slice(0, 19)}…); ${Object.keys(state.balances).length} balances carried into 2027`);
console.log(`conservation: ${allOk && yearOk ? 'OK' : 'MISMATCH'}`);
if (!(allOk && yearOk)) process.exit(1);
