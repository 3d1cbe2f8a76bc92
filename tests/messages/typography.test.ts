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
  ...[
    "Planifier l'offre d'accueil",
    'Requis : recenser',
    'Requis : informer',
    'Requis : planifier',
    'Requis : soutenir la qualité',
    'Requis : schéma pluriannuel',
    'Requis : relais petite enfance',
    'Schéma : obligation remplie',
    'RPE : obligation remplie',
  ].map((text) => ({ file: 'layout/sheets/ao/ao-layout.ts', text, why: 'Compétences AO header, found by its text' })),
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
