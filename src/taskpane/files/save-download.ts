/** The type a browser needs to name and open an .xlsx download. */
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How long the Blob URL of a download stays valid: some browsers start reading it after the click returns. */
const URL_LIFETIME_MS = 60_000;

/**
 * Offers bytes as a named download: a Blob URL on a link with `download`, clicked. Where the webview ignores it
 * (Excel for Mac), nothing happens and nothing says so: the pane asks src/excel beforehand (`downloadsBlocked`).
 */
export function saveAsDownload(name: string, bytes: Uint8Array, document: Document = window.document): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  }
}
