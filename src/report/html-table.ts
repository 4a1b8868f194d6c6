import { escapeHtml } from './escape-html';

/**
 * A table of display strings as HTML: the first row is the header, the first `labels` columns (default one)
 * are left-aligned text, the others figures, right-aligned; every cell escaped; inside a {@link scrollable}
 * region named after the first header cell.
 *
 * @example
 * ```ts
 * htmlTable([['Level', 'paid'], ['1', '1,250.00']]);
 * // '<div class="table-scroll" …><table><thead><tr><th>Level</th><th class="num">paid</th></tr></thead>…</table></div>'
 * ```
 */
export function htmlTable(rows: readonly (readonly string[])[], labels = 1): string {
  const [header = [], ...body] = rows;
  const cell = (tag: 'th' | 'td', text: string, c: number) => `<${tag}${c < labels ? '' : ' class="num"'}>${escapeHtml(text)}</${tag}>`;
  const head = `<thead><tr>${header.map((text, c) => cell('th', text, c)).join('')}</tr></thead>`;
  const lines = body.map((row) => `<tr>${row.map((text, c) => cell('td', text, c)).join('')}</tr>`).join('');
  return scrollable(header[0] ?? 'table', `<table>${head}<tbody>${lines}</tbody></table>`);
}

/**
 * Wraps a table in a region that scrolls sideways when the table is wider than the page, reachable from the
 * keyboard (`tabindex="0"`) and named for screen readers.
 *
 * @example
 * ```ts
 * scrollable('Every indicator', '<table>…</table>');
 * // '<div class="table-scroll" role="region" tabindex="0" aria-label="Every indicator"><table>…</table></div>'
 * ```
 */
export function scrollable(label: string, table: string): string {
  return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(label)}">${table}</div>`;
}
