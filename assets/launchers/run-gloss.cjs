// Runs a `gloss` command in an installed Gloss: resources/bin/gloss (gloss.cmd on Windows) starts
// the app's Electron as Node on this file, inside app.asar, with the command's arguments. In a
// checkout, bin/gloss.js does the same for Node (with a code cache, which an asar cannot hold).
const { main } = require('../../dist/cli/gloss.cjs');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`gloss: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
