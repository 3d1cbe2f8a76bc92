/**
 * The one place the task pane waits for Office.js. Outside Office there is either no `Office` global (office.js
 * not loaded: an end-to-end test, no network) or Office.onReady resolves with no host (a plain browser): the pane
 * then starts at once, without a workbook.
 */
export async function whenOfficeReady(): Promise<{ host: Office.HostType | null }> {
  if (typeof Office === 'undefined') return { host: null };
  const info = await Office.onReady();
  return { host: info.host ?? null };
}
