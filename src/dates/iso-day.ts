/**
 * Calendar dates as whole days: an ISO `YYYY-MM-DD` string becomes the number of days since 1970-01-01
 * (UTC, proleptic Gregorian), so that tenure and period membership are integer arithmetic in typed arrays.
 * No clock is ever read: dates come from the caller.
 *
 * @module
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Sentinel for "no date" in an `Int32Array` of days.
 *
 * @example
 * ```ts
 * joined[i] === NO_DAY; // the member's join date is unknown
 * ```
 */
export const NO_DAY = -2_147_483_648;

/**
 * Days since 1970-01-01 of an ISO calendar date `YYYY-MM-DD`, or `undefined` when the text is not one (wrong
 * shape, month 13, February 30…).
 *
 * @example
 * ```ts
 * parseIsoDay('1970-01-02'); // 1
 * parseIsoDay('2024-02-30'); // undefined
 * ```
 */
export function parseIsoDay(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_DAY.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return Math.round(ms / MS_PER_DAY);
}

/**
 * The ISO `YYYY-MM-DD` text of a day number: the inverse of {@link parseIsoDay}.
 *
 * @example
 * ```ts
 * formatIsoDay(0);     // "1970-01-01"
 * formatIsoDay(19723); // "2024-01-01"
 * ```
 */
export function formatIsoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
