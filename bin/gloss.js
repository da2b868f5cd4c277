#!/usr/bin/env node
// The `gloss` command runs the bundle `npm run build` makes of main/cli/ (scripts/build-main.js):
// one file of JavaScript, the npm packages left in node_modules, so that it starts quickly.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/cli/gloss.cjs', import.meta.url));
if (!existsSync(bundle)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `gloss: the command is not built yet (${bundle} is missing). Run "npm run build" in ${root} first.\n`,
  );
  process.exit(1);
}
const { exports, saveCodeCache } = runBundle(bundle);
process.exitCode = await exports.main(process.argv.slice(2));
saveCodeCache();

/**
 * Runs the bundle as require() would, but with a V8 code cache beside it (gloss.cjs.v8cache): the
 * functions a run compiled, kept for the next, which then starts about a tenth sooner. The cache is
 * written after the first run (where the folder is writable) and again when V8 refuses it, as it
 * does for another Node version; the build deletes it with the bundle it was made from.
 */
function runBundle(file) {
  const cacheFile = `${file}.v8cache`;
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`,
    { filename: file, cachedData },
  );
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    saveCodeCache() {
      if (cachedData && !script.cachedDataRejected) return;
      try {
        const temp = `${cacheFile}.${process.pid}`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // A folder the user may not write to: the command runs as well without the cache.
      }
    },
  };
}
