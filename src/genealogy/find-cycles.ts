import { ErrorCode, type Issue, type IssuePath, quote } from '../errors';

const LISTED = 10;

/**
 * Finds every sponsor cycle among the members a preorder visit did not reach, one issue per cycle listing
 * its members in sponsor order from the one that comes first in the input; the issues come in that order
 * too. Iterative, O(n): each member is walked at most once.
 *
 * @example
 * ```ts
 * findCycles(Int32Array.of(1, 0, -1), Uint8Array.of(0, 0, 1), ['P', 'Q', 'R'], []);
 * // [{ code: 'CYCLE', message: 'cycle of 2 members: "P" -> "Q" -> "P"', ... }]
 * ```
 */
export function findCycles(
  sponsorOf: Int32Array,
  reached: Uint8Array,
  ids: { at(position: number): string | undefined },
  base: IssuePath,
): Issue[] {
  const n = sponsorOf.length;
  const state = new Uint8Array(n); // 0 new, 1 on the current walk, 2 done
  const issues: Issue[] = [];
  for (let start = 0; start < n; start++) {
    if (reached[start] !== 0 || state[start] !== 0) continue;
    let node = start;
    while (node >= 0 && state[node] === 0 && reached[node] === 0) {
      state[node] = 1;
      node = sponsorOf[node];
    }
    if (node >= 0 && state[node] === 1) issues.push(cycleIssue(node, sponsorOf, ids, base));
    for (let walk = start; walk >= 0 && state[walk] === 1; walk = sponsorOf[walk]) state[walk] = 2;
  }
  // a walk can enter a cycle from a member hanging below it: list the cycles by their first member instead
  const at = base.length;
  return issues.sort((a, b) => (a.path[at] as number) - (b.path[at] as number));
}

function cycleIssue(
  entry: number,
  sponsorOf: Int32Array,
  ids: { at(position: number): string | undefined },
  base: IssuePath,
): Issue {
  // Members in enrolment order: each one's sponsor follows it. Start from the lowest position for stability.
  const members: number[] = [];
  for (let node = entry; ; node = sponsorOf[node]) {
    members.push(node);
    if (sponsorOf[node] === entry) break;
  }
  let lowest = 0;
  for (let k = 1; k < members.length; k++) if (members[k] < members[lowest]) lowest = k;
  const cycle = [...members.slice(lowest), ...members.slice(0, lowest)];
  const shown = cycle.slice(0, LISTED).map((i) => quote(ids.at(i)));
  const tail = cycle.length > LISTED ? ` -> … (${cycle.length - LISTED} more)` : '';
  return {
    code: ErrorCode.Cycle,
    path: [...base, cycle[0], 'sponsorId'],
    message: `cycle of ${cycle.length} members: ${shown.join(' -> ')}${tail} -> ${quote(ids.at(cycle[0]))}`,
  };
}
