/**
 * The forest in DFS preorder, as positions: `order[k]` is the input position of the k-th member visited.
 * Roots and children keep their input order. Members never reached from a root lie on or below a cycle.
 */
export interface Preorder {
  readonly order: Int32Array;
  /** How many members were reached from a root; fewer than n means there are cycles. */
  readonly reached: number;
}

/**
 * Visits the forest given by `sponsorOf` (input positions, -1 for roots) in preorder with an explicit stack:
 * children are grouped by a counting sort (CSR), so the visit is O(n) and never recursive.
 *
 * @example
 * ```ts
 * preorder(Int32Array.of(-1, 0, 0, 1)).order; // Int32Array [0, 1, 3, 2]
 * ```
 */
export function preorder(sponsorOf: Int32Array): Preorder {
  return sponsorsComeFirst(sponsorOf) ? preorderOfSorted(sponsorOf) : preorderBySearch(sponsorOf);
}

/** Whether every sponsor precedes its members in the input (records sorted by join date usually are). */
function sponsorsComeFirst(sponsorOf: Int32Array): boolean {
  for (let i = 0; i < sponsorOf.length; i++) if (sponsorOf[i] >= i) return false;
  return true;
}

/**
 * The same preorder, for input where sponsors come first, without a search: subtree sizes by one reverse
 * pass, then each member's position is its sponsor's next free slot, handed out in input order. Sequential
 * passes instead of a depth-first walk that jumps around memory.
 */
function preorderOfSorted(sponsorOf: Int32Array): Preorder {
  const n = sponsorOf.length;
  const size = new Int32Array(n).fill(1);
  for (let i = n - 1; i >= 0; i--) if (sponsorOf[i] >= 0) size[sponsorOf[i]] += size[i];
  const order = new Int32Array(n);
  const next = size; // reused: once a member is placed, its size is no longer needed, its next free slot is
  let nextRoot = 0;
  for (let i = 0; i < n; i++) {
    const sponsor = sponsorOf[i];
    const own = size[i];
    let position: number;
    if (sponsor < 0) {
      position = nextRoot;
      nextRoot += own;
    } else {
      position = next[sponsor];
      next[sponsor] += own;
    }
    next[i] = position + 1;
    order[position] = i;
  }
  return { order, reached: n };
}

function preorderBySearch(sponsorOf: Int32Array): Preorder {
  const n = sponsorOf.length;
  // slot s = sponsor position + 1 (slot 0 holds the roots); members of slot s are children[start[s] .. start[s + 1])
  const start = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) start[sponsorOf[i] + 2]++;
  for (let s = 1; s < n + 2; s++) start[s] += start[s - 1];
  const cursor = start.slice(0, n + 1);
  const children = new Int32Array(n);
  for (let i = 0; i < n; i++) children[cursor[sponsorOf[i] + 1]++] = i;

  const order = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  let visited = 0;
  for (let c = start[1] - 1; c >= 0; c--) stack[top++] = children[c];
  while (top > 0) {
    const node = stack[--top];
    order[visited++] = node;
    for (let c = start[node + 2] - 1; c >= start[node + 1]; c--) stack[top++] = children[c];
  }
  return { order, reached: visited };
}
