import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputFile, readTable } from '../../src/cli/inputs';
import { main } from '../../src/cli/main';
import { Sources } from '../../src/cli/sources';
import { DownlineError, type Issue } from '../../src/errors';

/** A fresh directory under the repository's gitignored test-output/. */
export function tempDir(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-output');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'cli-'));
  made.push(dir);
  return dir;
}

const made: string[] = [];

/** Removes the directories {@link tempDir} made (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes files (name → text) into `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

/** Runs the CLI in `cwd` and collects its output. */
export async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({}, cwd, ...argv);
}

/**
 * Runs the CLI with a stderr that may pose as a terminal (`isTTY`, `columns`) and a fake clock (each call a
 * second later than the last, so that no progress update is held back), and collects its output.
 */
export async function cliWith(
  options: { isTTY?: boolean; columns?: number; clock?: () => number },
  cwd: string,
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.isTTY, columns: options.columns },
    cwd,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  return { code, stdout, stderr };
}

/** A fake monotonic clock: each reading is `step` milliseconds after the last. */
export function steppingClock(step = 1000): () => number {
  let now = 0;
  return () => (now += step);
}

/** The README's quick-start period: A ← B ← C ← D. B earns 14.00, A 13.00. */
export const QUICK_START = {
  'plan.json': JSON.stringify({ levels: ['0.10', '0.05', '0.02'], minPersonalVolume: '50', compression: 'dynamic', rounding: 'half-even' }),
  'members.csv': 'id,sponsorId\nA,\nB,A\nC,B\nD,C\n',
  'orders.csv': [
    'id,affiliateId,amount,kind',
    'o1,D,100.00,retail',
    'o2,C,40.00,personal',
    'o3,B,60.00,personal',
    'o4,A,50.00,personal',
    'o5,D,99.00,enrollment',
    '',
  ].join('\n'),
};

/**
 * Reads a table file in chunks of two records into a builder (`GenealogyBuilder`, `OrderBookBuilder`), builds,
 * and formats every issue (the file's own, then the build's) as the CLI prints them.
 */
export async function readInChunks<R>(
  dir: string,
  file: string,
  kind: 'members' | 'orders',
  builder: { add(records: R[]): unknown; build(): unknown },
): Promise<{ lines: string[]; chunks: number[] }> {
  const sources = new Sources();
  const chunks: number[] = [];
  const table = await readTable(kind, inputFile(file, `--${kind}`, dir, 'run'), sources, undefined, {
    rows: 2,
    take: (records) => {
      chunks.push(records.length);
      builder.add(records as R[]);
    },
  });
  if (table.records.length > 0) throw new Error('records were kept instead of handed over in chunks');
  const issues: Issue[] = [...table.issues];
  try {
    builder.build();
  } catch (error) {
    if (!(error instanceof DownlineError)) throw error;
    issues.push(...error.issues);
  }
  return { lines: issues.map((issue) => sources.format(issue)), chunks };
}
