import { mergeAndWrite, type MergeOptions } from '../../src/app/merge/merge-workbook';
import { undoLastMerge } from '../../src/app/merge/undo-merge';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { readContributionsSheet } from '../../src/layout/sheets/contributions/contributions-sheet';
import { sheet, typeInto, valueAt, type Entry } from '../rewrite/helpers';
import { backEnds, type Master } from './helpers/masters';

/**
 * Personal data a partner returned, taken in by a merge, then erased by the officer from the tracking: the Journal
 * and Contributions kept it (the merge's old → new values, the partner's value). Validation now says where, and the
 * next rewrite replaces it there by a fixed mention, journalled (docs/WORKBOOK.md, « Personal data in the records »).
 */

const mergedOn = new Date('2026-09-20T08:00:00Z');
const computedOn = new Date('2026-09-21T08:00:00Z');
const undoneOn = new Date('2026-09-22T08:00:00Z');
const partner = 'Centre social Le Lien';
const EMAIL = 'jean.dupont@example.fr';
const PHONE = '06 12 34 56 78';
const ERASED = '[donnée personnelle effacée]';

/** Every text of the workbook's cells that holds `text`, as `Sheet!row:column`. */
function placesHolding(grids: WorkbookGrids, text: string): string[] {
  return grids.sheets.flatMap((grid) =>
    grid.rows.flatMap((row, r) =>
      (row ?? []).flatMap((cell, c) =>
        typeof cell?.value === 'string' && cell.value.includes(text) ? [`${grid.name}!${r + 1}:${c + 1}`] : [],
      ),
    ),
  );
}

async function mergeReturn(master: Master, entries: readonly Entry[]) {
  const returned = { file: 'retour-lien.xlsx', grids: typeInto(master.grids(), entries) };
  const options: MergeOptions = { now: mergedOn, partner };
  const outcome = await mergeAndWrite(master.port(), [returned], options);
  if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
  return outcome.report;
}

describe.each(backEnds)('personal data erased from the tracking after a merge %s', (_name, open) => {
  let master: Master;
  beforeEach(async () => {
    master = await open([{ key: 'G1', header: 'Partenaires', value: partner }]);
    const report = await mergeReturn(master, [
      { key: 'G1', header: 'Mise en œuvre', value: `Contact : ${EMAIL}` },
      { key: 'G1', header: 'Difficultés', value: `Rappeler au ${PHONE}` },
    ]);
    const personal = report.notes.filter(({ issue }) => issue.code === 'merge-personal-data');
    expect(personal.map(({ issue }) => issue.rowKey)).toEqual(['G1', 'G1']);
    // The officer erases the e-mail address from the tracking, and leaves the phone number for now.
    await master.type([{ key: 'G1', header: 'Mise en œuvre', value: '' }]);
  }, 30_000);

  it('is said by validation at each record cell that still holds it', async () => {
    const report = await validateGrids(master.grids(), { today: computedOn });
    const found = report.issues.filter((issue) => issue.code === 'personal-data-in-records');
    expect(found.map((issue) => `${issue.sheet} ${issue.rowKey}`)).toEqual(['Journal G1', 'Contributions G1']);
    expect(found.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(renderIssueMessage(found[0])).toMatch(
      /^Journal, cellule F\d+\u00a0: cette valeur gardée contient une adresse électronique qui n’est plus dans le suivi/,
    );
    expect(renderIssueMessage(found[0])).toContain(`«\u00a0${ERASED}\u00a0»`);
    // The phone number is still in the tracking: its cell says so, and its copies stay until it is erased there.
    const inTracking = report.issues.filter((issue) => issue.code === 'personal-data');
    expect(inTracking.map((issue) => `${issue.sheet} ${issue.rowKey}`)).toEqual(['Axe 1 G1']);
  });

  it('is replaced by a mention in the Journal and Contributions by the next rewrite, which says so', async () => {
    expect(placesHolding(master.grids(), EMAIL).map((place) => place.split('!')[0])).toEqual([
      'Journal',
      'Contributions',
    ]);
    const outcome = await computeAndWrite(master.port(), { now: computedOn });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    const grids = master.grids();
    expect(placesHolding(grids, EMAIL)).toEqual([]);
    // The phone number is still typed in the tracking: nothing of it is erased.
    expect(placesHolding(grids, PHONE).map((place) => place.split('!')[0])).toEqual([
      'Axe 1',
      'Journal',
      'Contributions',
    ]);
    const journal = readJournalSheet(sheet(grids, 'Journal')).entries;
    const merged = journal.find((line) => line.operation === 'merge' && line.field === 'implementation');
    expect(merged?.after).toEqual({ type: 'text', value: `Contact : ${ERASED}` });
    const contributions = readContributionsSheet(sheet(grids, 'Contributions')).entries;
    expect(contributions.find((line) => line.field === 'implementation')?.value).toEqual({
      type: 'text',
      value: `Contact : ${ERASED}`,
    });
    const erasures = journal.filter((line) => line.operation === 'erasure');
    expect(erasures.map((line) => [line.source, line.label, line.before.value, line.after.value])).toEqual([
      [
        'Effacement de données personnelles',
        'Journal',
        '1 valeur contenait une donnée personnelle qui n’est plus dans le suivi (une adresse électronique)',
        `Remplacée par «\u00a0${ERASED}\u00a0»`,
      ],
      [
        'Effacement de données personnelles',
        'Contributions',
        '1 valeur contenait une donnée personnelle qui n’est plus dans le suivi (une adresse électronique)',
        `Remplacée par «\u00a0${ERASED}\u00a0»`,
      ],
    ]);
    const notes = outcome.notes.filter((note) => note.code === 'personal-data-erased');
    expect(notes.map((note) => note.sheet)).toEqual(['Journal', 'Contributions']);
    expect(renderIssueMessage(notes[0])).toBe(
      'Journal\u00a0: 1 valeur gardée contenait une adresse électronique qui n’est plus dans le suivi\u00a0; cette ' +
        `donnée y est remplacée par «\u00a0${ERASED}\u00a0» (ligne «\u00a0Effacement de données personnelles\u00a0» du Journal).`,
    );
    // Once erased, validation has nothing more to say of it.
    const report = await validateGrids(grids, { today: computedOn });
    expect(report.issues.filter((issue) => issue.code === 'personal-data-in-records')).toEqual([]);
  });

  it('holds the same return merged again, the address still in it, as a conflict: never taken back unasked', async () => {
    expect((await computeAndWrite(master.port(), { now: computedOn })).status).toBe('done');
    const report = await mergeReturn(master, [{ key: 'G1', header: 'Mise en œuvre', value: `Contact : ${EMAIL}` }]);
    expect(report.conflicts).toMatchObject([
      { key: 'G1', field: 'implementation', reason: 'own-changed', previous: { value: `Contact : ${ERASED}` } },
    ]);
    expect(report.written).toBe(false);
    expect(placesHolding(master.grids(), EMAIL)).toEqual([]);
  });

  it('undoing the merge afterwards never brings it back, and erases what the undo takes out of the tracking', async () => {
    const computed = await computeAndWrite(master.port(), { now: computedOn });
    expect(computed.status).toBe('done');
    const outcome = await undoLastMerge(master.port(), { now: undoneOn });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    // The merge's line for the erased cell now says « [donnée personnelle effacée] »: the cell no longer holds it, but
    // is empty again, as before the merge: nothing to give back.
    expect(outcome.report.changedSince).toEqual([]);
    expect(outcome.report.alreadyBefore.map((cell) => `${cell.key} ${cell.column}`)).toEqual(['G1 Mise en œuvre']);
    expect(outcome.report.restored.map((cell) => `${cell.key} ${cell.column}`)).toEqual(['G1 Difficultés']);
    const grids = master.grids();
    expect(valueAt(grids, 'G1', 'Mise en œuvre')?.value || null).toBeNull();
    expect(valueAt(grids, 'G1', 'Difficultés')?.value || null).toBeNull();
    expect(readContributionsSheet(sheet(grids, 'Contributions')).entries).toEqual([]);
    // The undo emptied the phone number's cell: its copies in the Journal go in the same rewrite.
    expect(placesHolding(grids, EMAIL)).toEqual([]);
    expect(placesHolding(grids, PHONE)).toEqual([]);
    expect(outcome.notes.map((note) => `${note.code} ${note.sheet}`)).toEqual(['personal-data-erased Journal']);
  });
});
