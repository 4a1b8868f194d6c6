import { DownlineError, ErrorCode, type Issue, type IssuePath, quote } from '../errors';

/** `placement "id"`, quoted when a message is written (most records have none). */
const named = (id: string) => ({ toString: () => `placement ${quote(id)}` });
import type { Genealogy } from '../genealogy/genealogy';
import { describe } from '../money/amount-refusal';

/**
 * One member's place in the binary tree as the caller gives it: the placement parent's id and the side under
 * it, or `parentId: null` and `side: null` for a placement root (several roots are allowed). The placement
 * tree is separate from the sponsor tree: a member may be placed under anyone placed. A missing `parentId` or
 * `side` reads as `null`, like a missing `sponsorId`.
 *
 * @example
 * ```ts
 * const placements: PlacementRecord[] = [
 *   { id: 'A', parentId: null, side: null },
 *   { id: 'B', parentId: 'A', side: 'left' },
 *   { id: 'C', parentId: 'A', side: 'right' },
 * ];
 * ```
 */
export interface PlacementRecord {
  readonly id: string;
  readonly parentId: string | null;
  readonly side: 'left' | 'right' | null;
}

/**
 * The binary placement tree in columns, by genealogy index. Members without a placement record are unplaced:
 * `placed` 0, `parent` -1, `side` 0, and absent from `order`.
 *
 * @example
 * ```ts
 * const placement = buildPlacement(records, genealogy);
 * for (let k = placement.order.length - 1; k >= 0; k--) {
 *   const u = placement.order[k]; // children before parents: a bottom-up fold
 * }
 * ```
 */
export interface Placement {
  /** per genealogy index: placement parent's genealogy index, -1 for a placement root or an unplaced member */
  readonly parent: Int32Array;
  /** per genealogy index: 0 unplaced or root, 1 left, 2 right */
  readonly side: Uint8Array;
  /** per genealogy index: 1 when placed */
  readonly placed: Uint8Array;
  /** genealogy indexes of placed members, every parent before its children (BFS from the roots in record order, left before right) */
  readonly order: Int32Array;
}

/** Side codes in {@link Placement.side}. */
const LEFT = 1;
const RIGHT = 2;
const SIDE_NAMES = ['', 'left', 'right'] as const;
const CUSTOMER = 1;
const LISTED = 10;

// What the shape check found about a record.
const SHAPE_OK = 0;
const NO_ID = 1; // not an object, or id not a string: the record is named by position and goes no further
const BAD_FIELD = 2; // parentId or side malformed: the member is still claimed, its link is not made

/**
 * Validates placement records against a genealogy and builds the binary placement tree in O(n), without
 * recursion (a chain a million deep works). Every problem is collected and thrown together in one
 * {@link DownlineError}, never a partial tree; issue paths are `[...path, k, field]` for record `k`:
 *
 * - `INVALID_PLACEMENT`: a record that is not an object, an id that is not a string, a `parentId` that is not a
 *   string or null, a `side` that is not `'left'`, `'right'` or null (these name the record `placement #k`);
 *   a customer placed or named as parent; a member placed twice; a root with a side or a non-root without one;
 *   a parent that is not placed itself.
 * - `UNKNOWN_MEMBER`: an id or parentId that the genealogy does not hold.
 * - `PLACEMENT_SIDE_TAKEN`: a second member on one side of a parent (the first in record order keeps it).
 * - `PLACEMENT_CYCLE`: parent links that loop, listing the members on the loop in parent order.
 *
 * @example
 * ```ts
 * const genealogy = Genealogy.fromRecords([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }, { id: 'C', sponsorId: 'B' }]);
 * const placement = buildPlacement(
 *   [
 *     { id: 'A', parentId: null, side: null },
 *     { id: 'C', parentId: 'A', side: 'right' }, // placed under A, though B sponsored C
 *   ],
 *   genealogy,
 * );
 * placement.parent[genealogy.indexOf('C')]; // 0, A's index
 * placement.placed[genealogy.indexOf('B')]; // 0: B is unplaced
 * ```
 */
export function buildPlacement(
  records: ArrayLike<PlacementRecord>,
  genealogy: Genealogy,
  path: IssuePath = ['placement'],
): Placement {
  if (typeof records !== 'object' || records === null || typeof records.length !== 'number') {
    throw DownlineError.of(ErrorCode.InvalidPlacement, 'placement: must be an array of placement records', path);
  }
  const m = records.length;
  const issues: Issue[] = [];
  const report = (code: Issue['code'], k: number, key: string | null, message: string) =>
    issues.push({ code, path: key === null ? [...path, k] : [...path, k, key], message });

  // 1. shape of each record
  const ids: (string | undefined)[] = new Array(m);
  const parentIds: (string | undefined)[] = new Array(m);
  const shape = new Uint8Array(m);
  const sides = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    const record = records[k] as unknown;
    if (typeof record !== 'object' || record === null) {
      report(ErrorCode.InvalidPlacement, k, null, `placement #${k}: must be an object with an id, a parentId and a side`);
      shape[k] = NO_ID;
      continue;
    }
    const { id, parentId, side } = record as { id?: unknown; parentId?: unknown; side?: unknown };
    if (typeof id !== 'string') {
      report(ErrorCode.InvalidPlacement, k, 'id', `placement #${k}: id must be a string, got ${describe(id)}`);
      shape[k] = NO_ID;
      continue;
    }
    ids[k] = id;
    if (typeof parentId === 'string') {
      parentIds[k] = parentId;
    } else if (parentId !== null && parentId !== undefined) {
      report(ErrorCode.InvalidPlacement, k, 'parentId', `placement #${k} ${quote(id)}: parentId must be a string or null, got ${describe(parentId)}`);
      shape[k] = BAD_FIELD;
    }
    if (side === 'left') sides[k] = LEFT;
    else if (side === 'right') sides[k] = RIGHT;
    else if (side !== null && side !== undefined) {
      report(ErrorCode.InvalidPlacement, k, 'side', `placement #${k} ${quote(id)}: side must be "left", "right" or null, got ${describe(side)}`);
      shape[k] = BAD_FIELD;
    }
  }

  // 2. resolve ids in bulk; claim each member for its first record
  const memberOf = genealogy.indexesOf(ids);
  const parentOf = genealogy.indexesOf(parentIds);
  const n = genealogy.size;
  const roles = genealogy.roles;
  const recordOf = new Int32Array(n).fill(-1);
  const linkOk = new Uint8Array(m); // the record may be linked: member claimed, parent and side consistent
  for (let k = 0; k < m; k++) {
    if (shape[k] === NO_ID) continue;
    const id = ids[k] as string;
    const u = memberOf[k];
    const name = named(id); // built only when a message needs it
    if (u < 0) {
      report(ErrorCode.UnknownMember, k, 'id', `${name}: unknown member ${quote(id)}`);
    } else if (roles[u] === CUSTOMER) {
      report(ErrorCode.InvalidPlacement, k, 'id', `${name}: ${quote(id)} is a customer, and customers are not placed`);
    } else if (recordOf[u] >= 0) {
      report(ErrorCode.InvalidPlacement, k, 'id', `${name}: placed twice (first at #${recordOf[u]}, again at #${k})`);
      continue;
    } else {
      recordOf[u] = k;
    }
    const parentId = parentIds[k];
    const p = parentOf[k];
    let ok = u >= 0 && roles[u] !== CUSTOMER && shape[k] === SHAPE_OK;
    if (parentId !== undefined && p < 0) {
      report(ErrorCode.UnknownMember, k, 'parentId', `${name}: unknown parent ${quote(parentId)}`);
      ok = false;
    } else if (p >= 0 && roles[p] === CUSTOMER) {
      report(ErrorCode.InvalidPlacement, k, 'parentId', `${name}: parent ${quote(parentId)} is a customer, and customers hold no placement`);
      ok = false;
    }
    if (shape[k] === SHAPE_OK && parentId === undefined && sides[k] !== 0) {
      report(ErrorCode.InvalidPlacement, k, 'side', `${name}: a placement root (parentId null) has no side, got "${SIDE_NAMES[sides[k]]}"`);
      ok = false;
    } else if (shape[k] === SHAPE_OK && parentId !== undefined && sides[k] === 0) {
      report(ErrorCode.InvalidPlacement, k, 'side', `${name}: side must be "left" or "right" under parent ${quote(parentId)}`);
      ok = false;
    }
    if (ok) linkOk[k] = 1;
  }

  // 3. link children into their parent's slots (the first record on a side keeps it)
  const parentIndex = new Int32Array(n).fill(-1); // parent links of claimed members, for cycle reports
  const child = new Int32Array(2 * n).fill(-1);
  for (let k = 0; k < m; k++) {
    const u = memberOf[k];
    if (shape[k] === NO_ID || u < 0 || recordOf[u] !== k) continue;
    const p = parentOf[k];
    if (p >= 0 && roles[p] !== CUSTOMER) parentIndex[u] = p;
    if (linkOk[k] === 0 || p < 0) continue;
    const name = named(ids[k] as string);
    if (recordOf[p] < 0) {
      report(ErrorCode.InvalidPlacement, k, 'parentId', `${name}: parent ${quote(parentIds[k])} is not placed`);
      linkOk[k] = 0;
      continue;
    }
    const slot = 2 * p + sides[k] - 1;
    if (child[slot] >= 0) {
      const taken = `side "${SIDE_NAMES[sides[k]]}" of ${quote(parentIds[k])} is already taken by ${quote(ids[recordOf[child[slot]]])}`;
      report(ErrorCode.PlacementSideTaken, k, 'side', `${name}: ${taken}`);
      linkOk[k] = 0;
    } else {
      child[slot] = u;
    }
  }

  // 4. breadth first from the roots in record order, left before right
  const order = new Int32Array(n);
  let claimed = 0;
  let count = 0;
  for (let k = 0; k < m; k++) {
    const u = memberOf[k];
    if (shape[k] === NO_ID || u < 0 || recordOf[u] !== k) continue;
    claimed++;
    if (linkOk[k] === 1 && parentOf[k] < 0) order[count++] = u;
  }
  const placed = new Uint8Array(n);
  for (let head = 0; head < count; head++) {
    const u = order[head];
    placed[u] = 1;
    const left = child[2 * u];
    const right = child[2 * u + 1];
    if (left >= 0) order[count++] = left;
    if (right >= 0) order[count++] = right;
  }
  if (count < claimed) issues.push(...cycleIssues(parentIndex, recordOf, placed, ids, path));
  if (issues.length > 0) {
    const at = path.length;
    throw new DownlineError(issues.sort((a, b) => (a.path[at] as number) - (b.path[at] as number)));
  }

  const parent = new Int32Array(n).fill(-1);
  const side = new Uint8Array(n);
  for (let k = 0; k < count; k++) {
    const u = order[k];
    const left = child[2 * u];
    const right = child[2 * u + 1];
    if (left >= 0) {
      parent[left] = u;
      side[left] = LEFT;
    }
    if (right >= 0) {
      parent[right] = u;
      side[right] = RIGHT;
    }
  }
  return { parent, side, placed, order: order.slice(0, count) };
}

/**
 * Every loop of parent links among the claimed members that the breadth-first visit did not reach, one issue
 * per loop, its members in parent order from the one whose record comes first. Iterative, O(n).
 */
function cycleIssues(
  parentIndex: Int32Array,
  recordOf: Int32Array,
  reached: Uint8Array,
  ids: readonly (string | undefined)[],
  path: IssuePath,
): Issue[] {
  const n = parentIndex.length;
  const state = new Uint8Array(n); // 0 new, 1 on the current walk, 2 done
  const open = (u: number) => u >= 0 && recordOf[u] >= 0 && reached[u] === 0;
  const issues: Issue[] = [];
  for (let start = 0; start < n; start++) {
    if (!open(start) || state[start] !== 0) continue;
    let node = start;
    while (open(node) && state[node] === 0) {
      state[node] = 1;
      node = parentIndex[node];
    }
    if (open(node) && state[node] === 1) {
      const members: number[] = [];
      for (let u = node; ; u = parentIndex[u]) {
        members.push(u);
        if (parentIndex[u] === node) break;
      }
      let first = 0;
      for (let j = 1; j < members.length; j++) if (recordOf[members[j]] < recordOf[members[first]]) first = j;
      const loop = [...members.slice(first), ...members.slice(0, first)];
      const name = (u: number) => quote(ids[recordOf[u]]);
      const shown = loop.slice(0, LISTED).map(name);
      const tail = loop.length > LISTED ? ` -> … (${loop.length - LISTED} more)` : '';
      issues.push({
        code: ErrorCode.PlacementCycle,
        path: [...path, recordOf[loop[0]], 'parentId'],
        message: `placement cycle of ${loop.length} member${loop.length === 1 ? '' : 's'}: ${shown.join(' -> ')}${tail} -> ${name(loop[0])}`,
      });
    }
    for (let walk = start; open(walk) && state[walk] === 1; walk = parentIndex[walk]) state[walk] = 2;
  }
  return issues;
}
