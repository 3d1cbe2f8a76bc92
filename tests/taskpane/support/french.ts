/**
 * A pane text as the pane shows it, written in a test the way it reads: non-breaking spaces before « : ; ? ! % »
 * and inside « », quarter labels with a non-breaking hyphen (src/taskpane/texts.ts).
 */
export function fr(text: string): string {
  return text
    .replace(/ ([:;?!%»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
    .replace(/\b(\d{4})-(T[1-4])\b/g, '$1\u2011$2');
}

/**
 * The same text as Testing Library's text queries see it (ByText; accessible names keep them): they collapse every white space, non-breaking ones included,
 * into a plain space, so only the quarter's non-breaking hyphen remains to write.
 */
export function frQuery(text: string): string {
  return text.replace(/\b(\d{4})-(T[1-4])\b/g, '$1\u2011$2');
}

/**
 * A text made by the application (a rendered message, with its non-breaking spaces) as Testing Library's text queries
 * see the page: every white space collapsed into a plain space.
 */
export function queried(text: string): string {
  return text.replace(/\s+/g, ' ');
}
