import { escapeHtml } from './escape-html';

/**
 * A table of display strings as HTML: the first row is the header, the first `labels` columns (default one)
 * are left-aligned text, the others figures, right-aligned; every cell escaped.
 *
 * @example
 * ```ts
 * htmlTable([['Level', 'paid'], ['1', '1,250.00']]);
 * // '<table><thead><tr><th>Level</th><th class="num">paid</th></tr></thead><tbody>…</tbody></table>'
 * ```
 */
export function htmlTable(rows: readonly (readonly string[])[], labels = 1): string {
  const [header = [], ...body] = rows;
  const cell = (tag: 'th' | 'td', text: string, c: number) => `<${tag}${c < labels ? '' : ' class="num"'}>${escapeHtml(text)}</${tag}>`;
  const head = `<thead><tr>${header.map((text, c) => cell('th', text, c)).join('')}</tr></thead>`;
  const lines = body.map((row) => `<tr>${row.map((text, c) => cell('td', text, c)).join('')}</tr>`).join('');
  return `<table>${head}<tbody>${lines}</tbody></table>`;
}
