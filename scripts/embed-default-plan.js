#!/usr/bin/env node
'use strict';
// Rewrites src/app/embedded-plan.json from the Monts du Pilat convention text, with the warnings its reading
// gives. Run `npm run embed-plan` after a change to the parser; a test checks that the two agree.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const { parseConvention } = require(path.join(root, 'dist', 'node', 'plan-text'));
const source = path.join(root, 'tests', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt');
const result = parseConvention(fs.readFileSync(source, 'utf8'));
if (!result.ok) {
  process.stderr.write(`La convention intégrée ne se lit pas : ${result.error.code}\n`);
  process.exit(2);
}
const target = path.join(root, 'src', 'app', 'embedded-plan.json');
fs.writeFileSync(target, `${JSON.stringify({ plan: result.plan, warnings: result.warnings }, null, 2)}\n`);
process.stdout.write(`${path.relative(root, target)} écrit : ${result.plan.axes.length} axes.\n`);
