// Bundles the Electron shell: main/electron/main.ts → dist/electron/main.cjs (Node, npm
// dependencies left to node_modules) and main/electron/preload.ts → dist/electron/preload.cjs
// (one self-contained CommonJS file that requires only 'electron', as sandboxed preloads must).
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'electron');

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
};

const outputs = [
  {
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: join(outdir, 'main.cjs'),
    // Every package (electron and the dependencies) is required from node_modules at run time.
    packages: 'external',
    // Sources written as ES modules use import.meta.url (e.g. to load jsdom only when needed);
    // in a CommonJS bundle it is the bundle's own file URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  {
    ...common,
    entryPoints: ['main/electron/preload.ts'],
    outfile: join(outdir, 'preload.cjs'),
    external: ['electron'],
  },
];

let failed = false;
for (const options of outputs) {
  try {
    const result = await build(options);
    const bytes = Object.entries(result.metafile.outputs)
      .filter(([file]) => !file.endsWith('.map'))
      .reduce((sum, [, output]) => sum + output.bytes, 0);
    console.log(`built ${relative(root, options.outfile)} (${(bytes / 1024).toFixed(1)} KiB)`);
  } catch {
    // esbuild has already printed the errors.
    console.error(`failed to build ${relative(root, options.outfile)}`);
    failed = true;
  }
}
if (failed) process.exit(1);
