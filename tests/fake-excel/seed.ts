import { parseAddress } from './a1';
import { interpretInput } from './cell-input';
import { WorkbookModel } from './model';

/**
 * Direct set-up of the fake workbook for a test (a sheet as a user left it), without proxies and without counting
 * syncs. Entries follow the same typing rules as `range.values`.
 */
export class FakeWorkbookSeeder {
  constructor(private readonly model: WorkbookModel) {}

  /** Creates the sheet if needed and writes `rows` from `topLeft` (default A1). */
  sheet(name: string, rows: unknown[][] = [], topLeft = 'A1'): this {
    const sheet = this.model.sheetByName(name) ?? this.model.addSheet(name);
    const start = parseAddress(topLeft);
    if (!start) throw new Error(`Bad address ${topLeft}`);
    rows.forEach((line, i) =>
      line.forEach((input, j) => {
        const r = start.rect.row + i;
        const c = start.rect.column + j;
        const stored = interpretInput(input, sheet.formats.get(r, c, 'numberFormat'), 'seed');
        if (stored !== undefined) sheet.setCell(r, c, stored);
      }),
    );
    this.model.engine.invalidate();
    return this;
  }

  numberFormat(name: string, address: string, format: string): this {
    const parsed = parseAddress(address);
    const sheet = this.model.sheetByName(name);
    if (!parsed || !sheet) throw new Error(`Bad target ${name}!${address}`);
    sheet.formats.setRect(parsed.rect, 'numberFormat', format);
    return this;
  }

  name(name: string, formula: string): this {
    this.model.names.push({ name, formula, comment: '', visible: true });
    this.model.engine.invalidate();
    return this;
  }

  visibility(name: string, visibility: 'Visible' | 'Hidden' | 'VeryHidden'): this {
    const sheet = this.model.sheetByName(name);
    if (!sheet) throw new Error(`No sheet ${name}`);
    sheet.visibility = visibility;
    return this;
  }

  /**
   * Cells a person merged (Excel's « Fusionner et centrer »), what they hold left as it is: Excel empties all but the
   * first, a file saved by LibreOffice may have kept them.
   */
  merge(name: string, address: string): this {
    const parsed = parseAddress(address);
    const sheet = this.model.sheetByName(name);
    if (!parsed || !sheet) throw new Error(`Bad target ${name}!${address}`);
    sheet.merges.push(parsed.rect);
    return this;
  }

  /** A note a person attached to a cell (Excel's « Nouvelle note »). */
  note(name: string, address: string, content: string): this {
    const { sheet, row, column } = this.cell(name, address);
    sheet.notes.push({ row, column, content });
    return this;
  }

  /** The text of the note on a cell changed, as a person edits it (« Modifier la note »). */
  noteText(name: string, address: string, content: string): this {
    const { sheet, row, column } = this.cell(name, address);
    const note = sheet.notes.find((entry) => entry.row === row && entry.column === column);
    if (!note) throw new Error(`No note on ${name}!${address}`);
    note.content = content;
    return this;
  }

  /** A threaded comment a person started on a cell (« Nouveau commentaire »), with its replies. */
  comment(name: string, address: string, content: string, replies: string[] = []): this {
    const { sheet, row, column } = this.cell(name, address);
    const reply = (text: string) => ({ id: this.model.newObjectId('reply'), content: text });
    sheet.comments.push({ id: this.model.newObjectId('comment'), row, column, content, replies: replies.map(reply) });
    return this;
  }

  /** A reply a person adds to the thread on a cell (« Répondre »). */
  reply(name: string, address: string, content: string): this {
    this.threadOn(name, address).replies.push({ id: this.model.newObjectId('reply'), content });
    return this;
  }

  /** The text of a reply of the thread on a cell changed, as a person edits it. */
  replyText(name: string, address: string, index: number, content: string): this {
    const reply = this.threadOn(name, address).replies[index];
    if (!reply) throw new Error(`No reply ${index} on ${name}!${address}`);
    reply.content = content;
    return this;
  }

  private threadOn(name: string, address: string) {
    const { sheet, row, column } = this.cell(name, address);
    const thread = sheet.comments.find((entry) => entry.row === row && entry.column === column);
    if (!thread) throw new Error(`No comment on ${name}!${address}`);
    return thread;
  }

  private cell(name: string, address: string) {
    const parsed = parseAddress(address);
    const sheet = this.model.sheetByName(name);
    if (!parsed || !sheet) throw new Error(`Bad target ${name}!${address}`);
    return { sheet, row: parsed.rect.row, column: parsed.rect.column };
  }

  removeSheet(name: string): this {
    const sheet = this.model.sheetByName(name);
    if (sheet) this.model.removeSheet(sheet);
    return this;
  }
}
