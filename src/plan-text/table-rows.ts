import { figuresOfRow, namesFigure, type CriterionFigures, type CellLeft } from './criterion-figures';
import { WHEN_CELL, firstRowKind } from './table-header';
import { bulletText, type SourceLine } from './text-lines';

/**
 * Rows of a table written in a fiche's list (criteria with their baseline and target): a Word table exported with a
 * tab between cells, or a text table with « | » between them (« | Indicateur | Cible | »), read with tabs.
 */

/**
 * The cells of a line written as a table's row, null when it is none: at least two cells hold text. A text table's
 * row between « | » comes with tabs too (src/plan-text/text-lines.ts).
 */
export function tableCells(line: Pick<SourceLine, 'raw'>): string[] | null {
  if (!line.raw.includes('\t')) return null;
  const cells = cellsOf(line);
  return cells.filter((cell) => cell !== '').length >= 2 ? cells : null;
}

const cellsOf = (line: Pick<SourceLine, 'raw'>): string[] =>
  line.raw.split('\t').map((cell) => cell.replace(/\s+/g, ' ').trim());

/**
 * The cells of a line right under a table's row (`above`, a list's line) whose criterion cell alone holds text
 * (« Nombre de séances⇥⇥ »): a row of that table, its figures left empty, not text going on with the row above.
 */
export function rowUnderRow(line: Pick<SourceLine, 'raw'>, above: { cells?: string[] } | undefined): string[] | null {
  if (!above?.cells || !line.raw.includes('\t')) return null;
  const cells = cellsOf(line);
  // A leading empty cell is the label column of a fiche exported from a Word table (`tableRowsAsItems`).
  return (cells[0] === '' ? cells[1] : cells[0]) ? cells : null;
}

/**
 * A header's second line (« Référence⇥Cible » over « ⇥2023⇥2027 », the criterion column's cell merged): its cells
 * are empty, words, or the year or date of the figure named above them (« (2023) », « fin 2027 », « au
 * 31/12/2023 »), one at least a year.
 */
const completesHeader = (cells: string[]): boolean =>
  cells.some((cell) => WHEN_CELL.test(cell)) && cells.every((cell) => !/\d/.test(cell) || WHEN_CELL.test(cell));

/**
 * A header's cells, without the label column of a fiche exported from a Word table. A header whose first cell is
 * empty over rows whose first is not, as many cells as it or a figure's name next (« ⇥Référence 2023⇥Cible 2027 »
 * over « Nombre de places⇥310⇥430 »), has no label column: that is the criterion column's header, left empty.
 */
function headerCells(cells: string[], rows: readonly { cells?: string[] }[]): string[] {
  if (cells[0] !== '') return cells;
  const ownColumn =
    namesFigure(cells[1] ?? '') || rows.some((row) => row.cells![0] !== '' && row.cells!.length >= cells.length);
  return ownColumn ? cells : cells.slice(1);
}

/** A cell of a row left to the officer (`figuresOfRow`), with the row's criterion as written. */
export type CellLeftInRow = CellLeft & { criterion: string };

/**
 * The lines of a list, each run of table rows made items: the first row of a run of two or more is its header when
 * its words say so (`firstRowKind`), or when nothing tells it from a criterion (then given to `onHeaderAssumed`, to
 * be said), else the first of its rows; each row below a header a bulleted item « first cell (header : cell ; …) »,
 * empty cells left out, with the Référence and Cible its header names and the cells left to the officer
 * (`figuresOfRow`); a lone row is its first cell, the others in brackets. Other lines are left as they are.
 */
export function tableRowsAsItems<
  T extends { text: string; cells?: string[]; figures?: CriterionFigures; cellsLeft?: CellLeftInRow[] },
>(content: T[], onHeaderAssumed: (row: T) => void): T[] {
  const items: T[] = [];
  for (let i = 0; i < content.length; i++) {
    if (!content[i].cells) {
      items.push(content[i]);
      continue;
    }
    let end = i;
    while (end < content.length && content[end].cells) end++;
    const rows = content.slice(i, end);
    // A leading empty cell is the label column of a fiche exported from a Word table: no cell of the table's.
    const withoutLabel = (cells: string[]) => cells.slice(cells[0] === '' ? 1 : 0);
    // A header is told by its words: a table written without one begins with a criterion.
    const first = rows.length > 1 ? firstRowKind(rows[0].cells!) : 'row';
    if (first === 'unknown') onHeaderAssumed(rows[0]);
    let header = first === 'row' ? [] : headerCells(rows.shift()!.cells!, rows);
    let underHeader = header.length > 0;
    for (const row of rows) {
      // A row of as many cells as the header whose first is empty has no label column: its criterion cell is empty.
      const cells = row.cells![0] === '' && row.cells!.length !== header.length ? row.cells!.slice(1) : row.cells!;
      if (cells[0] === '' && underHeader && completesHeader(cells)) {
        const width = Math.max(header.length, cells.length);
        header = Array.from({ length: width }, (_, k) => [header[k], cells[k]].filter(Boolean).join(' '));
        continue;
      }
      underHeader = false;
      // A row whose criterion cell is empty otherwise is read as it was, named by its first cell, without figures:
      // its cells may go on with the row above, under columns it cannot be said to fill.
      const [first, ...others] = cells[0] === '' ? withoutLabel(row.cells!) : cells;
      const values = others.flatMap((cell, k) => (cell ? [header[k + 1] ? `${header[k + 1]} : ${cell}` : cell] : []));
      const name = bulletText(first) ?? first;
      const text = values.length > 0 ? `${name} (${values.join(' ; ')})`.trim() : name;
      const { figures, cellsLeft } =
        cells[0] === '' ? { figures: {}, cellsLeft: [] } : figuresOfRow(header.slice(1), others);
      items.push({
        ...row,
        text: `- ${text}`,
        cells: undefined,
        ...(Object.keys(figures).length > 0 ? { figures } : {}),
        ...(cellsLeft.length > 0 ? { cellsLeft: cellsLeft.map((cell) => ({ ...cell, criterion: name })) } : {}),
      });
    }
    i = end - 1;
  }
  return items;
}
