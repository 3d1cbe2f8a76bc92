#!/usr/bin/env node
'use strict';
// The command line is compiled to dist/node by `npm run build`.
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write("ctg-suivi n'est pas encore compilé : lancez d'abord « npm run build ».\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
