/**
 * What changed between two versions of a plan, rule by rule, on the normalized plans: the companion of
 * `planHash` (no change ⇔ equal hashes).
 *
 * @module
 */
import { canonicalJson, normalizedPlan } from './plan-hash';
import type { Plan } from './plan';
import { type PlanInput, STAGE_NAMES } from './schema';

/**
 * One change between two plans.
 *
 * - `path`: where, as keys and indices from the plan's root; ranks and pools are named by their `name` (a
 *   string where an array index would be): `['ranks', 'Gold', 'groupVolume']`, `['levels', 2]`.
 * - `change`: `'added'` (absent or null before; only `after` is set), `'removed'` (absent or null after; only
 *   `before` is set) or `'changed'` (both set).
 * - `description`: a human sentence fragment, values in JSON: `levels[2]: "0.02" → "0.03"`.
 *
 * @example
 * ```ts
 * const change: PlanChange = {
 *   path: ['levels', 2],
 *   change: 'changed',
 *   before: '0.02',
 *   after: '0.03',
 *   description: 'levels[2]: "0.02" → "0.03"',
 * };
 * ```
 */
export interface PlanChange {
  readonly path: (string | number)[];
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
  readonly description: string;
}

/** Field order of a plan, as in `plan.ts`; keys not listed come after, sorted. */
const PLAN_KEYS = [
  'levels',
  'minPersonalVolume',
  'compression',
  'rounding',
  'scale',
  'commissionable',
  'allowRateSumAboveOne',
  'directSale',
  'fastStart',
  'ranks',
  'breakaway',
  'matching',
  'pools',
  'retailProfit',
  'binary',
  'caps',
  'version',
  'payoutThreshold',
  'leaverBalance',
];
const RANK_KEYS = [
  'name',
  'personalVolume',
  'groupVolume',
  'maxLegShare',
  'activeLegs',
  'legRank',
  'personallySponsoredActives',
  'levels',
  'differential',
  'matching',
];

/** How the value at a place of the plan (its path with names as `*`) is compared. */
type Rule = { kind: 'object'; keys: readonly string[] } | { kind: 'by-name' } | { kind: 'set' };

const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['', { kind: 'object', keys: PLAN_KEYS }],
  ['commissionable', { kind: 'set' }],
  ['ranks', { kind: 'by-name' }],
  ['ranks.*', { kind: 'object', keys: RANK_KEYS }],
  ['breakaway', { kind: 'object', keys: ['rank', 'generations'] }],
  ['matching', { kind: 'object', keys: ['levels', 'on'] }],
  ['matching.on', { kind: 'set' }],
  ['pools', { kind: 'by-name' }],
  ['pools.*', { kind: 'object', keys: ['name', 'share', 'shares'] }],
  ['retailProfit', { kind: 'object', keys: ['wholesaleRate'] }],
  ['binary', { kind: 'object', keys: ['pairVolume', 'pairAmount', 'carryCap', 'pairCeiling'] }],
  ['caps', { kind: 'object', keys: ['perPayee', 'perBonus', 'totalShare', 'remainder'] }],
  ['caps.perBonus', { kind: 'object', keys: STAGE_NAMES }],
]);

/** A value to compare, or a change ready to emit (the stack keeps the output order). */
type Task =
  | { readonly emit: PlanChange }
  | {
      readonly path: (string | number)[];
      /** The path as written in descriptions: `ranks "Gold".levels[0]`. */
      readonly label: string;
      /** The path with indices as `#` and rank or pool names as `*`: finds the {@link Rule}. */
      readonly shape: string;
      readonly before: unknown;
      readonly after: unknown;
    };

/**
 * The changes from one plan to another, rule by rule, on the normalized plans (inputs go through `parsePlan`,
 * so `'0.10'` and `'0.1'` are no change; an invalid plan throws its `DownlineError`):
 *
 * - scalar fields compared (`compression: "none" → "dynamic"`);
 * - rate and amount arrays element by element (`levels[2]: "0.02" → "0.03"`, `levels[5] added: "0.01"`);
 * - `commissionable` and `matching.on` as sets: kinds added and removed, then `order changed` if only the
 *   order of the kinds kept differs;
 * - ranks and pools matched by name: a renamed rank is removed and added; each kept rank compared field by
 *   field (`ranks "Gold".groupVolume: "4350.00" → "5000.00"`), then `ranks order changed` if the ranks kept are
 *   in another order;
 * - objects (`breakaway`, `matching`, `retailProfit`, `binary`, `caps`, `caps.perBonus`, a pool's `shares`)
 *   field by field; null or absent on one side is `added` / `removed` of the whole value.
 *
 * Order: the plan's fields in the order of `Plan`; within an array by index; within ranks and pools the `before`
 * plan's order (removed and changed), then the added ones in the `after` plan's order, then the order change.
 * Equal plans give `[]`, and `[]` exactly when `planHash(before) === planHash(after)`.
 *
 * @example
 * ```ts
 * const changes = diffPlans(
 *   { levels: ['0.10', '0.05', '0.02'], ranks: [{ name: 'Gold', groupVolume: '4350' }] },
 *   { levels: ['0.1', '0.05', '0.03', '0.01'], ranks: [{ name: 'Gold', groupVolume: '5000' }] },
 * );
 * changes.map((c) => c.description);
 * // ['levels[2]: "0.02" → "0.03"', 'levels[3] added: "0.01"', 'ranks "Gold".groupVolume: "4350.00" → "5000.00"']
 * ```
 */
export function diffPlans(before: Plan | PlanInput, after: Plan | PlanInput): PlanChange[] {
  const changes: PlanChange[] = [];
  const stack: Task[] = [{ path: [], label: '', shape: '', before: normalizedPlan(before), after: normalizedPlan(after) }];
  while (stack.length > 0) {
    const task = stack.pop() as Task;
    if ('emit' in task) {
      changes.push(task.emit);
      continue;
    }
    const { path, label, shape, before: a, after: b } = task;
    if (a === b && (a === undefined || a === null)) continue;
    if (a === undefined || a === null) {
      changes.push(added(path, label, b));
      continue;
    }
    if (b === undefined || b === null) {
      changes.push(removed(path, label, a));
      continue;
    }
    if (!isObject(a) || !isObject(b)) {
      if (canonicalJson(a) !== canonicalJson(b)) changes.push(changed(path, label, a, b));
      continue;
    }
    const rule = RULES.get(shape);
    const tasks: Task[] = [];
    if (Array.isArray(a) && Array.isArray(b)) {
      const done =
        (rule?.kind === 'by-name' && byName(task, a, b, tasks)) || (rule?.kind === 'set' && asSet(task, a, b, tasks));
      if (!done) {
        for (let i = 0; i < Math.max(a.length, b.length); i++) {
          tasks.push({ path: [...path, i], label: `${label}[${i}]`, shape: `${shape}.#`, before: at(a, i), after: at(b, i) });
        }
      }
    } else if (!Array.isArray(a) && !Array.isArray(b)) {
      const known = rule?.kind === 'object' ? rule.keys : [];
      const knownSet = new Set(known);
      const others = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !knownSet.has(key)).sort();
      for (const key of [...known, ...others]) {
        const child = shape === '' ? key : `${shape}.${key}`;
        tasks.push({ path: [...path, key], label: label === '' ? key : `${label}${keyLabel(key)}`, shape: child, before: a[key], after: b[key] });
      }
    } else {
      changes.push(changed(path, label, a, b));
      continue;
    }
    for (let i = tasks.length - 1; i >= 0; i--) stack.push(tasks[i]);
  }
  return changes;
}

/**
 * One line per change (its `description`), in order; `''` for no change.
 *
 * @example
 * ```ts
 * formatPlanDiff(diffPlans({ levels: ['0.1', '0.05'] }, { levels: ['0.1', '0.05'], compression: 'dynamic' }));
 * // 'compression: "none" → "dynamic"'
 * ```
 */
export function formatPlanDiff(changes: readonly PlanChange[]): string {
  return changes.map((change) => change.description).join('\n');
}

type Compare = Extract<Task, { path: unknown }>;

/**
 * Ranks or pools matched by name: those of `a` in order (removed, or compared field by field), the new ones of
 * `b` in order, then the order change. False (compare by index) when an item has no string name or a name
 * repeats, which a parsed plan never has.
 */
function byName(task: Compare, a: readonly unknown[], b: readonly unknown[], tasks: Task[]): boolean {
  const namesA = names(a);
  const namesB = names(b);
  if (namesA === null || namesB === null) return false;
  const { path, label, shape } = task;
  const indexB = new Map(namesB.map((name, i) => [name, i]));
  const inA = new Set(namesA);
  const childLabel = (name: string) => `${label} ${JSON.stringify(name)}`;
  namesA.forEach((name, i) => {
    const j = indexB.get(name);
    if (j === undefined) tasks.push({ emit: removed([...path, name], childLabel(name), a[i]) });
    else tasks.push({ path: [...path, name], label: childLabel(name), shape: `${shape}.*`, before: a[i], after: b[j] });
  });
  namesB.forEach((name, j) => {
    if (!inA.has(name)) tasks.push({ emit: added([...path, name], childLabel(name), b[j]) });
  });
  pushOrderChange(task, namesA, namesB, inA, tasks);
  return true;
}

/**
 * An array of distinct scalars compared as a set: removed ones (index in `a`), added ones (index in `b`), then
 * the order change. False (compare by index) when a value repeats or is not a scalar.
 */
function asSet(task: Compare, a: readonly unknown[], b: readonly unknown[], tasks: Task[]): boolean {
  const keysA = scalarKeys(a);
  const keysB = scalarKeys(b);
  if (keysA === null || keysB === null) return false;
  const { path, label } = task;
  const inA = new Set(keysA);
  const inB = new Set(keysB);
  keysA.forEach((key, i) => {
    if (!inB.has(key)) tasks.push({ emit: removed([...path, i], `${label}[${i}]`, a[i]) });
  });
  keysB.forEach((key, j) => {
    if (!inA.has(key)) tasks.push({ emit: added([...path, j], `${label}[${j}]`, b[j]) });
  });
  pushOrderChange(task, keysA, keysB, inA, tasks, a, b);
  return true;
}

/** `<label> order changed` when the items on both sides are not in the same relative order. */
function pushOrderChange(
  task: Compare,
  keysA: readonly string[],
  keysB: readonly string[],
  inA: ReadonlySet<string>,
  tasks: Task[],
  valuesA: readonly unknown[] = keysA,
  valuesB: readonly unknown[] = keysB,
): void {
  const inB = new Set(keysB);
  const keptA = keysA.filter((key) => inB.has(key));
  const keptB = keysB.filter((key) => inA.has(key));
  if (keptA.every((key, i) => key === keptB[i])) return;
  const before = [...valuesA];
  const after = [...valuesB];
  tasks.push({
    emit: {
      path: task.path,
      change: 'changed',
      before,
      after,
      description: `${task.label} order changed: ${canonicalJson(before)} → ${canonicalJson(after)}`,
    },
  });
}

/** The `name` of every item, or null when one has none or a name repeats. */
function names(items: readonly unknown[]): string[] | null {
  const out: string[] = [];
  for (const item of items) {
    const name = isObject(item) ? item.name : undefined;
    if (typeof name !== 'string') return null;
    out.push(name);
  }
  return new Set(out).size === out.length ? out : null;
}

/** Each scalar's JSON text, or null when an item is an object or two are equal. */
function scalarKeys(items: readonly unknown[]): string[] | null {
  const out: string[] = [];
  for (const item of items) {
    if (isObject(item)) return null;
    out.push(canonicalJson(item));
  }
  return new Set(out).size === out.length ? out : null;
}

/** An array's item, `null` for a hole or `undefined` (as JSON writes them), `undefined` past the end. */
function at(items: readonly unknown[], i: number): unknown {
  return i < items.length ? (items[i] ?? null) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `.key`, or `["key"]` when the key is not a plain name. */
function keyLabel(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function added(path: (string | number)[], label: string, after: unknown): PlanChange {
  return { path, change: 'added', after, description: `${label} added: ${canonicalJson(after)}` };
}

function removed(path: (string | number)[], label: string, before: unknown): PlanChange {
  return { path, change: 'removed', before, description: `${label} removed: ${canonicalJson(before)}` };
}

function changed(path: (string | number)[], label: string, before: unknown, after: unknown): PlanChange {
  return { path, change: 'changed', before, after, description: `${label}: ${canonicalJson(before)} → ${canonicalJson(after)}` };
}
