/**
 * Plan versions: a canonical JSON text of a normalized plan and its SHA-256, so that two writings of the same
 * plan (keys in another order, `'0.10'` for `'0.1'`, defaults spelled out or left out) get the same hash.
 *
 * @module
 */
import { parsePlan } from './parse-plan';
import type { Plan } from './plan';
import type { PlanInput } from './schema';
import { sha256Hex } from './sha256';

/**
 * JSON text of a JSON-like value with the keys of every object sorted (by UTF-16 code units, as
 * `Array.prototype.sort` does), no whitespace, arrays in order. Like `JSON.stringify`, object keys whose value
 * is `undefined` are left out, and `undefined` in an array (or at the top) is written `null`. Iterative: any
 * depth works.
 *
 * @example
 * ```ts
 * canonicalJson({ b: [2, { d: 1, c: null }], a: 'x' }); // '{"a":"x","b":[2,{"c":null,"d":1}]}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  let out = '';
  // Work stack: a value to write, or a piece of text to emit as is (pushed in reverse order).
  const stack: Array<{ text: string } | { value: unknown }> = [{ value }];
  while (stack.length > 0) {
    const item = stack.pop() as { text: string } | { value: unknown };
    if ('text' in item) {
      out += item.text;
      continue;
    }
    const v = item.value;
    if (v === null || typeof v !== 'object') {
      out += v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : JSON.stringify(v);
    } else if (Array.isArray(v)) {
      stack.push({ text: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i] });
        if (i > 0) stack.push({ text: ',' });
      }
      stack.push({ text: '[' });
    } else {
      const keys = Object.keys(v)
        .filter((key) => (v as Record<string, unknown>)[key] !== undefined)
        .sort();
      stack.push({ text: '}' });
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ value: (v as Record<string, unknown>)[keys[i]] });
        stack.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:` });
      }
      stack.push({ text: '{' });
    }
  }
  return out;
}

/**
 * The canonical JSON text of a normalized plan (what {@link planHash} hashes): keys sorted at every level, no
 * whitespace, arrays in their order. Give it a plan from `parsePlan`; equivalent inputs (`'0.10'` and `'0.1'`,
 * defaults written or not, keys in any order) give the same text because `parsePlan` normalizes them.
 *
 * @example
 * ```ts
 * canonicalPlanJson(parsePlan({ levels: ['0.10', '0.05'] })).slice(0, 60);
 * // '{"allowRateSumAboveOne":false,"binary":null,"breakaway":null'
 * ```
 */
export function canonicalPlanJson(plan: Plan): string {
  return canonicalJson(plan);
}

/**
 * The plan, normalized: a plan input goes through `parsePlan` (which throws a `DownlineError` when it is not
 * valid); so does a `Plan`, which `parsePlan` returns unchanged in value, so a hand-built `Plan` is checked too.
 *
 * @example
 * ```ts
 * normalizedPlan({ levels: ['0.10', '0.05'] }).levels; // ['0.1', '0.05']
 * ```
 */
export function normalizedPlan(plan: Plan | PlanInput): Plan {
  return parsePlan(plan);
}

/**
 * The version of a plan: `'sha256:'` and the SHA-256 (hex) of {@link canonicalPlanJson} of the normalized plan.
 * Inputs are parsed first (`parsePlan`; an invalid plan throws its `DownlineError`), so the hash does not
 * depend on key order, on how decimals are written (`'0.10'`, `'0.1'`) or on defaults being spelled out. Arrays
 * keep their order: reordered ranks, pools, `commissionable` or `matching.on` give another hash. Equal hashes
 * ⇔ `diffPlans` finds no change.
 *
 * @example
 * ```ts
 * planHash({ levels: ['0.10', '0.05'], compression: 'dynamic' }) ===
 *   planHash({ compression: 'dynamic', levels: ['0.1', '0.050'], scale: 2 }); // true
 * planHash({ levels: ['0.1', '0.05'] }).startsWith('sha256:'); // true
 * ```
 */
export function planHash(plan: Plan | PlanInput): string {
  return `sha256:${sha256Hex(canonicalPlanJson(normalizedPlan(plan)))}`;
}
