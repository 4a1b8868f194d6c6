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
