/**
 * Plan inputs written otherwise, for the plan hash and plan diff tests.
 */
/** Decimal strings of a plan input written otherwise: rates padded up to 6 decimals, amounts up to 2. */
const RATE_KEYS = new Set(['levels', 'matching', 'differential', 'directSale', 'share', 'maxLegShare', 'wholesaleRate', 'totalShare', 'generations']);

/**
 * The same plan written otherwise: keys of every object in another order (by `seed`), decimals with trailing
 * zeros added (`'0.1'` → `'0.1000'`, `'50'` → `'50.0'`). Rank names, stage names and order kinds are left alone.
 */
export function respell(input: unknown, seed: number): unknown {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pad = (text: string, max: number) => {
    const [whole, fraction = ''] = text.split('.');
    const room = max - fraction.length;
    if (room <= 0) return text;
    const extra = Math.floor(next() * (room + 1));
    return extra === 0 ? text : `${whole}.${fraction}${'0'.repeat(extra)}`;
  };
  const walk = (value: unknown, rate: boolean, key: string): unknown => {
    if (typeof value === 'string') return /^\d+(\.\d+)?$/.test(value) && key !== 'name' ? pad(value, rate ? 6 : 2) : value;
    if (Array.isArray(value)) return value.map((item) => walk(item, rate, key));
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [keys[i], keys[j]] = [keys[j], keys[i]];
    }
    // caps.perBonus maps stage names (one is 'matching') to amounts
    return Object.fromEntries(keys.map((k) => [k, walk((value as Record<string, unknown>)[k], RATE_KEYS.has(k) && key !== 'perBonus', k)]));
  };
  return walk(input, false, '');
}
