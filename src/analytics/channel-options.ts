import { ErrorCode, type Issue } from '../errors';
import { parseDecimal } from '../money/decimal-string';
import { MAX_SCALE } from '../plan/schema';
import { CHANNEL_DEFAULTS, MARGIN_DECIMALS } from './channel-input';

/**
 * A validated gross margin: the text as given and its value in units of 10^-{@link MARGIN_DECIMALS}.
 *
 * @example
 * ```ts
 * const margin: GrossMargin = { text: '0.6', units: 600_000_000_000n };
 * ```
 */
export interface GrossMargin {
  readonly text: string;
  readonly units: bigint;
}

/**
 * The options of {@link ChannelKpisInput} with defaults filled in.
 *
 * @example
 * ```ts
 * const options: ChannelOptions = { scale: 2, grossMargin: null, regularAfter: 2, maxLifetime: 20 };
 * ```
 */
export interface ChannelOptions {
  readonly scale: number;
  readonly grossMargin: GrossMargin | null;
  readonly regularAfter: number;
  readonly maxLifetime: number;
}

const MAX_COUNT = 1_000_000;

/**
 * Checks `scale` (integer 0–12), `grossMargin` (decimal string in [0, 1], at most 12 decimals), `regularAfter`
 * (integer ≥ 2) and `maxLifetime` (integer ≥ 1) of the input, filling defaults. Every problem is an
 * `INVALID_OPTIONS` issue at the option's path; `options` is `null` when there is one, and `scale` is `null`
 * when the scale itself is bad (amounts can still be read at a good scale while another option is bad).
 *
 * @example
 * ```ts
 * readChannelOptions({ grossMargin: '0.6' }).options?.grossMargin?.units; // 600000000000n
 * readChannelOptions({ scale: 13 }).issues[0].message; // 'options: scale must be an integer from 0 to 12, got 13'
 * ```
 */
export function readChannelOptions(input: Record<string, unknown>): {
  options: ChannelOptions | null;
  scale: number | null;
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const fail = (key: string, message: string) =>
    issues.push({ code: ErrorCode.InvalidOptions, path: [key], message: `options: ${key} ${message}` });

  const scale = input.scale ?? CHANNEL_DEFAULTS.scale;
  const scaleOk = isIntegerIn(scale, 0, MAX_SCALE);
  if (!scaleOk) fail('scale', `must be an integer from 0 to ${MAX_SCALE}, got ${show(scale)}`);

  let grossMargin: GrossMargin | null = null;
  const margin = input.grossMargin;
  if (margin !== undefined) {
    const read = typeof margin === 'string' ? parseDecimal(margin, MARGIN_DECIMALS) : null;
    if (read === null || !read.ok || read.units > 10n ** BigInt(MARGIN_DECIMALS)) {
      fail(
        'grossMargin',
        `must be a decimal string from "0" to "1" with at most ${MARGIN_DECIMALS} decimals (like "0.6"), got ${show(margin)}`,
      );
    } else {
      grossMargin = { text: margin as string, units: read.units };
    }
  }

  const regularAfter = input.regularAfter ?? CHANNEL_DEFAULTS.regularAfter;
  if (!isIntegerIn(regularAfter, 2, MAX_COUNT)) {
    fail('regularAfter', `must be an integer of at least 2 (periods with an order), got ${show(regularAfter)}`);
  }
  const maxLifetime = input.maxLifetime ?? CHANNEL_DEFAULTS.maxLifetime;
  if (!isIntegerIn(maxLifetime, 1, MAX_COUNT)) {
    fail('maxLifetime', `must be an integer of at least 1 (periods), got ${show(maxLifetime)}`);
  }
  const goodScale = scaleOk ? (scale as number) : null;
  if (issues.length > 0) return { options: null, scale: goodScale, issues };
  return {
    options: { scale: scale as number, grossMargin, regularAfter: regularAfter as number, maxLifetime: maxLifetime as number },
    scale: goodScale,
    issues,
  };
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'bigint' ? `${value}n` : String(value);
}
