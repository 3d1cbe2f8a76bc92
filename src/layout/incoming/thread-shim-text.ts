/**
 * Excel keeps, beside each threaded comment (Excel 365's « Nouveau commentaire »), a note for the programs that read
 * no thread: a notice in the user's language ending with a fixed link, then each message under a label
 * (« Comment: », « Reply: », translated), indented. A file's reader gets that note only: its messages are what the
 * person wrote, the notice is not. The link is the one part every language shares.
 */
const SHIM_LINK = 'go.microsoft.com/fwlink/?linkid=870924';

/** A label line (« Comment: », « Commentaire : »), unindented, before each message's indented lines. */
const LABEL = /^\S.*\s?:$/;

/** The messages of such a note joined by « — », as a thread's are (`cellNoteText`); any other note as it is. */
export function threadShimMessages(text: string): string {
  const at = text.indexOf(SHIM_LINK);
  if (at < 0) return text;
  const lines = text
    .slice(at + SHIM_LINK.length)
    .split(/\r?\n/)
    .slice(1);
  const messages: string[][] = [];
  for (const line of lines) {
    if (LABEL.test(line)) messages.push([]);
    else if (messages.length > 0 && line.trim() !== '') messages[messages.length - 1].push(line.replace(/^ {4}/, ''));
  }
  const joined = messages.map((message) => message.join('\n').trim()).filter((message) => message !== '');
  return joined.length > 0 ? joined.join(' \u2014 ') : text;
}
