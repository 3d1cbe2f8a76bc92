#!/usr/bin/env node
'use strict';
// The command line is compiled to dist/node by `npm run build`.
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('ctg-suivi n’est pas encore compilé\u00a0: lancez d’abord «\u00a0npm run build\u00a0».\n');
  process.exit(2);
}
warnIfStale(entry);
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

/**
 * A change to the sources without `npm run build` would run the old code without a word: said on stderr. Only the
 * sources the command line is compiled from count (tsconfig.cli.json), and only in a checkout that has them.
 */
function warnIfStale(built) {
  const sources = path.join(__dirname, '..', 'src');
  if (!fs.existsSync(sources)) return;
  const builtAt = fs.statSync(built).mtimeMs;
  const newer = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const where = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name !== 'taskpane' && entry.name !== 'excel' && newer(where);
      return /\.(ts|json)$/.test(entry.name) && fs.statSync(where).mtimeMs > builtAt;
    });
  if (newer(sources)) {
    process.stderr.write(
      'Attention\u00a0: les sources (src/) ont changé depuis la dernière compilation de ctg-suivi, qui lance donc ' +
        'l’ancien code. Relancez «\u00a0npm run build\u00a0».\n',
    );
  }
}
