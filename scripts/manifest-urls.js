'use strict';
// The manifest is written for the development server (https://localhost:3000/). For an organisation's
// deployment the build copies it with every such URL moved to the address where dist/taskpane/ is hosted.

const DEV_ORIGIN = 'https://localhost:3000';

/** `https://host/path` → `https://host/path/`; anything but an absolute https URL is refused (Office needs https). */
function normaliseBaseUrl(baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`baseUrl n’est pas une adresse valide\u00a0: «\u00a0${baseUrl}\u00a0».`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`baseUrl doit commencer par https:// (reçu «\u00a0${baseUrl}\u00a0»).`);
  if (url.search || url.hash)
    throw new Error(`baseUrl ne doit contenir ni «\u00a0?\u00a0» ni «\u00a0#\u00a0» (reçu «\u00a0${baseUrl}\u00a0»).`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest text with the development URLs replaced: files under baseUrl, the app domain by its origin. */
function rewriteManifestUrls(manifestXml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  return manifestXml.split(`${DEV_ORIGIN}/`).join(base).split(DEV_ORIGIN).join(new URL(base).origin);
}

module.exports = { DEV_ORIGIN, normaliseBaseUrl, rewriteManifestUrls };
