import { escapeHtml } from './escape-html';

/**
 * One bar: its label under the axis, its exact value (minor units, a count…) and the text shown for it.
 *
 * @example
 * ```ts
 * const bar: Bar = { label: 'Level 1', value: 1_250_00n, text: '1,250.00' };
 * ```
 */
export interface Bar {
  readonly label: string;
  readonly value: bigint;
  /** Shown above the bar: short (the tables hold the exact figures). */
  readonly text: string;
  /** The tooltip's figure (default `text`). */
  readonly detail?: string;
}

/** Size of a chart in SVG user units. */
const WIDTH = 640;
const HEIGHT = 260;
const TOP = 24;
const BOTTOM = 40;
const SIDE = 12;
/** The least height of a bar above zero. */
const MIN_BAR = 2;

/**
 * A vertical bar chart as an inline SVG string: one `<rect class="mark">` per bar (zero-height bars included,
 * so the count of marks is the count of bars), the value text above each bar, the label under it, a `<title>`
 * per bar for tooltips, and `role="img"` with an accessible name. Heights are proportional to the exact values,
 * computed in bigint (no amount is ever turned into a float), and a bar above zero is never drawn lower than
 * 2 units, so that a handful of top earners next to a million zeros still shows.
 *
 * @param chart a key written as `data-chart`, for styling and tests
 * @example
 * ```ts
 * barChart('levels', 'Paid by level', [{ label: '1', value: 1500n, text: '15.00' }, { label: '2', value: 500n, text: '5.00' }]);
 * // '<svg … data-chart="levels" …><rect class="mark" …/>…</svg>'
 * ```
 */
export function barChart(chart: string, title: string, bars: readonly Bar[]): string {
  const max = bars.reduce((m, bar) => (bar.value > m ? bar.value : m), 0n);
  const plot = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - 2 * SIDE) / Math.max(1, bars.length);
  const barWidth = Math.max(2, Math.min(72, slot * 0.7));
  const marks = bars.map((bar, k) => {
    // hundredths of a unit, exact integer division: the bar's height without a float of the amount
    const height = bar.value <= 0n || max === 0n ? 0 : Math.max(MIN_BAR, Number((bar.value * BigInt(plot * 100)) / max) / 100);
    const x = SIDE + k * slot + (slot - barWidth) / 2;
    const y = TOP + plot - height;
    const middle = x + barWidth / 2;
    const tooltip = escapeHtml(`${bar.label}: ${bar.detail ?? bar.text}`);
    return [
      `<rect class="mark" x="${fixed(x)}" y="${fixed(y)}" width="${fixed(barWidth)}" height="${fixed(height)}"><title>${tooltip}</title></rect>`,
      `<text class="value" x="${fixed(middle)}" y="${fixed(y - 6)}" text-anchor="middle">${escapeHtml(bar.text)}</text>`,
      `<text class="label" x="${fixed(middle)}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${escapeHtml(bar.label)}</text>`,
    ].join('');
  });
  const axis = `<line class="axis" x1="${SIDE}" y1="${TOP + plot}" x2="${WIDTH - SIDE}" y2="${TOP + plot}"/>`;
  return svg(chart, title, WIDTH, HEIGHT, `${axis}${marks.join('')}`);
}

/**
 * The `<svg>` wrapper every chart shares: its size as a `viewBox` (the chart scales with the page), the
 * `data-chart` key, `role="img"` and the title as its accessible name.
 *
 * @example
 * ```ts
 * svg('lorenz', 'Lorenz curve', 320, 320, '<path d="M0 0L1 1"/>');
 * ```
 */
export function svg(chart: string, title: string, width: number, height: number, body: string): string {
  const name = escapeHtml(title);
  return (
    `<svg class="chart" data-chart="${escapeHtml(chart)}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${name}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${name}</title>${body}</svg>`
  );
}

/**
 * A coordinate with at most two decimals and no trailing zeros, so the markup stays short and identical on
 * every platform.
 *
 * @example
 * ```ts
 * fixed(12.3456); // '12.35'
 * fixed(40);      // '40'
 * ```
 */
export function fixed(value: number): string {
  return String(Math.round(value * 100) / 100);
}
