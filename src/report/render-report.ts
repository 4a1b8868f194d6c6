import type { CompliancePeriod, IndicatorResult } from '../compliance';
import { disclosureTables } from '../compliance/format-disclosure';
import { percent } from '../compliance/indicator';
import { groupThousands } from '../money/decimal-string';
import { barChart } from './bar-chart';
import { escapeHtml } from './escape-html';
import { compactAmount } from './compact-amount';
import { htmlTable, scrollable } from './html-table';
import { lorenzChart } from './lorenz-chart';
import { type ReportData, reportData } from './report-data';
import type { ReportOptions } from './report-options';
import { REPORT_STYLE } from './report-style';

/**
 * The HTML report of one commission period: one self-contained file (inline CSS and SVG, no script, no
 * font, no image, a content security policy that forbids every request) that a manager or a regulator can
 * open anywhere. Sections: the totals; payouts by stage; by level (bar chart of what each level paid, table
 * with its best rate, potential and breakage) and by paid-as rank (bar chart); the distribution of gross
 * income (histogram by powers of ten, Lorenz curve with the Gini coefficient); the compliance assessment
 * (verdict, each flag and warning with its explanation and the law or court case behind its threshold, every
 * indicator, the plan check); the income disclosure statement; and the top earners with where their money
 * came from (stages, levels, sources, caps). Deterministic: the same period and options give the same bytes.
 *
 * Validates like `assessCompliance` (one `DownlineError` with every issue); options add `title`,
 * `topEarners` (default 10) and `generated` (a label shown as given).
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { computeCommissions, Genealogy, renderReport } from 'downline';
 *
 * const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
 * writeFileSync('october.html', renderReport({ result, members, costs, start: '2026-10-01', end: '2026-10-31' }, { title: 'October 2026' }));
 * ```
 */
export function renderReport(period: CompliancePeriod, options: ReportOptions = {}): string {
  return reportHtml(reportData(period, options));
}

/**
 * The page for figures already gathered by {@link reportData}.
 *
 * @example
 * ```ts
 * const html = reportHtml(reportData(period));
 * ```
 */
export function reportHtml(data: ReportData): string {
  const title = escapeHtml(data.title);
  // exact amounts all at the same decimals, so that their columns line up
  const exact = (text: string) => groupThousands(padDecimals(text, data.plan.exactDecimals));
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="generator" content="downline">',
    `<title>${title}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${title}</h1><p class="meta">${escapeHtml(metaLine(data))}</p></header>`,
    '<main>',
    totalsSection(data, exact),
    levelsSection(data, exact),
    distributionSection(data),
    complianceSection(data),
    disclosureSection(data),
    topSection(data, exact),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function metaLine(data: ReportData): string {
  const { plan, disclosure } = data;
  const parts = [
    disclosure.period === null ? 'period dates not given' : `period ${disclosure.period.start} to ${disclosure.period.end}`,
    `plan ${plan.version === null ? '' : `${plan.version} `}${plan.hash.slice(0, 19)}…`,
    `compression ${plan.compression}, rounding ${plan.rounding}, amounts at ${plan.scale} decimals`,
  ];
  if (data.generated !== null) parts.push(`generated ${data.generated}`);
  return parts.join(' · ');
}

const money = (text: string) => groupThousands(text);

/** A decimal string with at least `decimals` decimals (zeros added, never removed). */
function padDecimals(text: string, decimals: number): string {
  const [whole, fraction = ''] = text.split('.');
  return decimals === 0 && fraction === '' ? whole : `${whole}.${fraction.padEnd(decimals, '0')}`;
}
const count = (value: number) => groupThousands(String(value));

function section(id: string, heading: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(heading)}</h2>${body}</section>`;
}

function card(figure: string, what: string): string {
  return `<div class="card"><div class="figure">${escapeHtml(figure)}</div><div class="what">${escapeHtml(what)}</div></div>`;
}

function totalsSection(data: ReportData, exact: (text: string) => string): string {
  const { totals, people } = data;
  const cards = [
    card(money(totals.payouts), 'paid out (rounded payouts)'),
    card(count(people.payees), 'payees (earning something)'),
    card(`${count(people.active)} / ${count(people.affiliates)}`, 'active / affiliates'),
    card(count(people.customers), 'customers'),
    card(count(people.orders), 'orders'),
    card(exact(totals.breakage), 'breakage (kept by the company)'),
  ].join('');
  const totalsTable = htmlTable([
    ['Where the money went', 'amount'],
    ['Potential (every rate at its best on all volume)', exact(totals.potential)],
    ['Paid, exact', exact(totals.paid)],
    ['Taken by the caps', exact(totals.capped)],
    ['Breakage', exact(totals.breakage)],
    ['Paid out, rounded', money(totals.payouts)],
    ['Rounding residual', exact(totals.residual)],
  ]);
  const stages = htmlTable([
    ['Stage', 'potential', 'paid', 'capped'],
    ...data.stages.map((stage) => [stage.stage, exact(stage.potential), exact(stage.paid), exact(stage.capped)]),
  ]);
  const note = '<p class="note">Potential = paid + capped + breakage, exactly; the rounded payouts differ from the exact paid total by the residual.</p>';
  return section('totals', 'Totals', `<div class="cards">${cards}</div>${totalsTable}${note}<h3>By stage</h3>${stages}`);
}

function levelsSection(data: ReportData, exact: (text: string) => string): string {
  const levels = barChart(
    'levels',
    'Unilevel commission paid by level',
    data.levels.map((level) => ({
      label: `Level ${level.level}`,
      value: level.paid.units,
      text: compactAmount(level.paid.units, data.plan.exactDecimals),
      detail: exact(level.paid.text),
    })),
  );
  const levelTable = htmlTable([
    ['Level', 'best rate', 'potential', 'paid', 'breakage'],
    ...data.levels.map((level) => [
      String(level.level),
      level.rate,
      exact(level.potential.text),
      exact(level.paid.text),
      exact(level.breakage.text),
    ]),
  ]);
  let ranks = '';
  if (data.ranks !== null) {
    const chart = barChart(
      'ranks',
      'Paid by paid-as rank',
      data.ranks.map((rank) => ({
        label: rank.rank,
        value: rank.paid.units,
        text: compactAmount(rank.paid.units, data.plan.exactDecimals),
        detail: exact(rank.paid.text),
      })),
    );
    const table = htmlTable([
      ['Paid-as rank', 'affiliates', 'paid'],
      ...data.ranks.map((rank) => [rank.rank, count(rank.members), exact(rank.paid.text)]),
    ]);
    ranks = `<div><h3>By paid-as rank</h3>${chart}${table}</div>`;
  }
  const body = `<div class="charts"><div><h3>Unilevel by level</h3>${levels}${levelTable}<p class="note">Before the caps, which apply per payee.</p></div>${ranks}</div>`;
  return section('payouts', 'Payouts by level and by rank', body);
}

function distributionSection(data: ReportData): string {
  const { disclosure } = data;
  const population = disclosure.population;
  const histogram = barChart(
    'histogram',
    'Participants by gross income',
    data.bins.map((bin) => ({ label: bin.label, value: BigInt(bin.count), text: count(bin.count) })),
  );
  const share = (n: number) => percent(population === 0 ? 0 : n / population);
  const bins = htmlTable([
    ['Gross income (currency units)', 'participants', 'share'],
    ...data.bins.map((bin) => [bin.label, count(bin.count), share(bin.count)]),
  ]);
  const figures = htmlTable([
    ['Gross income', 'value'],
    ['Participants', count(population)],
    ['Earning nothing', `${count(disclosure.earningZero.count)} (${percent(disclosure.earningZero.share)})`],
    ['Median', disclosure.gross.median === null ? 'n/a' : money(disclosure.gross.median)],
    [`Top 1% (${count(disclosure.top1Percent.count)})`, `${percent(disclosure.top1Percent.share)} of all income`],
    ['Gini coefficient', disclosure.gini.toFixed(3)],
  ]);
  const body = `<div class="charts"><div><h3>Histogram (currency units, powers of ten)</h3>${histogram}${bins}</div><div><h3>Lorenz curve</h3>${lorenzChart(data.lorenz, disclosure.gini)}${figures}</div></div>`;
  return section('distribution', 'Income distribution', body);
}

function badge(verdict: IndicatorResult['verdict']): string {
  const text = { flag: 'flag', warning: 'warning', ok: 'ok', 'not-assessed': 'not assessed' }[verdict];
  return `<span class="badge ${verdict}">${text}</span>`;
}

function complianceSection(data: ReportData): string {
  const { assessment } = data;
  const head = `<p class="verdict">${badge(assessment.verdict)} ${escapeHtml(assessment.summary)}</p>`;
  const explained = (items: readonly IndicatorResult[], heading: string) =>
    items.length === 0
      ? ''
      : `<h3>${escapeHtml(heading)}</h3><ul class="findings">${items
          .map(
            (item) =>
              `<li>${badge(item.verdict)} <strong>#${item.id} ${escapeHtml(item.title)}</strong><br>${escapeHtml(item.explanation)}<br><span class="muted">Threshold source: ${escapeHtml(item.threshold.source)}</span></li>`,
          )
          .join('')}</ul>`;
  const all = scrollable('Every indicator', `<table><thead><tr><th>#</th><th>Indicator</th><th>Verdict</th><th>Explanation</th></tr></thead><tbody>${assessment.indicators
    .map((item) => `<tr><td>${item.id}</td><td>${escapeHtml(item.title)}</td><td>${badge(item.verdict)}</td><td>${escapeHtml(item.explanation)}</td></tr>`)
    .join('')}</tbody></table>`);
  const plan = scrollable('Plan check', `<table><thead><tr><th>Plan rule</th><th>Verdict</th><th>Explanation</th></tr></thead><tbody>${assessment.planCheck.items
    .map((item) => `<tr><td>${escapeHtml(item.title)}</td><td>${badge(item.verdict)}</td><td>${escapeHtml(item.explanation)}</td></tr>`)
    .join('')}</tbody></table>`);
  const body = [
    head,
    explained(assessment.flags, 'Flags, heaviest first'),
    explained(assessment.warnings, 'Warnings'),
    `<h3>Every indicator</h3>${all}`,
    `<h3>Plan check: ${badge(assessment.planCheck.verdict)}</h3>${plan}`,
  ].join('');
  return section('compliance', 'Compliance assessment', body);
}

function disclosureSection(data: ReportData): string {
  const tables = disclosureTables(data.disclosure).map((rows) => htmlTable(rows)).join('');
  const note = `<p class="note">Every affiliate of the period is counted, those who earned nothing and those who left included; amounts at ${data.disclosure.scale} decimals.</p>`;
  return section('disclosure', 'Income disclosure statement', `${note}${tables}`);
}

function topSection(data: ReportData, exact: (text: string) => string): string {
  if (data.top.length === 0) return section('top', 'Top earners', '<p class="note">Nobody earned anything this period.</p>');
  const list = htmlTable(
    [
      ['Participant', 'paid-as rank', 'payout', 'share of payouts', 'from retail sales', 'from affiliates’ own purchases', 'from joining fees', 'from recruiting bonuses'],
      ...data.top.map((top) => [
        top.id,
        top.paidAs ?? 'no rank',
        money(top.payout),
        percent(top.share),
        exact(top.sources.retail),
        exact(top.sources.personal),
        exact(top.sources.enrollment),
        exact(top.sources.recruiting),
      ]),
    ],
    2,
  );
  const details = data.top
    .map((top) => {
      const stages = htmlTable([['Stage', 'earned (after caps)'], ...top.stages.map((stage) => [stage.stage, exact(stage.amount)])]);
      const levels =
        top.levels.length === 0
          ? ''
          : htmlTable([['Unilevel level', 'order lines', 'earned (before caps)'], ...top.levels.map((level) => [String(level.level), count(level.lines), exact(level.amount)])]);
      const sources = htmlTable([
        ['Income by source', 'amount'],
        ['Retail sales to customers', exact(top.sources.retail)],
        ['Affiliates’ own purchases', exact(top.sources.personal)],
        ['Joining fees', exact(top.sources.enrollment)],
        ['Recruiting bonuses', exact(top.sources.recruiting)],
        ['Total (exact)', exact(top.sources.total)],
      ]);
      const capped = /[1-9]/.test(top.capped) ? `<p class="note">The caps took ${escapeHtml(exact(top.capped.replace('-', '')))}.</p>` : '';
      return `<details><summary>${escapeHtml(top.id)}: ${escapeHtml(money(top.payout))} (exact ${escapeHtml(exact(top.exact))})</summary>${stages}${levels}${sources}${capped}</details>`;
    })
    .join('');
  return section('top', `Top ${data.top.length} earners`, `${list}${details}`);
}

