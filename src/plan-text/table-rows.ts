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
  const cells = line.raw.split('\t').map((cell) => cell.replace(/\s+/g, ' ').trim());
  return cells.filter((cell) => cell !== '').length >= 2 ? cells : null;
}

/**
 * The lines of a list, each run of table rows made items: the first row of a run of two or more is its header, each
 * row below a bulleted item « first cell (header : cell ; …) », empty cells left out; a lone row is its first cell,
 * the others in brackets. Other lines are left as they are.
 */
export function tableRowsAsItems<T extends { text: string; cells?: string[] }>(content: T[]): T[] {
  const items: T[] = [];
  for (let i = 0; i < content.length; i++) {
    if (!content[i].cells) {
      items.push(content[i]);
      continue;
    }
    let end = i;
    while (end < content.length && content[end].cells) end++;
    // A leading empty cell is the label column of a fiche exported from a Word table: no cell of the table's.
    const rows = content
      .slice(i, end)
      .map((line) => ({ ...line, cells: line.cells!.slice(line.cells![0] === '' ? 1 : 0) }));
    const header = rows.length > 1 ? rows.shift()!.cells : [];
    for (const row of rows) {
      const [first, ...others] = row.cells;
      const values = others.flatMap((cell, k) => (cell ? [header[k + 1] ? `${header[k + 1]} : ${cell}` : cell] : []));
      const name = bulletText(first) ?? first;
      const text = values.length > 0 ? `${name} (${values.join(' ; ')})`.trim() : name;
      items.push({ ...row, text: `- ${text}`, cells: undefined });
    }
    i = end - 1;
  }
  return items;
}
