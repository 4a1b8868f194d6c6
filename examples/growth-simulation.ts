/**
 * What a plan does to the people in it over time. simulateGrowth runs a seeded model of recruiting into a
 * finite market (members buy, sell, recruit and leave) through the commission engine, period after period:
 * who profits, who loses, how concentrated income is, and when recruiting saturates. projectPlan is the
 * textbook projection on a full tree (DESIGN §9), computed through the engine rather than with a formula.
 *
 * Run it: npx tsx examples/growth-simulation.ts
 */
import { formatSimulation, groupThousands, projectPlan, simulateGrowth } from 'downline';

// 1. Growth in a market of 5,000 people over 12 months. Same seed, same report, to the cent.
const report = simulateGrowth({
  seed: 7,
  periods: 12,
  founders: 10,
  marketSize: 5_000,
  recruitRate: 1.5, // recruits per member per month while the market is still empty; slows as it fills
  dropout: 0.15, // 15% of members leave at the end of each month
  purchase: '100.00', // own purchase of an active member
  retailAmount: '60.00', // a sale to an outside customer
  joiningFee: '49.00',
  plan: {
    levels: ['0.10', '0.05', '0.04', '0.03', '0.02'],
    minPersonalVolume: '50',
    compression: 'dynamic',
    fastStart: ['20.00', '5.00'], // paid on every joining fee: a recruiting reward
  },
});
console.log(formatSimulation(report));

// The same figures as data: the loss rate over everyone who ever joined, and where commission came from.
const { participants, income } = report.overall;
console.log(`everyone who joined: ${groupThousands(String(participants.count))}; ${groupThousands(String(participants.losing.count))} lost money (${(participants.losing.share * 100).toFixed(1)}%)`);
console.log(`commission paid for recruiting (fast start) ${groupThousands(income.fastStart)} of ${groupThousands(income.total)} (${(income.shares.recruiting * 100).toFixed(1)}%)`);
console.log(`saturation: period ${report.saturation.period} (${report.saturation.reason})`);

// 2. The projection: everyone recruits 5, five levels deep, everyone orders 500 and the plan pays 1% per level.
//    5 + 25 + 125 + 625 + 3,125 = 3,905 people below the top, each of whom pays the top 5.00.
const projection = projectPlan({ recruitsEach: 5, levels: 5, rate: '0.01', orderAmount: '500' });
console.log(`\nprojection: ${groupThousands(String(projection.people))} people below the top, volume ${groupThousands(projection.volume)}`);
for (const level of projection.byLevel) {
  console.log(`  level ${level.level}: ${groupThousands(String(level.people)).padStart(5)} people, volume ${groupThousands(level.volume).padStart(12)}, paid to the top ${groupThousands(level.paid).padStart(9)}`);
}
console.log(`paid to the top: ${projection.paidToTop}`);
// What the projection leaves out: the top earns this only once 3,125 new people fill the bottom level, and they
// earn nothing until they in turn recruit 15,625 more.
const bottom = projection.byLevel[projection.byLevel.length - 1].people;
console.log(`the top and the ${groupThousands(String(projection.people - bottom))} members above the bottom level earn; the ${groupThousands(String(bottom))} at the bottom earn nothing`);
