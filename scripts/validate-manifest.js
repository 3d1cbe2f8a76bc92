#!/usr/bin/env node
'use strict';
// `npm run validate`: checks manifest.xml (or the file given as argument) against Microsoft's add-in manifest
// schemas with xmllint, offline. `office-addin-manifest validate` needs an online service, hence this script.
// The schemas are the project's copy in schemas/manifest (its README says where they come from and what was fixed).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..');

const schema = path.join(repoRoot, 'schemas', 'manifest', 'OfficeAppManifestV1_1.xsd');

function fail(message) {
  console.error(`Manifeste non valide : ${message}`);
  process.exit(1);
}

const manifest = path.resolve(process.argv[2] || path.join(repoRoot, 'manifest.xml'));
if (!fs.existsSync(manifest)) fail(`fichier introuvable (${manifest}).`);
if (!fs.existsSync(schema)) fail(`schéma introuvable (${schema}) : le dossier schemas/manifest manque au dépôt.`);

const run = spawnSync('xmllint', ['--noout', '--schema', schema, manifest], { encoding: 'utf8' });
if (run.error) fail(`xmllint ne peut pas être lancé (${run.error.message}). Installez le paquet libxml2-utils.`);
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  fail(`${path.relative(repoRoot, manifest)} ne respecte pas le schéma des compléments Office (voir ci-dessus).`);
}
console.log(
  `Manifeste valide : ${path.relative(repoRoot, manifest) || manifest} respecte le schéma des compléments Office.`,
);
