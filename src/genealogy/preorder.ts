/**
 * The columns of a forest numbered in DFS preorder (roots and children in input order), plus the maps between
 * preorder indexes and input positions.
 */
export interface ForestColumns {
  /** `order[k]` is the input position of the member with preorder index `k`. */
  readonly order: Int32Array;
  /** `indexOfPosition[p]` is the preorder index of the member at input position `p`. */
  readonly indexOfPosition: Int32Array;
  /** Preorder index of each member's sponsor, -1 for a root. */
  readonly parents: Int32Array;
  readonly depths: Int32Array;
  readonly subtreeSizes: Int32Array;
  readonly maxDepth: number;
}

/**
 * The forest in DFS preorder, as positions: `order[k]` is the input position of the k-th member visited.
 * Roots and children keep their input order. Members never reached from a root lie on or below a cycle.
 * When the input lists sponsors first, the visit computes every column on the way (`columns`).
 */
export interface Preorder {
  readonly order: Int32Array;
  /** How many members were reached from a root; fewer than n means there are cycles. */
  readonly reached: number;
  /** The whole forest, when the visit computed it at no extra cost; otherwise see {@link forestColumns}. */
  readonly columns?: ForestColumns;
}

/**
 * Visits the forest given by `sponsorOf` (input positions, -1 for roots) in preorder: by two sequential passes
 * when every sponsor precedes its members in the input, else by a depth-first walk with an explicit stack over
 * children grouped by a counting sort (CSR). O(n) either way, never recursive.
 *
 * @example
 * ```ts
 * preorder(Int32Array.of(-1, 0, 0, 1)).order; // Int32Array [0, 1, 3, 2]
 * ```
 */
export function preorder(sponsorOf: Int32Array): Preorder {
  return sponsorsComeFirst(sponsorOf) ? preorderOfSorted(sponsorOf) : preorderBySearch(sponsorOf);
}

/**
 * The columns of a forest from its sponsor links and its preorder (every member reached).
 *
 * @example
 * ```ts
 * const sponsorOf = Int32Array.of(1, -1, 1);
 * forestColumns(sponsorOf, preorder(sponsorOf).order).parents; // Int32Array [-1, 0, 0]
 * ```
 */
export function forestColumns(sponsorOf: Int32Array, order: Int32Array): ForestColumns {
  const n = sponsorOf.length;
  const indexOfPosition = new Int32Array(n);
  for (let k = 0; k < n; k++) indexOfPosition[order[k]] = k;
  const parents = new Int32Array(n);
  const depths = new Int32Array(n);
  let maxDepth = 0;
  for (let k = 0; k < n; k++) {
    const sponsor = sponsorOf[order[k]];
    const parent = sponsor < 0 ? -1 : indexOfPosition[sponsor];
    parents[k] = parent;
    const depth = parent < 0 ? 0 : depths[parent] + 1;
    depths[k] = depth;
    if (depth > maxDepth) maxDepth = depth;
  }
  const subtreeSizes = new Int32Array(n).fill(1);
  for (let k = n - 1; k > 0; k--) if (parents[k] >= 0) subtreeSizes[parents[k]] += subtreeSizes[k];
  return { order, indexOfPosition, parents, depths, subtreeSizes, maxDepth };
}

/** Whether every sponsor precedes its members in the input (records sorted by join date usually are). */
function sponsorsComeFirst(sponsorOf: Int32Array): boolean {
  for (let i = 0; i < sponsorOf.length; i++) if (sponsorOf[i] >= i) return false;
  return true;
}

/**
 * The same preorder, for input where sponsors come first, without a search: subtree sizes by one reverse
 * pass, then each member's index is its sponsor's next free slot, handed out in input order. Sequential
 * passes instead of a depth-first walk that jumps around memory; the forward pass also fills every column,
 * reading what it needs of the sponsor (next free slot, index, depth) from one interleaved record.
 */
function preorderOfSorted(sponsorOf: Int32Array): Preorder {
  const n = sponsorOf.length;
  // per input position: [subtree size, then next free index; preorder index; depth]
  const node = new Int32Array(3 * n);
  for (let i = 0; i < n; i++) node[3 * i] = 1;
  for (let i = n - 1; i >= 0; i--) {
    const sponsor = sponsorOf[i];
    if (sponsor >= 0) node[3 * sponsor] += node[3 * i];
  }
  const order = new Int32Array(n);
  const indexOfPosition = new Int32Array(n);
  const parents = new Int32Array(n);
  const depths = new Int32Array(n);
  const subtreeSizes = new Int32Array(n);
  let nextRoot = 0;
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    const sponsor = sponsorOf[i];
    const size = node[3 * i];
    let index: number;
    let parent: number;
    let depth: number;
    if (sponsor < 0) {
      index = nextRoot;
      nextRoot += size;
      parent = -1;
      depth = 0;
    } else {
      index = node[3 * sponsor];
      node[3 * sponsor] = index + size;
      parent = node[3 * sponsor + 1];
      depth = node[3 * sponsor + 2] + 1;
      if (depth > maxDepth) maxDepth = depth;
    }
    node[3 * i] = index + 1;
    node[3 * i + 1] = index;
    node[3 * i + 2] = depth;
    order[index] = i;
    indexOfPosition[i] = index;
    parents[index] = parent;
    depths[index] = depth;
    subtreeSizes[index] = size;
  }
  return { order, reached: n, columns: { order, indexOfPosition, parents, depths, subtreeSizes, maxDepth } };
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
