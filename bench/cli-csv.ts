/**
 * The command line on files: N members and N orders written as CSV (seeded, `sampleNetwork`), then `downline
 * run` called in-process (`main` of src/cli/main.ts) writing the payouts to a file. One JSON line with the run's
 * time, rows read per second, resident memory (sampled while it runs) and where the time went, beside the
 * in-memory engine on the same records measured in the same run (build, ingest, compute, payouts), with a check
 * that both give the same payouts, byte for byte.
 *
 *   (from bench/run.ts, one line per size)
 *   node --expose-gc --max-old-space-size=20000 --import tsx bench/cli-csv.ts --sizes 1000000   # this stage alone
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { computeCommissions, Genealogy, ingestOrders, parsePlan, sampleNetwork } from '../src';
import { csvField } from '../src/cli/csv';
import { main } from '../src/cli/main';

const PLAN = { levels: ['0.1', '0.05', '0.04', '0.03', '0.02', '0.02', '0.01', '0.01'], minPersonalVolume: '50', compression: 'dynamic' as const };
const MB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Lines written through a 1 MiB buffer: ten million rows never make one string. */
function writeLines(path: string, header: string, count: number, line: (i: number) => string): void {
  const fd = openSync(path, 'w');
  try {
    let buffer = `${header}\n`;
    for (let i = 0; i < count; i++) {
      buffer += `${line(i)}\n`;
      if (buffer.length >= MB) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** One CLI run: its time, the RSS and heap sampled while it ran, and the time spent in each stage it reported. */
async function runCli(dir: string, out: string): Promise<{ ms: number; peakRss: number; peakHeap: number; phases: Record<string, number> }> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
  };
  // the progress line marks each stage (`--progress`): the time between marks is the stage's, and each mark
  // samples the memory right after a stage that ran without yielding to the timer below
  const phases: Record<string, number> = {};
  let phase: string | null = null;
  let since = 0;
  const mark = (text: string) => {
    const now = performance.now();
    sample();
    const name = text.replace(/^\r/, '').replace(/^downline run: /, '').replace(/: [\d,]+ rows?\s*$/, '').trim();
    if (name === phase) return;
    if (phase !== null && phase !== '') phases[phase] = (phases[phase] ?? 0) + (now - since);
    phase = name;
    since = now;
  };
  const timer = setInterval(sample, 20);
  timer.unref();
  let errors = '';
  const t0 = performance.now();
  since = t0;
  const code = await main(['run', '--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv', '--out', out, '--quiet', '--progress'], {
    stdout: { write: () => true },
    stderr: {
      isTTY: true, // the progress line (`\r` frames) rather than its log form: each frame marks a stage
      write: (text: string) => {
        if (text.startsWith('\r')) mark(text);
        else errors += text;
        return true;
      },
    },
    cwd: dir,
  });
  const ms = performance.now() - t0;
  mark('');
  clearInterval(timer);
  if (code !== 0) throw new Error(`downline run exited with ${code}: ${errors}`);
  return { ms, peakRss, peakHeap, phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v)])) };
}

/**
 * Writes N members and N orders as CSV, runs `downline run` on them in-process (median of `repeat` runs) and
 * the engine in memory on the same records, and prints one JSON line.
 *
 * @example
 * ```ts
 * await benchCliCsv(20_000, { seed: 20261123, repeat: 3 });
 * ```
 */
export async function benchCliCsv(n: number, options: { seed: number; repeat: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'downline-cli-bench-'));
  try {
    // 1. the files: N members, the first N orders of the same network, amounts as decimal strings
    let network: ReturnType<typeof sampleNetwork> | undefined = sampleNetwork({ size: n, seed: options.seed, decimalStrings: true });
    const members = network.members;
    const orders = network.orders.slice(0, n);
    network = undefined;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
    writeLines(join(dir, 'members.csv'), 'id,sponsorId', members.length, (i) => `${members[i].id},${members[i].sponsorId ?? ''}`);
    writeLines(join(dir, 'orders.csv'), 'id,affiliateId,amount,kind', orders.length, (i) => {
      const o = orders[i];
      return `${o.id},${o.affiliateId},${o.amount as string},${o.kind}`;
    });
    const fileMB = (statSync(join(dir, 'members.csv')).size + statSync(join(dir, 'orders.csv')).size) / MB;

    // 2. the engine in memory on the same records: build, ingest, compute, payouts (what the CLI adds files to)
    const plan = parsePlan(PLAN);
    const engine: number[] = [];
    let expected = '';
    for (let r = 0; r < options.repeat; r++) {
      const t0 = performance.now();
      const genealogy = Genealogy.fromRecords(members);
      const book = ingestOrders(orders, genealogy, { scale: plan.scale });
      const payouts = computeCommissions({ genealogy, plan, orders: book }).payouts();
      engine.push(performance.now() - t0);
      if (r === 0) {
        const hash = createHash('sha256').update('id,amount\n');
        for (const { id, amount } of payouts) hash.update(`${csvField(id)},${amount}\n`);
        expected = hash.digest('hex');
      }
    }
    const engineMs = median(engine);
    const rows = members.length + orders.length;
    members.length = 0; // the records go: the CLI reads its own from the files
    orders.length = 0;
    gc();
    gc();

    // 3. the command line on the files
    const before = process.memoryUsage();
    const rssBefore = before.rss;
    const heapBefore = before.heapUsed + before.arrayBuffers;
    const runs: Awaited<ReturnType<typeof runCli>>[] = [];
    for (let r = 0; r < options.repeat; r++) {
      runs.push(await runCli(dir, 'payouts.csv'));
      gc();
    }
    const ms = median(runs.map((run) => run.ms));
    const peakRss = Math.max(...runs.map((run) => run.peakRss));
    const peakHeap = Math.max(...runs.map((run) => run.peakHeap));
    const samePayouts = (await sha256OfFile(join(dir, 'payouts.csv'))) === expected;
    console.log(
      JSON.stringify({
        n,
        stage: 'cli-csv',
        affiliates: n,
        orders: rows - n,
        fileMB: round(fileMB),
        ms: round(ms),
        rowsPerSecond: Math.round(rows / (ms / 1000)),
        peakRssMB: round(peakRss / MB),
        rssBeforeMB: round(rssBefore / MB),
        // growth over the RSS before the runs; none measurable at small sizes, where collections give memory back
        bytesPerAffiliate: Math.max(0, Math.round((peakRss - rssBefore) / n)),
        heapPeakMB: round(peakHeap / MB),
        heapBytesPerAffiliate: Math.max(0, Math.round((peakHeap - heapBefore) / n)),
        phasesMs: runs[0].phases,
        engineMs: round(engineMs),
        cliOverEngine: round(ms / engineMs, 2),
        samePayouts,
        runs: options.repeat,
        node: process.version,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// run alone: node --expose-gc --import tsx bench/cli-csv.ts --sizes 1000000
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--sizes');
  const sizes = at >= 0 ? process.argv[at + 1].split(',').map(Number) : [100_000];
  for (const n of sizes) await benchCliCsv(n, { seed: 20261123, repeat: n <= 200_000 ? 3 : 1 });
}
