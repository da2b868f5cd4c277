#!/usr/bin/env node
// The `gloss` command runs the TypeScript sources directly through tsx, so it is always
// the code of this checkout; no build step is needed for the command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
