/**
 * The files of a binary plan: the placement (`--placement`, CSV `id,parentId,side`, a JSON array or JSON
 * Lines), the volume carried in from the last period (`--binary-carry`, JSON) and the volume carried out to the
 * next (`--carry-out`, JSON, what `result.binaryCarry()` returns).
 *
 * @module
 */
import type { BinaryCarryInput, PlacementRecord } from '../engine';
import { ErrorCode, type Issue } from '../errors';
import type { Plan } from '../plan';
import { type FlagSpecs, type ParsedFlags, optionalFlag } from './args';
import { type InputFile, inputFile, readJson, readTable } from './inputs';
import { NO_PROGRESS, type Progress } from './progress';
import type { Sources } from './sources';
import { writeInChunks } from './text-sink';

/**
 * The binary files of a period, when given.
 *
 * @example
 * ```ts
 * const files: BinaryFiles = { placement: inputFile('placement.csv', '--placement', cwd, 'run') };
 * ```
 */
export interface BinaryFiles {
  readonly placement?: InputFile;
  readonly binaryCarry?: InputFile;
}

/**
 * The binary files a period may take: `--placement` and `--binary-carry`.
 *
 * @example
 * ```ts
 * parseFlags(argv, { ...BINARY_FLAGS, members: { type: 'string' } }, 'compare');
 * ```
 */
export const BINARY_FLAGS: FlagSpecs = {
  placement: { type: 'string' },
  'binary-carry': { type: 'string' },
};

/**
 * The `--placement` and `--binary-carry` files when given, checked to exist.
 *
 * @example
 * ```ts
 * const { placement, binaryCarry } = binaryFiles(flags, io.cwd, 'compare');
 * ```
 */
export function binaryFiles(flags: ParsedFlags, cwd: string, command: string): BinaryFiles {
  const placement = optionalFlag(flags, 'placement');
  const carry = optionalFlag(flags, 'binary-carry');
  return {
    ...(placement === undefined ? {} : { placement: inputFile(placement, '--placement', cwd, command) }),
    ...(carry === undefined ? {} : { binaryCarry: inputFile(carry, '--binary-carry', cwd, command, true) }),
  };
}

/**
 * A binary plan needs `--placement`; a plan without a binary takes neither `--placement` nor `--binary-carry`:
 * an `INVALID_PLACEMENT` issue located in the plan file otherwise.
 *
 * @example
 * ```ts
 * issues.push(...binaryFileIssues(plan, files));
 * ```
 */
export function binaryFileIssues(plan: Plan, files: BinaryFiles): Issue[] {
  const issue = (message: string): Issue => ({ code: ErrorCode.InvalidPlacement, path: ['plan', 'binary'], message });
  if (plan.binary !== null && files.placement === undefined) return [issue('plan: pays a binary; give the binary placement with --placement')];
  if (plan.binary === null && (files.placement !== undefined || files.binaryCarry !== undefined)) {
    const given = [files.placement === undefined ? null : '--placement', files.binaryCarry === undefined ? null : '--binary-carry']
      .filter((flag) => flag !== null)
      .join(' and ');
    return [issue(`plan: pays no binary; leave ${given} out`)];
  }
  return [];
}

/**
 * Reads the placement file; its records are validated with the period (issues under `placement`, located at
 * their line for CSV and JSON Lines). Null when the file itself has problems (pushed to `issues`).
 *
 * @example
 * ```ts
 * const placement = await readPlacement(inputFile('placement.csv', '--placement', cwd, 'run'), sources, issues);
 * ```
 */
export async function readPlacement(
  input: InputFile,
  sources: Sources,
  issues: Issue[],
  progress: Progress = NO_PROGRESS,
): Promise<PlacementRecord[] | null> {
  const table = await readTable('placement', input, sources, progress);
  issues.push(...table.issues);
  return table.issues.length > 0 ? null : (table.records as PlacementRecord[]);
}

/**
 * Reads the binary carry file, a JSON object of `{ left, right }` by member id; its entries are validated with
 * the period (issues under `binaryCarry`, e.g. `carry.json: A.left: INVALID_AMOUNT …`). Null when the file
 * is not JSON (pushed to `issues`, at the line the parser stopped on).
 *
 * @example
 * ```ts
 * const carry = readCarry(inputFile('carry.json', '--binary-carry', cwd, 'run', true), sources, issues);
 * ```
 */
export function readCarry(input: InputFile, sources: Sources, issues: Issue[]): Record<string, BinaryCarryInput> | null {
  sources.set('binaryCarry', { file: input.file, format: 'json' });
  const read = readJson(input, ErrorCode.InvalidRecord);
  issues.push(...read.issues);
  return read.issues.length > 0 ? null : (read.value as Record<string, BinaryCarryInput>);
}

/**
 * Writes the volume carried to the next period as a JSON object, one member a line, in the order given (the
 * genealogy's): the file `--binary-carry` reads back.
 *
 * @example
 * ```ts
 * writeCarry('/tmp/p/carry-out.json', result.binaryCarry());
 * // {
 * //   "A": {"left":"150.00","right":"20.00"}
 * // }
 * ```
 */
export function writeCarry(path: string, carry: Readonly<Record<string, { readonly left: string; readonly right: string }>>): void {
  writeInChunks(path, (sink) => {
    let first = true;
    sink.write('{');
    for (const id of Object.keys(carry)) {
      const { left, right } = carry[id];
      sink.write(`${first ? '\n' : ',\n'}  ${JSON.stringify(id)}: {"left":${JSON.stringify(left)},"right":${JSON.stringify(right)}}`);
      first = false;
    }
    sink.write(first ? '}\n' : '\n}\n');
  });
}
