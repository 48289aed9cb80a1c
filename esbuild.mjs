// Bundles the extension and the CLI. `vscode` stays external; everything else is inlined.
import * as esbuild from 'esbuild';
import { existsSync, chmodSync } from 'node:fs';

const production = process.argv.includes('--production');
const entries = [
  { in: 'src/extension/extension.ts', out: 'dist/extension.js' },
  { in: 'src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
].filter((e) => existsSync(e.in));

for (const entry of entries) {
  await esbuild.build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    logLevel: 'warning',
    banner: entry.banner ? { js: entry.banner } : undefined,
  });
  if (entry.banner) chmodSync(entry.out, 0o755);
}
console.error(`built ${entries.map((e) => e.out).join(', ')}`);
