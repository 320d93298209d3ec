#!/usr/bin/env node
// The compiled command line (built by `npm install` through the prepare script, or `npm run build:cli`).
'use strict';
let cli;
try {
  cli = require('../lib/src/cli/main.js');
} catch {
  process.stderr.write('rebal: the command line is not built yet; run `npm run build:cli` (npm install does it)\n');
  process.exit(1);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
