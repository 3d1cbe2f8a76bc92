#!/usr/bin/env node
'use strict';
// `npm run validate`: checks manifest.xml (or the file given as argument) against Microsoft's add-in manifest
// schemas with xmllint, offline. `office-addin-manifest validate` needs an online service, hence this script.
// The schemas live outside the project: $CTG_SHARED_DIR/manifest-xsd, else ../shared/manifest-xsd.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..');

function schemaPath() {
  const shared = process.env.CTG_SHARED_DIR || path.join(repoRoot, '..', 'shared');
  return path.join(shared, 'manifest-xsd', 'OfficeAppManifestV1_1.xsd');
}

function fail(message) {
  console.error(`Manifeste non valide : ${message}`);
  process.exit(1);
}

const manifest = path.resolve(process.argv[2] || path.join(repoRoot, 'manifest.xml'));
const schema = schemaPath();
if (!fs.existsSync(manifest)) fail(`fichier introuvable (${manifest}).`);
if (!fs.existsSync(schema)) {
  fail(`schéma introuvable (${schema}). Indiquez le dossier partagé avec la variable CTG_SHARED_DIR.`);
}

const run = spawnSync('xmllint', ['--noout', '--schema', schema, manifest], { encoding: 'utf8' });
if (run.error) fail(`xmllint ne peut pas être lancé (${run.error.message}). Installez le paquet libxml2-utils.`);
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  fail(`${path.relative(repoRoot, manifest)} ne respecte pas le schéma des compléments Office (voir ci-dessus).`);
}
console.log(
  `Manifeste valide : ${path.relative(repoRoot, manifest) || manifest} respecte le schéma des compléments Office.`,
);
