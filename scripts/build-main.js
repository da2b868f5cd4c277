// Bundles the Electron shell: main/electron/main.ts → dist/electron/main.cjs (Node; the packages
// in BUNDLED taken in, the others left to node_modules) and main/electron/preload.ts →
// dist/electron/preload.cjs (one self-contained CommonJS file that requires only 'electron', as
// sandboxed preloads must); and the command line: main/cli/main.ts → dist/cli/gloss.cjs, which
// bin/gloss.js runs (and, in an installed app, assets/launchers/run-gloss.cjs).
//
// A package the bundles take in is a devDependency: electron-builder puts exactly the
// `dependencies` (with theirs) into the installed app's node_modules, so those are the packages
// the bundles leave to node_modules. test/package/ checks both ways.
//
//   node scripts/build-main.js               builds all three into dist/
//   node scripts/build-main.js --out DIR     builds all three into DIR (electron/, cli/) instead
//   node scripts/build-main.js --cli FILE    builds only the command line, into FILE (tests)
import { rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outTarget = process.argv.indexOf('--out');
const out = outTarget >= 0 ? resolve(process.argv[outTarget + 1] ?? 'dist') : join(root, 'dist');

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

/**
 * The packages both bundles take in rather than requiring from node_modules (with what they
 * import): zod, because as one file with the rest, and without its messages in forty-odd
 * languages (Gloss words its own), it loads in about half the time, so `gloss info` starts sooner,
 * and the installed app leaves out its 8 MB package; lowdb and approx-string-match, because they
 * are ES modules only, which a CommonJS bundle cannot require on Node 20 before 20.19. Every other
 * package stays in node_modules: most are loaded on first use (jsdom, pdf.js, mammoth), which a
 * bundle could not take in anyway.
 */
const BUNDLED = ['zod', 'lowdb', 'approx-string-match'];

const packageName = (specifier) => specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');
const insidePackage = (file, names) =>
  names.some((name) => file.split(/[\\/]/).join('/').includes(`/node_modules/${name}/`));

const bundleSomePackages = {
  name: 'bundle-some-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (
        args.kind === 'entry-point' ||
        BUNDLED.includes(packageName(args.path)) ||
        insidePackage(args.importer, BUNDLED)
      )
        return undefined;
      // bin/gloss.js runs the bundle as a script (for its code cache), where Node 20 has no import().
      if (args.kind === 'dynamic-import')
        return {
          errors: [{ text: `import('${args.path}') of a package: require it on first use instead` }],
        };
      return { external: true };
    });
    // zod's namespace re-exports every locale; English, its default, is the one it uses.
    builder.onResolve({ filter: /[\\/]locales[\\/]index\.js$/ }, (args) =>
      insidePackage(args.importer, ['zod'])
        ? { path: 'english only', namespace: 'zod-locales', pluginData: dirname(args.importer) }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: args.pluginData,
    }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const forNode = {
  ...common,
  // electron and the packages outside BUNDLED are required from node_modules at run time.
  plugins: [bundleSomePackages],
  // Sources written as ES modules use import.meta.url (e.g. to load jsdom only when needed);
  // in a CommonJS bundle it is the bundle's own file URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** The command line; the modules it imports with import() stay unrun until a command needs them. */
const cli = (outfile) => {
  // A code cache bin/gloss.js made for the bundle before this one must not outlive it.
  rmSync(`${outfile}.v8cache`, { force: true });
  return { ...forNode, entryPoints: ['main/cli/main.ts'], outfile };
};

const cliTarget = process.argv.indexOf('--cli');
const outputs =
  cliTarget >= 0
    ? [cli(resolve(process.argv[cliTarget + 1] ?? 'gloss.cjs'))]
    : [
        { ...forNode, entryPoints: ['main/electron/main.ts'], outfile: join(out, 'electron', 'main.cjs') },
        {
          ...common,
          entryPoints: ['main/electron/preload.ts'],
          outfile: join(out, 'electron', 'preload.cjs'),
          external: ['electron'],
        },
        cli(join(out, 'cli', 'gloss.cjs')),
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
