/**
 * The report's stylesheet, inlined in the page: system fonts, a readable measure, tables with right-aligned
 * figures, verdict badges, chart colours; prints on paper without the colours of the screen.
 *
 * @example
 * ```ts
 * `<style>${REPORT_STYLE}</style>`;
 * ```
 */
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --bar: #3566c8; --gap: #f3c9a8; --flag: #b42318; --warning: #b54708; --ok: #067647; --na: #5b6475; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1080px; padding: 24px 20px 64px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 6px; }
p.meta, p.note, .muted { color: var(--muted); }
p.meta { margin: 0 0 16px; font-size: 13px; }
code { font-size: 13px; }
table { border-collapse: collapse; font-size: 14px; }
.table-scroll { max-width: 100%; overflow-x: auto; margin: 8px 0 16px; }
.table-scroll:focus-visible { outline: 2px solid var(--bar); }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .figure { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .what { font-size: 13px; color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; align-items: start; }
svg.chart { width: 100%; height: auto; max-height: 340px; }
svg.chart[data-chart="lorenz"] { max-width: 340px; }
svg .mark { fill: var(--bar); }
svg .mark.lorenz { fill: none; stroke: var(--bar); stroke-width: 2.5; }
svg .gap { fill: var(--gap); opacity: 0.7; }
svg .reference { stroke: var(--muted); stroke-dasharray: 4 3; }
svg .axis { stroke: var(--ink); }
svg text { font-size: 12px; fill: var(--ink); }
svg text.label { fill: var(--muted); }
svg text.note { font-weight: 600; }
.badge { display: inline-block; min-width: 64px; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; text-align: center; color: #fff; }
.badge.flag { background: var(--flag); }
.badge.warning { background: var(--warning); }
.badge.ok { background: var(--ok); }
.badge.not-assessed { background: var(--na); }
.verdict { font-size: 17px; margin: 8px 0; }
details { border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px; margin: 8px 0; }
summary { cursor: pointer; font-weight: 600; }
@media print { details { break-inside: avoid; } .badge { color: var(--ink); border: 1px solid var(--ink); background: none; } }
`;
