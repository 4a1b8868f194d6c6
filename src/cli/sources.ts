/**
 * Where each input came from, so that an issue's path (`['orders', 3, 'amount']`) can be printed as the file
 * and line the user edits (`orders.csv:5: INVALID_AMOUNT …`).
 *
 * @module
 */
import { type Issue, formatPath } from '../errors';
import type { FileFormat } from './inputs';

/**
 * One input file: its name as the user typed it, its format, and for CSV and JSON Lines the line of each
 * record.
 *
 * @example
 * ```ts
 * const source: Source = { file: 'orders.csv', format: 'csv', lines: [2, 3, 5] };
 * ```
 */
export interface Source {
  readonly file: string;
  readonly format: FileFormat;
  /** CSV and JSON Lines: `lines.at(i)` is the line record `i` starts on. */
  readonly lines?: { at(index: number): number | undefined };
}

/**
 * An issue found by the CLI itself (a malformed CSV row, unreadable JSON), already tied to a file and line.
 *
 * @example
 * ```ts
 * const issue: FileIssue = { code: 'INVALID_RECORD', path: ['orders'], message: 'row has 3 fields, the header has 4', file: 'orders.csv', line: 7 };
 * ```
 */
export interface FileIssue extends Issue {
  readonly file: string;
  readonly line?: number;
}

/**
 * The inputs of one command, by the first key of the issue paths they answer to (`plan`, `members`, `orders`,
 * `costs`, `before`, `after`, `placement`, `binaryCarry`, `state`, `refunds`, `leavers`).
 *
 * @example
 * ```ts
 * const sources = new Sources();
 * sources.set('orders', { file: 'orders.csv', format: 'csv', lines: [2, 3] });
 * sources.format({ code: 'UNKNOWN_AFFILIATE', path: ['orders', 1, 'affiliateId'], message: 'order "o2": unknown affiliate "Z"' });
 * // 'orders.csv:3: UNKNOWN_AFFILIATE order "o2": unknown affiliate "Z"'
 * ```
 */
export class Sources {
  readonly #byKey = new Map<string, Source>();

  /** Records where the input answering to `key` came from. */
  set(key: string, source: Source): void {
    this.#byKey.set(key, source);
  }

  /** The source of `key`, if it was read. */
  get(key: string): Source | undefined {
    return this.#byKey.get(key);
  }

  /**
   * One issue as `file:line: CODE message` (a CSV or JSON Lines record), `file: path: CODE message` (a JSON
   * record), or `file: CODE message` (the file as a whole); issues of no file are `downline: CODE message`.
   */
  format(issue: Issue): string {
    const tail = `${issue.code} ${issue.message.replace(/\s*\n\s*/g, ' ')}`; // one problem, one line
    if ('file' in issue && typeof issue.file === 'string') {
      const line = (issue as FileIssue).line;
      return line === undefined ? `${issue.file}: ${tail}` : `${issue.file}:${line}: ${tail}`;
    }
    const [root, index] = issue.path;
    const source = typeof root === 'string' ? this.#byKey.get(root) : undefined;
    if (source === undefined) return `downline: ${tail}`;
    const line = source.lines !== undefined && typeof index === 'number' ? source.lines.at(index) : undefined;
    if (line !== undefined) return `${source.file}:${line}: ${tail}`;
    const inner = formatPath(issue.path.slice(1));
    return inner === '' ? `${source.file}: ${tail}` : `${source.file}: ${inner}: ${tail}`;
  }
}
