import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The README's quick start is run as written (importing the sources instead of the package), and every value
// it prints must equal the `// → …` comment that documents it.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function block(marker: string): string {
  const start = readme.indexOf(`<!-- ${marker} -->`);
  const open = readme.indexOf('```ts\n', start);
  const close = readme.indexOf('\n```', open + 6);
  if (start < 0 || open < 0 || close < 0) throw new Error(`README: no ${marker} block`);
  return readme.slice(open + 6, close + 1);
}

describe.each(['quick-start', 'features-example', 'ledger-example', 'compliance-example', 'report-example', 'kpi-example'])('README %s', (marker) => {
  afterEach(() => vi.restoreAllMocks());
  it('runs and prints what its comments say', async () => {
    const code = block(marker);
    const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const dir = join(root, 'test-output');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `readme-${marker}.ts`);
    writeFileSync(file, code.replace("from 'downline'", `from ${JSON.stringify(join(root, 'src', 'index.ts'))}`));
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => {
      printed.push(values.map((v) => (typeof v === 'string' ? v : inspect(v, { breakLength: Infinity }))).join(' '));
    });
    await import(/* @vite-ignore */ file);
    expect(printed).toEqual(expected);
  });
});
