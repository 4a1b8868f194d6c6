/**
 * The baseline many companies run today: the same period computed by a recursive SQL query (SQLite, through
 * sql.js so that no native build is needed), on the same data as the engine, with both figures in one JSON line
 * and a check that both pay the same total to the cent.
 */
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { computeCommissions, type Genealogy, type OrderBook, parsePlan } from '../src';

const require = createRequire(import.meta.url);

/** The 8-level plan without compression: rates in whole percents, so that SQL sums integers exactly. */
const LEVELS = ['0.10', '0.05', '0.04', '0.03', '0.02', '0.02', '0.01', '0.01'];
const PERCENTS = [10, 5, 4, 3, 2, 2, 1, 1];
const MIN_PV_CENTS = 5000;

const QUERY = `
WITH RECURSIVE up(buyer, payee, level) AS (
  SELECT id, sponsor, 1 FROM members WHERE sponsor IS NOT NULL
  UNION ALL
  SELECT up.buyer, m.sponsor, up.level + 1
  FROM up JOIN members m ON m.id = up.payee
  WHERE m.sponsor IS NOT NULL AND up.level < 8
)
SELECT SUM(v.cents * r.percent) AS paid
FROM up
JOIN volumes v ON v.buyer = up.buyer
JOIN rates r ON r.level = up.level
JOIN members p ON p.id = up.payee
WHERE p.active = 1`;

/**
 * Loads the period into SQLite tables (members with integer ids and an active flag, each buyer's
 * commissionable volume in cents, the rates) and times the recursive query against `computeCommissions` with the
 * same plan. The load is not timed: a company's tables are already there.
 *
 * @example
 * ```ts
 * await benchSqlite(genealogy, book, { repeat: 3 });
 * ```
 */
export async function benchSqlite(g: Genealogy, b: OrderBook, options: { repeat: number }): Promise<void> {
  const initSqlJs = require('sql.js') as () => Promise<{ Database: new () => SqlDatabase }>;
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  const n = g.size;
  // per member: commissionable volume (retail + personal) and PV in cents, from the order columns
  const cents = new Float64Array(n);
  for (let i = 0; i < b.count; i++) if (b.kinds[i] !== 2) cents[b.buyers[i]] += b.volumes.values[i];
  db.run('CREATE TABLE members (id INTEGER PRIMARY KEY, sponsor INTEGER, active INTEGER)');
  db.run('CREATE TABLE volumes (buyer INTEGER PRIMARY KEY, cents INTEGER)');
  db.run('CREATE TABLE rates (level INTEGER PRIMARY KEY, percent INTEGER)');
  db.run('BEGIN');
  const member = db.prepare('INSERT INTO members VALUES (?, ?, ?)');
  const volume = db.prepare('INSERT INTO volumes VALUES (?, ?)');
  for (let i = 0; i < n; i++) {
    const sponsor = g.parents[i];
    member.run([i, sponsor < 0 ? null : sponsor, cents[i] >= MIN_PV_CENTS ? 1 : 0]);
    if (cents[i] > 0) volume.run([i, cents[i]]);
  }
  member.free();
  volume.free();
  PERCENTS.forEach((percent, k) => db.run('INSERT INTO rates VALUES (?, ?)', [k + 1, percent]));
  db.run('COMMIT');

  const plan = parsePlan({ levels: LEVELS, minPersonalVolume: '50', compression: 'none' });
  const median = (fn: () => unknown) => {
    const samples: number[] = [];
    for (let r = 0; r < options.repeat; r++) {
      const t0 = performance.now();
      fn();
      samples.push(performance.now() - t0);
    }
    return samples.sort((x, y) => x - y)[Math.floor(samples.length / 2)];
  };
  let sqlPaid = 0;
  const sqliteMs = median(() => {
    sqlPaid = Number(db.exec(QUERY)[0].values[0][0] ?? 0); // cents × percent: an integer below 2^53 here
  });
  let enginePaid = '';
  const computeMs = median(() => {
    enginePaid = computeCommissions({ genealogy: g, plan, orders: b }).totals.paid;
  });
  db.close();
  // the engine's exact paid is in units of 10^-4 (cents × percent); compare as that integer
  const [whole, fraction = ''] = enginePaid.split('.');
  const engineUnits = BigInt(whole + fraction.padEnd(4, '0'));
  console.log(
    JSON.stringify({
      n,
      stage: 'sqlite',
      plan: '8 levels, no compression, minimum PV 50',
      sqliteMs: Number(sqliteMs.toFixed(1)),
      computeMs: Number(computeMs.toFixed(2)),
      engineOverSqlite: Number((sqliteMs / computeMs).toFixed(1)),
      samePaid: engineUnits === BigInt(sqlPaid),
      node: process.version,
    }),
  );
}

interface SqlStatement {
  run(values: unknown[]): void;
  free(): void;
}
interface SqlDatabase {
  run(sql: string, values?: unknown[]): void;
  prepare(sql: string): SqlStatement;
  exec(sql: string): Array<{ values: unknown[][] }>;
  close(): void;
}
