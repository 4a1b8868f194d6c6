/**
 * Exact decimal strings ⇄ scaled integers. No floating point: a decimal string with `d` decimals is the
 * integer `units` at `scale` decimals, `units / 10^scale`.
 *
 * @module
 */

/**
 * Why a decimal string was refused.
 *
 * @example
 * ```ts
 * const problem: DecimalProblem = 'too-many-decimals';
 * ```
 */
export type DecimalProblem = 'invalid' | 'negative' | 'too-many-decimals';

/**
 * The result of {@link parseDecimal}: the scaled integer, or the reason it was refused.
 *
 * @example
 * ```ts
 * const read: ParsedDecimal = parseDecimal('1.5', 2); // { ok: true, units: 150n, decimals: 1 }
 * ```
 */
export type ParsedDecimal =
  | { readonly ok: true; readonly units: bigint; readonly decimals: number }
  | { readonly ok: false; readonly problem: DecimalProblem; readonly decimals?: number };

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain decimal string (`"12"`, `"0.05"`, `"1234.50"`) into an integer at `scale` decimals.
 * Refuses exponent forms, `NaN`, signs other than a leading minus (reported as `negative`), blanks and more
 * decimals than `scale`. `decimals` is the number of decimals actually written.
 *
 * @example
 * ```ts
 * parseDecimal('12.5', 2);  // { ok: true, units: 1250n, decimals: 1 }
 * parseDecimal('1e3', 2);   // { ok: false, problem: 'invalid' }
 * parseDecimal('0.125', 2); // { ok: false, problem: 'too-many-decimals', decimals: 3 }
 * ```
 */
export function parseDecimal(text: string, scale: number): ParsedDecimal {
  const match = PLAIN_DECIMAL.exec(text);
  if (match === null) return { ok: false, problem: 'invalid' };
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > scale) return { ok: false, problem: 'too-many-decimals', decimals: fraction.length };
  const units = BigInt(whole + fraction.padEnd(scale, '0'));
  if (sign === '-' && units !== 0n) return { ok: false, problem: 'negative' };
  return { ok: true, units, decimals: fraction.length };
}

/**
 * Formats an integer at `scale` decimals as a decimal string, keeping at least `minDecimals` decimals and
 * trimming trailing zeros beyond them.
 *
 * @example
 * ```ts
 * formatUnits(1250n, 2);       // "12.50"
 * formatUnits(5n, 3, 2);       // "0.005"
 * formatUnits(120000n, 4, 2);  // "12.00"
 * formatUnits(-7n, 2);         // "-0.07"
 * ```
 */
export function formatUnits(units: bigint, scale: number, minDecimals: number = scale): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  let end = fraction.length;
  while (end > minDecimals && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}


/**
 * Compares two decimal strings exactly, by value (`"10.5"` equals `"10.50"`): negative, zero or positive like
 * a sort comparator. Accepts what the library prints: plain decimals with an optional leading minus.
 *
 * @example
 * ```ts
 * ['9.00', '10.00', '0.50'].sort(compareDecimals); // ['0.50', '9.00', '10.00']
 * compareDecimals('10.5', '10.50');                  // 0
 * ```
 */
export function compareDecimals(a: string, b: string): number {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  const x = parseSigned(a, scale);
  const y = parseSigned(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function parseSigned(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const read = parseDecimal(negative ? text.slice(1) : text, scale);
  if (!read.ok) throw new TypeError(`not a decimal string: ${JSON.stringify(text)}`);
  return negative ? -read.units : read.units;
}

/**
 * Inserts thousands separators in the whole part of a decimal string.
 *
 * @example
 * ```ts
 * groupThousands('1248000.00'); // "1,248,000.00"
 * groupThousands('-1234');      // "-1,234"
 * ```
 */
export function groupThousands(decimal: string): string {
  const sign = decimal.startsWith('-') ? '-' : '';
  const unsigned = sign === '' ? decimal : decimal.slice(1);
  const dot = unsigned.indexOf('.');
  const whole = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const rest = dot < 0 ? '' : unsigned.slice(dot);
  let grouped = '';
  for (let end = whole.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = start > 0 ? `,${whole.slice(start, end)}${grouped}` : `${whole.slice(start, end)}${grouped}`;
  }
  return `${sign}${grouped}${rest}`;
}
