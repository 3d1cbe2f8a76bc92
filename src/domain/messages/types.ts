export type MessageParams = Record<string, string | number | string[] | number[] | null | undefined>;

/**
 * Who reads a message: a person at the command line or in the task pane. Where the two do a thing differently (an
 * option of a command, a button or a field of the pane), a template says it the reader's way, naming only what that
 * reader has; the other templates ignore it.
 */
export type MessageSurface = 'command-line' | 'task-pane';

/**
 * Whose workbook it is to the reader: `editor`, the person who works in it, who may have just made the change told
 * and can undo it (Ctrl+Z) while it is open; `consolidator`, the Caf officer consolidating the territories' files, who
 * made none of their changes and has them closed: a template offering an undo says the rest only, and the
 * consolidation tells the Caf that the territory corrects its workbook (src/domain/messages/consolidation.ts).
 */
export type MessageReader = 'editor' | 'consolidator';

export type MessageTemplate = (params: MessageParams, surface: MessageSurface, reader: MessageReader) => string;
