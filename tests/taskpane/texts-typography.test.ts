// The pane's words follow French typography: curly apostrophes, a non-breaking space before « : ; ? ! % » and
// inside « », and quarter labels that a narrow pane cannot break. Every string and template part written in
// src/taskpane/texts.ts is scanned (comments and code are not words the pane shows), then what the helpers produce.
import * as path from 'path';
import { typographyFaults, wordsOf } from '../helpers/french-typography';
import { percent, quarterText, texts } from '../../src/taskpane/texts';

const TEXTS_FILE = path.join(__dirname, '..', '..', 'src', 'taskpane', 'texts.ts');

describe('typography of the task pane’s texts', () => {
  it('the scan finds each kind of fault (it can fail)', () => {
    expect(typographyFaults("l'axe")).toEqual(['straight apostrophe']);
    expect(typographyFaults('Période : 2026')).toEqual(['breaking space before « : ; ? ! % » »']);
    expect(typographyFaults('45 %')).toHaveLength(1);
    expect(typographyFaults('« Annexe »')).toHaveLength(2);
    expect(typographyFaults('à 2027-T1')).toEqual(['quarter label with a breaking hyphen']);
    expect(typographyFaults('Période\u00a0: l’axe «\u00a0Annexe\u00a0» à 45\u00a0%, 2027\u2011T1')).toEqual([]);
  });

  it('no string of src/taskpane/texts.ts breaks the rules', () => {
    const words = wordsOf(TEXTS_FILE);
    expect(words.length).toBeGreaterThan(100);
    const faults = words
      .map(({ line, text }) => ({ line, text, faults: typographyFaults(text) }))
      .filter(({ faults }) => faults.length > 0);
    expect(faults).toEqual([]);
  });

  it('the texts made from figures and quarters keep the rules', () => {
    const rates = { fillPeriod: 0.5, fillCumulative: 0.25, achievement: null };
    const convention = { first: '2027-T1', last: '2030-T4' };
    const made = [
      percent(0.453),
      quarterText('2027-T1'),
      texts.followUp.figuresOf('2027-T1'),
      texts.followUp.figuresSaid('2027-T1', rates, [{ number: 1, rates }]),
      texts.followUp.closeTitle('2027-T1'),
      texts.followUp.closed('2026-T4', '2027-T1'),
      texts.followUp.quarterWillChange('2026-T4', '2027-T1'),
      texts.followUp.closeNeedsWorkbookQuarter('2026-T4'),
      texts.followUp.closeLastQuarter('2030-T4'),
      texts.followUp.closeNotBegun('2027-T1', '2027-01-01'),
      texts.followUp.closeNotBegun('2027-T4', '2027-10-01', { quarter: '2027-T3', startsOn: '2027-07-01' }),
      texts.followUp.closeNotBegun('2027-T3', '2027-07-01', { quarter: '2027-T3', startsOn: '2027-07-01' }),
      texts.generate.sheetList(['Guide', 'Axe 1']),
      texts.followUp.closeBeforeEnd('2026-T4', '2026-12-31'),
      texts.bilan.stateSentence(
        { state: 'current', first: '2026-T1', last: '2026-T4', measuredTo: '2026-T4' },
        '2027-T1',
      ),
      texts.followUp.rates(rates),
      texts.followUp.axisName('Axe 1 – Petite enfance', 0.25),
      texts.generate.summaryQuarter('2027-T1'),
      texts.status.lastValidationValue('2026-05-15T10:00:00Z', 1, 2),
      texts.files.produced('suivi.xlsx'),
      texts.files.saved('suivi.xlsx'),
      texts.fileCheck.counts('retour.xlsx', 1, 2),
      texts.fileCheck.clean('retour.xlsx'),
      texts.fileCheck.unreadable('retour.ods'),
      texts.validate.place('Axe 1', 'K12'),
      texts.consolidation.picked(7, ['a.xlsx', 'b.xlsx']),
      texts.consolidation.badQuarter('2027-T5'),
      texts.consolidation.progress(2, 5),
      texts.consolidation.done(3, 1),
      texts.consolidation.measuredAt('2027-T1'),
      texts.consolidation.total(3, rates),
      texts.consolidation.territoryLine('Forez Est', 'forez-est.xlsx', '2027-T1', null, convention, rates, 2),
      texts.consolidation.territoryLine('Forez Est', 'forez-est.xlsx', '2027-T1', 'notBegun', convention, rates, 0),
      texts.consolidation.territoryLine('Forez Est', 'forez-est.xlsx', '2026-T4', 'before', convention, rates, 0),
      texts.consolidation.territoryLine('Forez Est', 'forez-est.xlsx', '2031-T1', 'after', convention, rates, 0),
      texts.consolidation.rejectedLine('abime.xlsx', 'Le fichier est incomplet.'),
      texts.consolidation.duplicateLine('Forez Est', 'a.xlsx', 'b.xlsx', 'Plus récent\u00a0: 10/08/2026.'),
      texts.consolidation.unmatchedLine('field', 'Sport santé', ['Forez Est']),
      texts.merge.counts(1, 1, 0, 0, 3, 2),
    ];
    expect(made.filter((text) => typographyFaults(text).length > 0)).toEqual([]);
    expect(percent(0.453)).toBe('45,3\u00a0%');
    expect(quarterText('2027-T1')).toBe('2027\u2011T1');
  });
});
