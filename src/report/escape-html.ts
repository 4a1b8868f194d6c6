/**
 * Escapes text for HTML and SVG content and attribute values: `&`, `<`, `>`, `"` and `'`. Every string the
 * report writes that comes from data (ids, rank names, plan labels, explanations) goes through it.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"A" & B</b>'); // '&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
