#!/usr/bin/env node
// The `gloss` command runs the bundle `npm run build` makes of main/cli/ (scripts/build-main.js):
// one file of JavaScript with the npm packages left in node_modules, so that it starts quickly.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/gloss.cjs', import.meta.url));
if (!existsSync(bundle)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `gloss: the command is not built yet (${bundle} is missing). Run "npm run build" in ${root} first.\n`,
  );
  process.exit(1);
}
const { main } = createRequire(import.meta.url)(bundle);
process.exitCode = await main(process.argv.slice(2));
