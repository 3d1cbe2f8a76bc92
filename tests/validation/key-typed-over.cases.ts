import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage, type Issue } from '../../src/domain/issues';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { copyOf, filePort, locate, put, roundTrip, sheet, typeInto, valueAt } from '../rewrite/helpers';
import { keysOf } from '../rewrite/sort-table';

/**
 * A key cell typed over with another row's key: the row is still its own criterion (its title and values are its
 * own), not a copy of the other. Deleting it, or carrying its values into the other row, would lose them for good:
 * the check says to type its key back, and never to delete it.
 */

const today = new Date('2026-05-10T09:00:00Z');
const keyCodes = new Set(['empty-key', 'key-changed', 'duplicate-key', 'missing-row', 'unknown-key']);

/**
 * The sample plan with G2-QN2 worded as G1-QN1, each with a value of its own in 2026-T1 (3 and 7), as written then
 * read back; `typed` is G2-QN2's 2026-T1 cell, where a test types G1-QN1's key over its row.
 */
async function criteriaWordedAlike() {
  const plan = samplePlan();
  plan.axes[0].fiches[1].criteria[1].text = plan.axes[0].fiches[0].criteria[0].text;
  const alike = await roundTrip((await buildNewWorkbook(plan, { today })).spec);
  const axis = sheet(alike, 'Axe 1');
  const own = locate(axis, 'G1-QN1', '2026-T1')!;
  const typed = locate(axis, 'G2-QN2', '2026-T1')!;
  put(axis, own.row + 1, own.column + 1, { value: 3 });
  put(axis, typed.row + 1, typed.column + 1, { value: 7 });
  return { alike, axis, typed };
}

describe('a key typed over with another row’s key', () => {
  let fresh: WorkbookGrids;

  beforeAll(async () => {
    fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
  }, 30_000);

  /** The 1-based row of a key in `Axe 1`. */
  const rowOf = (grids: WorkbookGrids, key: string) => locate(sheet(grids, 'Axe 1'), key, 'Clé')!.row + 1;

  /** Types `typed` in the key cell of `over`'s row, after `edit` (on the same grids). */
  function typedOver(over: string, typed: string, edit: (grids: WorkbookGrids) => void = () => {}) {
    const grids = copyOf(fresh);
    edit(grids);
    put(sheet(grids, 'Axe 1'), rowOf(grids, over), 1, { value: typed });
    return grids;
  }

  /** Validation's errors on these grids, in the order it gives them. */
  async function errorsOf(grids: WorkbookGrids): Promise<Issue[]> {
    const report = await validateGrids(grids, { today });
    return report.issues.filter(({ severity }) => severity === 'error');
  }

  /** The fresh workbook with the keys of `first` and `second` swapped in `sheetName`, and their 1-based rows. */
  function keysSwapped(first: string, second: string, sheetName = 'Axe 1') {
    const grids = copyOf(fresh);
    const axis = sheet(grids, sheetName);
    const [a, b] = [locate(axis, first, 'Clé')!.row + 1, locate(axis, second, 'Clé')!.row + 1];
    put(axis, a, 1, { value: second });
    put(axis, b, 1, { value: first });
    return { grids, a, b };
  }

  async function keyIssues(grids: WorkbookGrids): Promise<Issue[]> {
    const report = await validateGrids(grids, { today });
    return report.issues.filter((issue) => keyCodes.has(issue.code));
  }

  it('says to type back the key of the row whose key took the previous row’s, and nothing else', async () => {
    const grids = typedOver('G1-QN2', 'G1-QN1');
    const row = rowOf(fresh, 'G1-QN2');
    const issues = await keyIssues(grids);
    expect(issues.map(({ code, cell }) => [code, cell])).toEqual([['key-changed', `A${row}`]]);
    const message = renderIssueMessage(issues[0]);
    expect(message).toContain('Remettez «\u00a0G1-QN2\u00a0»');
    expect(message).not.toMatch(/supprim|reportez/i);
  }, 30_000);

  it('says so of the row whose key took the next row’s, the next row being that key’s own', async () => {
    const grids = typedOver('G1-QN1', 'G1-QN2');
    const issues = await keyIssues(grids);
    expect(issues.map(({ code, cell, params }) => [code, cell, params.expected])).toEqual([
      ['key-changed', `A${rowOf(fresh, 'G1-QN1')}`, 'G1-QN1'],
    ]);
  }, 30_000);

  it('tells the row by its neighbours when a row deleted above moved the rows', async () => {
    const grids = typedOver('G2-QN2', 'G2-QN1', (g) => {
      sheet(g, 'Axe 1').rows.splice(rowOf(g, 'G1-QN2') - 1, 1);
    });
    const issues = await keyIssues(grids);
    expect(issues.map(({ code, params }) => [code, params.expected ?? params.key])).toEqual(
      expect.arrayContaining([
        ['key-changed', 'G2-QN2'],
        ['missing-row', 'G1-QN2'],
      ]),
    );
    expect(issues.map(({ code }) => code)).not.toContain('duplicate-key');
  }, 30_000);

  it('never says to delete a row of another title under a key repeated, when which key it had cannot be told', async () => {
    // G2-QN2's row cut and pasted under the sheet's last row: neither its place nor its neighbours tell its key.
    const grids = typedOver('G2-QN2', 'G1-QN1', (g) => {
      const axis = sheet(g, 'Axe 1');
      const [moved] = axis.rows.splice(rowOf(g, 'G2-QN2') - 1, 1);
      axis.rows.splice(rowOf(g, 'G1-B-QL1'), 0, moved);
    });
    const issues = await keyIssues(grids);
    const duplicate = issues.find((issue) => issue.code === 'duplicate-key');
    expect(duplicate?.cell).toBe(`A${rowOf(fresh, 'G1-B-QL1')}`);
    const message = renderIssueMessage(duplicate!);
    expect(message).not.toMatch(/Supprimez|reportez/);
    expect(message).toContain('autre intitulé');
    expect(message).toMatch(/Ne la supprimez pas/);
    expect(issues.map(({ code, params }) => [code, params.key])).toContainEqual(['missing-row', 'G2-QN2']);
  }, 30_000);

  it.each([
    ['a fiche row', 'G2', 'G1-QL1'],
    ['a criterion row', 'G2-QN1', 'G2'],
  ])(
    'says nothing else of %s typed over with a key of another type: its cells and place are its own',
    async (_, over, typed) => {
      const grids = typedOver(over, typed);
      const errors = await errorsOf(grids);
      expect(errors.map(({ code, cell, params }) => [code, cell, params.expected])).toEqual([
        ['key-changed', `A${rowOf(fresh, over)}`, over],
      ]);
    },
    30_000,
  );

  it('says to type back the key of a row typed over with a criterion’s of the same title, never to delete it', async () => {
    // Two criteria of two fiches worded alike: G2-QN2's row, with a value of its own, takes G1-QN1's key.
    const { alike, axis, typed } = await criteriaWordedAlike();
    put(axis, typed.row + 1, 1, { value: 'G1-QN1' });
    const issues = await keyIssues(alike);
    expect(issues.map(({ code, cell, params }) => [code, cell, params.expected])).toEqual([
      ['key-changed', `A${typed.row + 1}`, 'G2-QN2'],
    ]);
    expect(renderIssueMessage(issues[0])).not.toMatch(/supprim|reportez/i);
  }, 30_000);

  // Each row keeps its title and values under the other's key: its values would be filed under the other criterion.
  it.each([
    ['two criteria of a fiche', 'G1-QN1', 'G1-QN2'],
    ['two criteria of two fiches', 'G1-QN2', 'G2-QN1'],
  ])(
    'says of %s whose keys were swapped to put each key back, naming both cells',
    async (_, first, second) => {
      const { grids, a, b } = keysSwapped(first, second);
      const errors = await errorsOf(grids);
      expect(errors.map(({ code, cell, params }) => [code, cell, params.expected, params.found])).toEqual([
        ['key-changed', `A${a}`, first, second],
        ['key-changed', `A${b}`, second, first],
      ]);
      const message = renderIssueMessage(errors[0]);
      expect(message).toContain(`cellule A${b}`);
      expect(message).toContain(`remettez «\u00a0${first}\u00a0» ici et «\u00a0${second}\u00a0» en A${b}`);
      expect(message).not.toMatch(/supprim|reportez/i);
    },
    30_000,
  );

  /** Exchanges the whole rows of two keys of `Axe 1`, as a row dragged above or below another. */
  function rowsExchanged(grids: WorkbookGrids, first: string, second: string): WorkbookGrids {
    const rows = sheet(grids, 'Axe 1').rows;
    const [a, b] = [rowOf(grids, first) - 1, rowOf(grids, second) - 1];
    [rows[a], rows[b]] = [rows[b], rows[a]];
    return grids;
  }

  // Each row's Type went with it, and says the key it shows is its own: rows moved, which compute puts back in order.
  it.each([
    ['a fiche row and its criterion', 'G1', 'G1-QN1'],
    ['two criteria of different types', 'G1-QN2', 'G1-QL1'],
    ['a criterion and the next fiche', 'G1-QL1', 'G2'],
  ])(
    'says no key changed of %s exchanged whole, and compute puts them back',
    async (_, first, second) => {
      const typed = typeInto(fresh, [
        { key: first, header: first.includes('-Q') ? 'Commentaire' : 'Mise en œuvre', value: `à ${first}` },
        { key: second, header: second.includes('-Q') ? 'Commentaire' : 'Mise en œuvre', value: `à ${second}` },
      ]);
      const grids = rowsExchanged(typed, first, second);
      const report = await validateGrids(grids, { today });
      const codes = report.issues.filter(({ severity }) => severity === 'error').map(({ code }) => code);
      expect(codes.filter((code) => code !== 'axis-rows-out-of-order')).toEqual([]);
      const file = filePort(grids);
      expect((await computeAndWrite(file.port, { now: today })).status).toBe('done');
      expect(keysOf(sheet(file.grids(), 'Axe 1'))).toEqual(keysOf(sheet(fresh, 'Axe 1')));
      for (const key of [first, second])
        expect(valueAt(file.grids(), key, key.includes('-Q') ? 'Commentaire' : 'Mise en œuvre')?.value).toBe(
          `à ${key}`,
        );
    },
    30_000,
  );

  it('says only to put the keys back when two keys of different types were swapped, the Types left in place', async () => {
    const { grids, a, b } = keysSwapped('G1-QN2', 'G1-QL1');
    const errors = await errorsOf(grids);
    expect(errors.map(({ code, cell }) => [code, cell])).toEqual([
      ['key-changed', `A${a}`],
      ['key-changed', `A${b}`],
    ]);
    const message = renderIssueMessage(errors[0]);
    expect(message).toContain(`Remettez «\u00a0G1-QN2\u00a0» ici et «\u00a0G1-QL1\u00a0» en A${b}`);
    expect(message).not.toMatch(/lignes entières|supprim/i);
  }, 30_000);

  /**
   * `fresh` with numbers in G1-QN2's (Quantitatif) 2026-T1 and 2026-T2 (the current quarter), scale values in
   * G1-QL1's (Qualitatif), then each key of `typed` typed over with the key it gives.
   */
  function valuesFilledThenKeysTyped(typed: Record<string, string>): WorkbookGrids {
    const grids = typeInto(
      fresh,
      ['2026-T1', '2026-T2'].flatMap((quarter, index) => [
        { key: 'G1-QN2', header: quarter, value: index + 1 },
        { key: 'G1-QL1', header: quarter, value: 'Satisfaisant' },
      ]),
    );
    for (const [over, key] of Object.entries(typed)) put(sheet(grids, 'Axe 1'), rowOf(fresh, over), 1, { value: key });
    return grids;
  }

  /** The issues of a report on the rows of keys of `Axe 1` in `fresh`, as code and cell. */
  async function issuesOfRows(grids: WorkbookGrids, keys: readonly string[]) {
    const rows = new Set(keys.map((key) => rowOf(fresh, key)));
    const report = await validateGrids(grids, { today });
    return report.issues
      .filter((issue) => issue.sheet === 'Axe 1' && rows.has(Number(/\d+$/.exec(issue.cell ?? '')?.[0])))
      .map(({ code, cell }) => [code, cell]);
  }

  // Judged by the key it shows, a value would be said wrong, and typing what the message says would overwrite it.
  it('judges no value of two rows whose keys of different types were swapped, until the keys are back', async () => {
    const [a, b] = [rowOf(fresh, 'G1-QN2'), rowOf(fresh, 'G1-QL1')];
    const swapped = valuesFilledThenKeysTyped({ 'G1-QN2': 'G1-QL1', 'G1-QL1': 'G1-QN2' });
    expect(await issuesOfRows(swapped, ['G1-QN2', 'G1-QL1'])).toEqual([
      ['key-changed', `A${a}`],
      ['key-changed', `A${b}`],
    ]);
    // With the keys in place, the values are judged: a scale value in the Quantitatif row is told.
    const back = valuesFilledThenKeysTyped({});
    put(sheet(back, 'Axe 1'), a, locate(sheet(back, 'Axe 1'), 'G1-QN2', '2026-T1')!.column + 1, {
      value: 'Satisfaisant',
    });
    expect(await issuesOfRows(back, ['G1-QN2', 'G1-QL1'])).toEqual([
      ['quarter-value-not-number', expect.stringMatching(new RegExp(`\\D${a}$`))],
    ]);
  }, 30_000);

  it.each([
    ['a Quantitatif criterion typed over with a Qualitatif key', 'G1-QN2', 'G1-B-QL1'],
    ['a Qualitatif criterion typed over with a Quantitatif key', 'G1-QL1', 'G1-QN9'],
    ['a criterion typed over with a fiche key', 'G1-QL1', 'G2'],
  ])(
    'judges no value of %s, only its key',
    async (_, over, typed) => {
      const grids = valuesFilledThenKeysTyped({ [over]: typed });
      expect(await issuesOfRows(grids, [over])).toEqual([['key-changed', `A${rowOf(fresh, over)}`]]);
    },
    30_000,
  );

  // A value typed after the current quarter is one of the row's values too: judged by the key shown, it would be told
  // on a row whose key alone is to be put back (the Qualitatif's scale value read as a count, say).
  it.each([
    ['typed over with a Qualitatif key', { 'G1-QN2': 'G1-B-QL1' }],
    ['swapped with a Qualitatif criterion’s', { 'G1-QN2': 'G1-QL1', 'G1-QL1': 'G1-QN2' }],
  ])(
    'says no value after the current quarter of a Quantitatif row whose key was %s, until the key is back',
    async (_, typed) => {
      const row = rowOf(fresh, 'G1-QN2');
      const column = locate(sheet(fresh, 'Axe 1'), 'G1-QN2', '2026-T3')!.column + 1;
      const later = (keys: Record<string, string>) => {
        const grids = valuesFilledThenKeysTyped(keys);
        put(sheet(grids, 'Axe 1'), row, column, { value: 4 });
        return grids;
      };
      const rows = Object.keys(typed).map((key) => rowOf(fresh, key));
      expect(await issuesOfRows(later(typed), Object.keys(typed))).toEqual(
        rows.sort((a, b) => a - b).map((at) => ['key-changed', `A${at}`]),
      );
      // With the keys in place, the value after the current quarter is told.
      expect(await issuesOfRows(later({}), ['G1-QN2'])).toEqual([
        ['value-after-current-quarter', expect.stringMatching(new RegExp(`\\D${row}$`))],
      ]);
    },
    30_000,
  );

  // Two criteria of one type: keys swapped and rows moved whole look alike, and one files values under the other's key.
  it('says of two criteria of one type exchanged whole to exchange the rows back, or their keys if the titles stayed', async () => {
    const grids = rowsExchanged(copyOf(fresh), 'G2-QN1', 'G2-QN2');
    const [a, b] = [rowOf(fresh, 'G2-QN1'), rowOf(fresh, 'G2-QN2')];
    const errors = await errorsOf(grids);
    expect(errors.map(({ code, cell }) => [code, cell])).toEqual([
      ['key-changed', `A${a}`],
      ['key-changed', `A${b}`],
    ]);
    const message = renderIssueMessage(errors[0]);
    expect(message).toContain(`remettez «\u00a0G2-QN1\u00a0» ici et «\u00a0G2-QN2\u00a0» en A${b}`);
    expect(message).toContain(`échangez les lignes ${a} et ${b}`);
    expect((await computeAndWrite(filePort(grids).port, { now: today })).status).toBe('refused');
  }, 30_000);

  it('tells keys swapped between the first and the last row of a sheet', async () => {
    const keys = keysOf(sheet(fresh, 'Axe 13'));
    const [first, last] = [keys[0], keys[keys.length - 1]];
    const { grids, a, b } = keysSwapped(first, last, 'Axe 13');
    const errors = await errorsOf(grids);
    expect(errors.map(({ code, cell, params }) => [code, cell, params.expected])).toEqual([
      ['key-changed', `A${a}`, first],
      ['key-changed', `A${b}`, last],
    ]);
  }, 30_000);

  it('never says to carry a moved row’s values into a criterion worded alike and delete it', async () => {
    // G2-QN2, worded as G1-QN1, cut and pasted under the sheet's last row, then typed over with G1-QN1's key.
    const { alike, axis, typed } = await criteriaWordedAlike();
    const [moved] = axis.rows.splice(typed.row, 1);
    axis.rows.splice(rowOf(alike, 'G1-B-QL1'), 0, moved);
    const at = rowOf(alike, 'G1-B-QL1') + 1;
    put(axis, at, 1, { value: 'G1-QN1' });
    const issues = await keyIssues(alike);
    const duplicate = issues.find((issue) => issue.code === 'duplicate-key');
    expect(duplicate?.cell).toBe(`A${at}`);
    const message = renderIssueMessage(duplicate!);
    expect(message).not.toMatch(/Supprimez|reportez/);
    expect(message).toMatch(/Ne la supprimez pas/);
    expect(message).toContain('«\u00a0G2-QN2\u00a0»');
    // Restored from a backup, G2-QN2 would be on two rows: the row said missing may be the one typed over.
    const missing = issues.find((issue) => issue.code === 'missing-row' && issue.params.key === 'G2-QN2');
    expect(missing && renderIssueMessage(missing)).toContain(`peut-être la ligne de la cellule A${at}`);
  }, 30_000);

  // Typing the key there would make the note G1-QN2's title, and its row's values would stay lost.
  // In the Clé column, a text of no key's shape is no key either: given the key, the row would have no title nor values.
  it.each([
    ['Intitulé', 'C'],
    ['Clé', 'A'],
  ])(
    'tells a note typed in the %s column where a criterion row was deleted from that row, never to give it the row’s key',
    async (_, column) => {
      const grids = copyOf(fresh);
      const axis = sheet(grids, 'Axe 1');
      const at = rowOf(grids, 'G1-QN2');
      const note = ['A', 'B', 'C'].map((letter) =>
        letter === column ? { value: 'Relancer la mairie en juin' } : null,
      );
      axis.rows.splice(at - 1, 1, note);
      const errors = await errorsOf(grids);
      expect(errors.map(({ code, cell, params }) => [code, cell, params.key ?? null])).toEqual([
        ['missing-row', null, 'G1-QN2'],
        ['empty-key', `A${at}`, null],
      ]);
      const message = renderIssueMessage(errors[1]);
      expect(message).not.toMatch(/Remettez/);
      expect(errors[1].params.note).toEqual([`${column}${at}`]);
      expect(message).toContain(`(${column}${at})`);
      expect(message).toContain('sous le tableau, après une ligne vide');
      expect(message).toContain('«\u00a0G1-QN2\u00a0»');
      expect(renderIssueMessage(errors[0])).toMatch(
        /Si vous venez de la supprimer, annulez la suppression \(Ctrl\+Z\)/,
      );
      expect(renderIssueMessage(errors[0])).not.toContain('peut-être');
    },
    30_000,
  );

  it('keeps saying to delete a copy of the same row', async () => {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const at = rowOf(grids, 'G1-QN2');
    axis.rows.splice(
      at,
      0,
      axis.rows[at - 1].map((cell) => (cell ? { ...cell } : null)),
    );
    const issues = await keyIssues(grids);
    expect(issues.map(({ code, cell }) => [code, cell])).toEqual([['duplicate-key', `A${at + 1}`]]);
    expect(renderIssueMessage(issues[0])).toMatch(/Supprimez la ligne copiée\.$/);
  }, 30_000);
});
