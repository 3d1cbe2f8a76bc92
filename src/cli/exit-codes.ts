/** docs/WORKBOOK.md, « Command line »: the same three codes for every command. */
export const EXIT_DONE = 0;
/** Done, but with errors, conflicts or rejected rows/files. */
export const EXIT_DONE_WITH_ERRORS = 1;
/** Unreadable input or wrong usage. */
export const EXIT_UNUSABLE = 2;
