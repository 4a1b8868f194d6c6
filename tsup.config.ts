import { defineConfig } from 'tsup';

export default defineConfig({
  // the library, and the `downline` command (its hashbang is kept by esbuild)
  entry: { index: 'src/index.ts', cli: 'src/cli/bin.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
