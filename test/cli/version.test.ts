/** `downline --version`: the version of the package, found from the module's own place. */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackageVersion, packageVersion } from '../../src/cli/version';
import { cli, removeTempDirs, tempDir, writeFiles } from './helpers';

afterAll(removeTempDirs);

const manifest = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')) as { name: string; version: string };

describe('downline --version', () => {
  it('prints the version of package.json with --version and -V', async () => {
    expect(manifest.name).toBe('downline');
    expect(await cli(process.cwd(), '--version')).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    expect(await cli(process.cwd(), '-V')).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    expect(packageVersion()).toBe(manifest.version);
  });

  it('takes no arguments', async () => {
    const { code, stderr } = await cli(process.cwd(), '--version', 'run');
    expect(code).toBe(2);
    expect(stderr).toContain('--version takes no arguments');
  });

  it('walks up to the nearest package.json of that name, past others and broken ones', () => {
    const root = tempDir();
    const deep = join(root, 'node_modules', 'downline', 'dist', 'chunks');
    mkdirSync(deep, { recursive: true });
    writeFiles(root, { 'package.json': JSON.stringify({ name: 'my-app', version: '3.0.0' }) });
    writeFiles(join(root, 'node_modules', 'downline'), { 'package.json': JSON.stringify({ name: 'downline', version: '9.8.7' }) });
    writeFiles(join(root, 'node_modules', 'downline', 'dist'), { 'package.json': '{ not json' });
    expect(findPackageVersion(deep)).toBe('9.8.7');
    expect(findPackageVersion(deep, 'my-app')).toBe('3.0.0');
    expect(findPackageVersion(deep, 'no-such-package-anywhere')).toBeNull();
  });
});
