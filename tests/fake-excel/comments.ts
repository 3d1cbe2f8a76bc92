import { formatRect, parseAddress, type Rect } from './a1';
import { FakeRequestContext } from './context';
import { FakeErrorCodes, officeError, type FakeErrorCode } from './errors';
import type { CommentEntry, NoteEntry, SheetModel } from './model';
import { FakeClientObject, FakeCollection, defineProxyProperties } from './proxy';
import { FakeRange, SheetHandle } from './range';

/**
 * A sheet's threaded comments (`Worksheet.comments`, ExcelApi 1.10) and notes (`Worksheet.notes`, ExcelApi 1.18):
 * each belongs to one cell of its sheet, so deleting the sheet deletes them (_docs_: « Notes are tied to an
 * individual cell »). A cell holds one comment or one note, not both (Excel's own rule: a cell with a note offers no
 * new comment, and the reverse); adding a second is refused with InvalidOperation, the fake's reading, as is adding
 * one on a protected sheet whose protection does not allow editing objects (AccessDenied).
 */

const notFound = (what: string) =>
  officeError(FakeErrorCodes.itemNotFound, `The requested resource doesn't exist. (${what})`);

/** The one cell `cellAddress` names on `sheet` (a Range, or an address), or the error Excel gives (`code`). */
function cellOf(
  sheet: SheetModel,
  cellAddress: FakeRange | string,
  code: FakeErrorCode,
  sheetRequired: boolean,
): { row: number; column: number } {
  let rect: Rect | null = null;
  if (typeof cellAddress === 'string') {
    const parsed = parseAddress(cellAddress);
    const sameSheet =
      parsed?.sheet === undefined ? !sheetRequired : parsed.sheet.toLowerCase() === sheet.name.toLowerCase();
    rect = parsed && sameSheet ? parsed.rect : null;
  } else {
    const target = cellAddress.target();
    rect = target.sheet === sheet ? target.rect : null;
  }
  if (!rect || rect.rowCount !== 1 || rect.columnCount !== 1)
    throw officeError(code, `The address is not a single cell of ${sheet.name}.`);
  return { row: rect.row, column: rect.column };
}

function assertCellFree(sheet: SheetModel, row: number, column: number): void {
  const at = (entry: { row: number; column: number }) => entry.row === row && entry.column === column;
  if (sheet.comments.some(at) || sheet.notes.some(at))
    throw officeError(
      FakeErrorCodes.invalidOperation,
      `${sheet.name} ${formatRect({ row, column, rowCount: 1, columnCount: 1 })} already has a comment or a note.`,
    );
  if (sheet.protection.protected && sheet.protection.options.allowEditObjects !== true)
    throw officeError(FakeErrorCodes.accessDenied, `The sheet ${sheet.name} is protected.`);
}

/** The cell of a comment or a note, as a Range (`getLocation()`). */
function locationOf(
  context: FakeRequestContext,
  sheet: SheetHandle,
  cell: () => { row: number; column: number },
): FakeRange {
  return new FakeRange(context, sheet, () => {
    const { row, column } = cell();
    return { row, column, rowCount: 1, columnCount: 1 };
  });
}

/** `Excel.CommentReply`: its content. */
export class FakeCommentReply extends FakeClientObject {
  protected readonly typeName = 'CommentReply';
  protected readonly scalarProperties = ['id', 'content'];
  declare readonly id: string;
  declare content: string;

  constructor(
    context: FakeRequestContext,
    private readonly comment: () => CommentEntry,
    private readonly replyId: string,
  ) {
    super(context);
  }

  private entry() {
    const found = this.comment().replies.find((reply) => reply.id === this.replyId);
    if (!found) throw notFound('comment reply');
    return found;
  }

  protected override instantiate(): void {
    this.entry();
  }

  protected readProperty(name: string): unknown {
    return name === 'id' ? this.replyId : this.entry().content;
  }

  protected override writeProperty(_name: string, value: unknown): void {
    this.entry().content = String(value);
  }
}
defineProxyProperties(FakeCommentReply, { id: {}, content: { writable: true } });

/** `Excel.CommentReplyCollection`: a comment's replies, in order; `add(content)` appends one. */
export class FakeCommentReplyCollection extends FakeCollection<FakeCommentReply> {
  protected readonly typeName = 'CommentReplyCollection';

  constructor(
    context: FakeRequestContext,
    private readonly comment: () => CommentEntry,
  ) {
    super(context);
  }

  protected override instantiate(): void {
    this.comment();
  }

  protected itemKeys(): unknown[] {
    return this.comment().replies.map((reply) => reply.id);
  }

  protected itemProxy(key: unknown): FakeCommentReply {
    return new FakeCommentReply(this.context, this.comment, String(key));
  }

  add(content: string): FakeCommentReply {
    const id = this.context.env.model.newObjectId('reply');
    this.queueCall('add', [content], () => {
      this.comment().replies.push({ id, content: String(content) });
    });
    return new FakeCommentReply(this.context, this.comment, id);
  }
}

const byId = (id: string) => (sheet: SheetModel) => sheet.comments.find((comment) => comment.id === id);

/** `Excel.Comment`: a thread on one cell; `content`, `replies`, `getLocation()`, `delete()`. */
export class FakeComment extends FakeClientObject {
  protected readonly typeName = 'Comment';
  protected readonly scalarProperties = ['id', 'content'];
  declare readonly id: string;
  declare content: string;
  private lazy_replies?: FakeCommentReplyCollection;
  get replies(): FakeCommentReplyCollection {
    return (this.lazy_replies ??= new FakeCommentReplyCollection(this.context, () => this.entry()));
  }

  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
    private readonly find: (sheet: SheetModel) => CommentEntry | undefined,
  ) {
    super(context);
  }

  entry(): CommentEntry {
    const found = this.find(this.sheet.resolveSheet());
    if (!found) throw notFound('comment');
    return found;
  }

  protected override instantiate(): void {
    this.entry();
  }

  protected override navigationProperty(name: string): FakeClientObject | undefined {
    return name === 'replies' ? this.replies : undefined;
  }

  protected readProperty(name: string): unknown {
    const entry = this.entry();
    return name === 'id' ? entry.id : entry.content;
  }

  protected override writeProperty(_name: string, value: unknown): void {
    this.entry().content = String(value);
  }

  getLocation(): FakeRange {
    return locationOf(this.context, this.sheet, () => this.entry());
  }

  delete(): void {
    this.queueCall('delete', [], () => {
      const comments = this.sheet.resolveSheet().comments;
      comments.splice(comments.indexOf(this.entry()), 1);
    });
  }
}
defineProxyProperties(FakeComment, { id: {}, content: { writable: true } });

/** `Excel.CommentCollection` of a worksheet: `add(cellAddress, content)`, `getItemByCell`, `items`, `getCount`. */
export class FakeCommentCollection extends FakeCollection<FakeComment> {
  protected readonly typeName = 'CommentCollection';

  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
  ) {
    super(context);
  }

  protected override instantiate(): void {
    this.sheet.resolveSheet();
  }

  protected itemKeys(): unknown[] {
    return this.sheet.resolveSheet().comments.map((comment) => comment.id);
  }

  protected itemProxy(key: unknown): FakeComment {
    return new FakeComment(this.context, this.sheet, byId(String(key)));
  }

  /** _docs_: a string « must contain the full address, including the sheet name »; one cell, else InvalidArgument. */
  add(cellAddress: FakeRange | string, content: string): FakeComment {
    const id = this.context.env.model.newObjectId('comment');
    this.queueCall('add', [typeof cellAddress === 'string' ? cellAddress : '(range)', content], () => {
      const sheet = this.sheet.resolveSheet();
      const { row, column } = cellOf(sheet, cellAddress, FakeErrorCodes.invalidArgument, true);
      assertCellFree(sheet, row, column);
      sheet.comments.push({ id, row, column, content: String(content), replies: [] });
    });
    return new FakeComment(this.context, this.sheet, byId(id));
  }

  getItemByCell(cellAddress: FakeRange | string): FakeComment {
    return new FakeComment(this.context, this.sheet, (sheet) => {
      const { row, column } = cellOf(sheet, cellAddress, FakeErrorCodes.invalidArgument, true);
      return sheet.comments.find((entry) => entry.row === row && entry.column === column);
    });
  }
}

/** `Excel.Note`: `content`, `getLocation()`, `delete()`. */
export class FakeNote extends FakeClientObject {
  protected readonly typeName = 'Note';
  protected readonly scalarProperties = ['content'];
  declare content: string;

  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
    private readonly find: (sheet: SheetModel) => NoteEntry | undefined,
    orNull = false,
  ) {
    super(context);
    if (orNull) this.checkNullAtSync();
  }

  private entry(): NoteEntry {
    const found = this.find(this.sheet.resolveSheet());
    if (!found) throw notFound('note');
    return found;
  }

  protected override instantiate(): void {
    this.entry();
  }

  protected override isMissing(): boolean {
    return !this.find(this.sheet.resolveSheet());
  }

  protected readProperty(): unknown {
    return this.entry().content;
  }

  protected override writeProperty(_name: string, value: unknown): void {
    this.entry().content = String(value);
  }

  getLocation(): FakeRange {
    return locationOf(this.context, this.sheet, () => this.entry());
  }

  delete(): void {
    this.queueCall('delete', [], () => {
      const notes = this.sheet.resolveSheet().notes;
      notes.splice(notes.indexOf(this.entry()), 1);
    });
  }
}
defineProxyProperties(FakeNote, { content: { writable: true } });

/**
 * `Excel.NoteCollection` of a worksheet: `add(cellAddress, content)` (_docs_: a Range or a string such as « A1 »;
 * not a single cell → InvalidCellAddress), `getItem(cellAddress)`, `getItemOrNullObject`, `items`, `getCount`.
 */
export class FakeNoteCollection extends FakeCollection<FakeNote> {
  protected readonly typeName = 'NoteCollection';

  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
  ) {
    super(context);
  }

  protected override instantiate(): void {
    this.sheet.resolveSheet();
  }

  protected itemKeys(): unknown[] {
    return [...this.sheet.resolveSheet().notes];
  }

  protected itemProxy(key: unknown): FakeNote {
    return new FakeNote(this.context, this.sheet, (sheet) => sheet.notes.find((entry) => entry === key));
  }

  add(cellAddress: FakeRange | string, content: string): FakeNote {
    let added: NoteEntry | undefined;
    this.queueCall('add', [typeof cellAddress === 'string' ? cellAddress : '(range)', content], () => {
      const sheet = this.sheet.resolveSheet();
      const { row, column } = cellOf(sheet, cellAddress, FakeErrorCodes.invalidCellAddress, false);
      assertCellFree(sheet, row, column);
      added = { row, column, content: String(content) };
      sheet.notes.push(added);
    });
    return new FakeNote(this.context, this.sheet, (sheet) => sheet.notes.find((entry) => entry === added));
  }

  getItem(key: string): FakeNote {
    return new FakeNote(this.context, this.sheet, (sheet) => this.at(sheet, key));
  }

  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, this.sheet, (sheet) => this.at(sheet, key), true);
  }

  private at(sheet: SheetModel, key: string): NoteEntry | undefined {
    const { row, column } = cellOf(sheet, key, FakeErrorCodes.invalidCellAddress, false);
    return sheet.notes.find((entry) => entry.row === row && entry.column === column);
  }
}
