/** Captures what « Enregistrer » hands the browser: the Blob behind the URL and the link's download name. */
export function watchDownloads() {
  const blobs = new Map<string, Blob>();
  const clicks: { name: string; url: string }[] = [];
  let next = 0;
  const { createObjectURL } = URL;
  URL.createObjectURL = jest.fn((blob: Blob) => {
    const url = `blob:pane/${(next += 1)}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = jest.fn();
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ name: this.download, url: this.getAttribute('href') ?? '' });
  });
  const restore = () => {
    click.mockRestore();
    // The cases that follow in this window find createObjectURL as it was (jsdom has none). revokeObjectURL stays a
    // no-op: the pane revokes the URL a minute after the download (save-download.ts), possibly during a later case.
    Object.assign(URL, { createObjectURL });
  };
  return { blobs, clicks, restore };
}
