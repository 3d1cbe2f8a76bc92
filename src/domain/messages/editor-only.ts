import type { MessageReader } from './types';

/**
 * A part of a message for the workbook's own user only (`MessageReader`): an undo (Ctrl+Z) of a change just made,
 * while the workbook is open. The Caf consolidating the territory's file made none, and has it closed: nothing.
 */
export const editorOnly = (reader: MessageReader, text: string): string => (reader === 'editor' ? text : '');
