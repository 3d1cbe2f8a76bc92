// Every word a user reads outside the task pane follows French typography, as the pane's own texts do
// (tests/taskpane/texts-typography.test.ts): curly apostrophes, a non-breaking space (U+00A0, as src/taskpane/texts.ts
// writes it) before « : ; ? ! % » and inside « ». Scanned: the message catalogue and the issue codes' descriptions
// (shown in the pane and printed by the command line), the Office.js back end's messages, the command line's texts,
// and the workbook's own words (Guide, titles, notes, data-validation prompts, Journal lines). Quarter labels
// (2026-T1) in these texts are data a person types or reads back, not the pane's display: that rule is not checked.
import * as path from 'path';
import { typographyFaults, wordsOf } from '../helpers/french-typography';
import { SRC, tsFilesUnder } from '../helpers/source-files';
import { renderMessage } from '../../src/domain/messages';
import { embeddedPlan } from '../../src/app/plan-source';
import { extractWorkbook, findWorkbookRecipient } from '../../src/app/extract';
import { readWorkbookState } from '../../src/app/workbook-state';
import { buildBilanWorkbook } from '../../src/layout/bilan/bilan-workbook';
import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { embeddedPlanBilan } from '../bilan-layout/helpers/plan-bilan';
import { currentAnnualBilan, sampleBilan, WRITTEN_AT } from '../bilan-layout/helpers/sample-bilan';
import { consolidation, writtenAt } from '../consolidation-workbook/fixture';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip } from '../rewrite/helpers';

const files = [
  ...tsFilesUnder(path.join(SRC, 'domain', 'messages')),
  ...tsFilesUnder(path.join(SRC, 'domain', 'issue-codes')),
  path.join(SRC, 'excel', 'excel-texts.ts'),
  ...tsFilesUnder(path.join(SRC, 'cli')),
  path.join(SRC, 'layout', 'texts.ts'),
  ...tsFilesUnder(path.join(SRC, 'layout', 'sheets')),
  ...tsFilesUnder(path.join(SRC, 'layout', 'consolidation')),
  ...tsFilesUnder(path.join(SRC, 'layout', 'bilan')),
  path.join(SRC, 'domain', 'journal.ts'),
  path.join(SRC, 'domain', 'steering-calendar.ts'),
  // Outside src/: what `npx ctg-suivi` says before the command line is loaded, and a deployment build's refusals.
  path.join(SRC, '..', 'bin', 'ctg-suivi.js'),
  path.join(SRC, '..', 'scripts', 'manifest-urls.js'),
];

/**
 * Texts left as they are, with why. A workbook already in use holds them and a reader matches them as they are
 * written there (a label, a header, a value of a list): written otherwise, they would no longer be found in the
 * workbooks of format 1 and in those already in use (docs/WORKBOOK.md).
 */
const keptAsWritten: { file: string; text: string; why: string }[] = [
  { file: 'layout/texts.ts', text: "SIREN de l'EPCI", why: 'Paramètres label, found by its text (settings-read.ts)' },
  { file: 'layout/texts.ts', text: "Règles d'agrégation", why: 'header of a Paramètres list' },
  ...["Transférée à l'EPCI par toutes les communes", "Transférée à l'EPCI par certaines communes"].map((text) => ({
    file: 'layout/texts.ts',
    text,
    why: 'value of the Compétences AO list, read back and compared by formulas',
  })),
  {
    file: 'layout/texts.ts',
    text: "Choisir Commune, Transférée à l'EPCI par toutes les communes ou par certaines communes.",
    why: 'names the list values above exactly as a person picks them',
  },
  ...["Champ(s) d'intervention", "Règle d'agrégation"].map((text) => ({
    file: 'layout/sheets/axis/axis-columns.ts',
    text,
    why: 'axis sheet header, found by its text',
  })),
  {
    file: 'layout/sheets/ao/ao-layout.ts',
    text: "Planifier l'offre d'accueil",
    why: 'Compétences AO header of an input column, found by its text',
  },
  {
    file: 'layout/sheets/annexe4/annexe4-detail.ts',
    text: ' ; ',
    why: 'the separator of a Porteur(s) list, as the axis sheets write it and the Annexe 4 formulas search it',
  },
];

const isKept = (file: string, text: string) =>
  keptAsWritten.some((kept) => kept.file === path.relative(SRC, file) && kept.text === text);

describe('typography of the words users read outside the task pane', () => {
  it('the scan finds each kind of fault (it can fail)', () => {
    expect(typographyFaults("Le fichier n'est pas lisible")).toEqual(['straight apostrophe']);
    expect(typographyFaults('Fichier introuvable : suivi.xlsx')).toEqual(['breaking space before « : ; ? ! % » »']);
    expect(typographyFaults('la feuille « Journal »')).toHaveLength(2);
    expect(typographyFaults('Fichier introuvable\u00a0: la feuille «\u00a0Journal\u00a0» à 45\u00a0%')).toEqual([]);
  });

  it.each(files.map((file) => [path.relative(SRC, file), file]))('no string of %s breaks the rules', (_, file) => {
    const faults = wordsOf(file)
      .filter(({ text }) => !isKept(file, text))
      .map(({ line, text }) => ({
        line,
        text,
        faults: typographyFaults(text).filter((fault) => !fault.startsWith('quarter label')),
      }))
      .filter(({ faults }) => faults.length > 0);
    expect(faults).toEqual([]);
  });

  it('every text kept as written is still there (the list does not outlive its texts)', () => {
    const stale = keptAsWritten.filter(
      (kept) => !wordsOf(path.join(SRC, kept.file)).some(({ text }) => text === kept.text),
    );
    expect(stale).toEqual([]);
  });

  it('the messages made from values keep the rules around them', () => {
    const made = [
      renderMessage('quarter-malformed', { value: '2026-5', first: '2026-T1', last: '2030-T4' }),
      renderMessage('incomplete-current-quarter', {
        sheet: 'Axe 1',
        key: 'G1',
        quarter: '2026-T2',
        count: 2,
        cells: ['K11', 'K12'],
        invalidCells: ['K12'],
      }),
      renderMessage('ao-value-not-in-list', {
        name: 'Pélussin',
        header: 'Recenser les besoins',
        value: 'oui',
        allowed: ['Commune', 'Oui'],
      }),
    ];
    expect(made.filter((text) => typographyFaults(text.replace(/\d{4}-T\d/g, '')).length > 0)).toEqual([]);
  });
});

/** Every string of a value (a plan, a bilan, a consolidation): the data a workbook shows besides the tools' words. */
function stringsOf(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') found.add(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsOf(item, found));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => stringsOf(item, found));
  return found;
}

/**
 * Each text a workbook holds, where: cell values, the cached results of formulas, data-validation messages, page
 * headers and footers, sheet names and the document's title.
 */
function textsOf(spec: WorkbookSpec): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [{ where: 'title', text: spec.properties.title }];
  for (const sheet of spec.sheets) {
    texts.push({ where: 'sheet name', text: sheet.name });
    sheet.rows.forEach((row, r) =>
      row?.cells.forEach((cell, c) => {
        const value = cell?.value;
        const text = value !== null && typeof value === 'object' ? value.result : value;
        if (typeof text === 'string') texts.push({ where: `${sheet.name}!R${r + 1}C${c + 1}`, text });
      }),
    );
    for (const validation of sheet.validations)
      texts.push(
        { where: `${sheet.name} validation`, text: validation.errorTitle },
        { where: `${sheet.name} validation`, text: validation.error },
      );
    const headerFooter = sheet.print?.headerFooter;
    if (headerFooter)
      texts.push(
        { where: `${sheet.name} header`, text: headerFooter.header },
        { where: `${sheet.name} footer`, text: headerFooter.footer },
      );
  }
  return texts;
}

/**
 * The faults of the tools' words in a workbook: each text with the data it shows taken out (replaced by a mark, so
 * that the tools' spaces and signs around them are still judged), the texts kept as written left alone.
 */
function workbookFaults(spec: WorkbookSpec, data: unknown): { where: string; text: string; faults: string[] }[] {
  const dataTexts = [...stringsOf(data)].filter((text) => text.trim() !== '').sort((a, b) => b.length - a.length);
  const kept = new Set(keptAsWritten.map((entry) => entry.text));
  return textsOf(spec)
    .filter(({ text }) => !kept.has(text))
    .map(({ where, text }) => {
      let tools = text;
      for (const data of dataTexts) tools = tools.split(data).join('⟨⟩');
      // The separator of a list cell (Porteur(s), champs, publics, communes), kept as written (above), between names.
      tools = tools.replace(/⟨⟩ ; (?=⟨⟩)/g, '');
      return { where, text, faults: typographyFaults(tools).filter((fault) => !fault.startsWith('quarter label')) };
    })
    .filter(({ faults }) => faults.length > 0);
}

describe('typography of every text the layout writes into workbooks', () => {
  it('the scan finds a fault the tools write, and not one of the data they show', () => {
    const spec: WorkbookSpec = {
      sheets: [],
      definedNames: [],
      properties: { title: 'Note : à lire', creator: 'ctg-suivi' },
    };
    expect(workbookFaults(spec, {}).map(({ text }) => text)).toEqual(['Note : à lire']);
    expect(workbookFaults(spec, { title: 'Note : à lire' })).toEqual([]);
  });

  it('the tracking workbook of the embedded plan', async () => {
    const plan = embeddedPlan().plan;
    const { spec } = await buildNewWorkbook(plan, { today: new Date('2027-05-10T09:00:00Z') });
    expect(workbookFaults(spec, plan)).toEqual([]);
  });

  it('a partner’s extract', async () => {
    const plan = samplePlan();
    const reading = await readWorkbookState(
      await roundTrip((await buildNewWorkbook(plan, { today: new Date('2026-08-10T10:00:00Z') })).spec),
    );
    if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
    const recipient = findWorkbookRecipient(reading.state, 'CCMP')!;
    const made = await extractWorkbook(reading.state, recipient, { now: new Date('2026-08-11T10:00:00Z') });
    if (!made.ok) throw new Error(JSON.stringify(made.issues));
    expect(workbookFaults(made.extract.spec, plan)).toEqual([]);
  });

  it('the consolidation workbook', () => {
    expect(workbookFaults(buildConsolidationWorkbook(consolidation, { writtenAt }), consolidation)).toEqual([]);
  });

  it('the bilan workbooks', () => {
    for (const bilan of [embeddedPlanBilan(), sampleBilan(), currentAnnualBilan()])
      expect(workbookFaults(buildBilanWorkbook(bilan, { writtenAt: WRITTEN_AT }), bilan)).toEqual([]);
  });
});
