/**
 * The version of the `downline` package, for `downline --version`: read from the nearest `package.json` named
 * "downline" above this module, so that it is right both from the sources (`src/cli/`) and from the build
 * (`dist/`, or `node_modules/downline/dist/` once installed), and never drifts from the published version.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `version` of the nearest `package.json` named `name` in `start` or a directory above it, or null when
 * there is none. The walk is a loop up to the file system's root.
 *
 * @example
 * ```ts
 * findPackageVersion('/work/main/src/cli'); // '0.1.0'
 * ```
 */
export function findPackageVersion(start: string, name = 'downline'): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = readManifest(file);
      if (manifest?.name === name && typeof manifest.version === 'string') return manifest.version;
    }
    if (dirname(dir) === dir) return null;
  }
}

function readManifest(file: string): { name?: unknown; version?: unknown } | null {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as { name?: unknown; version?: unknown }) : null;
  } catch {
    return null; // a broken package.json on the way up is not ours
  }
}

/**
 * The directory of this module: from `import.meta.url` in ES modules (the sources, `dist/cli.js`), from
 * `__filename` in the CommonJS build, where `import.meta` is empty.
 */
function moduleDirectory(): string {
  const url: string | undefined = import.meta.url;
  return dirname(typeof url === 'string' ? fileURLToPath(url) : __filename);
}

/**
 * The version of the installed `downline` package, or `'unknown'` when its `package.json` cannot be found.
 *
 * @example
 * ```ts
 * packageVersion(); // '0.1.0'
 * ```
 */
export function packageVersion(): string {
  return findPackageVersion(moduleDirectory()) ?? 'unknown';
}
