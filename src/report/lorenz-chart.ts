import { fixed, svg } from './bar-chart';
import type { LorenzPoint } from './income-distribution';

const SIZE = 320;
const MARGIN = 48;

/**
 * The Lorenz curve as an inline SVG string: the line of equality (`class="reference"`), the area between it
 * and the curve (`class="gap"`, whose size is half the Gini coefficient), the curve itself (one
 * `<path class="mark lorenz">`), the axes with their 0 / 50 / 100 % ticks, and the Gini written in a corner.
 *
 * @example
 * ```ts
 * lorenzChart(lorenzCurve(sorted), 0.62);
 * // '<svg … data-chart="lorenz" …><path class="mark lorenz" d="M48 272L…"/>…</svg>'
 * ```
 */
export function lorenzChart(points: readonly LorenzPoint[], gini: number): string {
  const side = SIZE - 2 * MARGIN;
  const x = (share: number) => fixed(MARGIN + share * side);
  const y = (share: number) => fixed(SIZE - MARGIN - share * side);
  const curve = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.population)} ${y(p.income)}`).join('');
  const back = `L${x(1)} ${y(1)}L${x(0)} ${y(0)}Z`;
  const ticks = [0, 0.5, 1]
    .map(
      (t) =>
        `<text class="label" x="${x(t)}" y="${SIZE - MARGIN + 16}" text-anchor="middle">${t * 100}%</text>` +
        `<text class="label" x="${MARGIN - 6}" y="${y(t)}" text-anchor="end" dominant-baseline="middle">${t * 100}%</text>`,
    )
    .join('');
  const body = [
    `<path class="gap" d="${curve}${back}"/>`,
    `<line class="reference" x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}"/>`,
    `<path class="mark lorenz" d="${curve}"/>`,
    `<line class="axis" x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(0)}"/>`,
    `<line class="axis" x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(1)}"/>`,
    ticks,
    `<text class="note" x="${x(0.04)}" y="${y(0.92)}">Gini ${gini.toFixed(3)}</text>`,
    `<text class="label" x="${x(0.5)}" y="${SIZE - 4}" text-anchor="middle">participants, poorest first</text>`,
    `<text class="label" transform="translate(12 ${y(0.5)}) rotate(-90)" text-anchor="middle">share of income</text>`,
  ].join('');
  return svg('lorenz', `Lorenz curve of gross income (Gini ${gini.toFixed(3)})`, SIZE, SIZE, body);
}
