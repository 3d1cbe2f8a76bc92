export type MessageParams = Record<string, string | number | string[] | number[] | null | undefined>;

/**
 * Who reads a message: a person at the command line or in the task pane. Where the two do a thing differently (an
 * option of a command, a button or a field of the pane), a template says it the reader's way, naming only what that
 * reader has; the other templates ignore it.
 */
export type MessageSurface = 'command-line' | 'task-pane';

export type MessageTemplate = (params: MessageParams, surface: MessageSurface) => string;
