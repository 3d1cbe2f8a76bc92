import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { sheet, typeInto, type Entry } from '../rewrite/helpers';
import { ccmpReturnSuite } from './helpers/ccmp-return';

/**
 * A partner's file may hold texts of thousands of characters where they do not belong (a report pasted into a Statut
 * cell, a row under a key the master lacks): each refusal quotes it by its start and its length, as every report
 * line does, so that one cell does not fill the screen, the pane's list or the message a person reads.
 */

const suite = ccmpReturnSuite('long');

const pasted = (letter: string) => `${letter}${'x'.repeat(29_999)}`;

async function refusals(entries: readonly Entry[], edit: (grids: WorkbookGrids) => void = () => undefined) {
  const grids = typeInto(suite.extract(), entries);
  edit(grids);
  const { report } = await suite.merge(grids);
  return report.rejected.map(({ issue }) => ({ code: issue.code, message: renderIssueMessage(issue) }));
}

describe('a very long text refused from a returned file', () => {
  it('is quoted by its start and its length where a value of a list, a number or a date goes', async () => {
    const rejected = await refusals([
      { key: 'G1', header: 'Statut', value: pasted('S') },
      { key: 'G1', header: 'Avancement (%)', value: pasted('A') },
      { key: 'G1-QN1', header: '2026-T3', value: pasted('Q') },
    ]);
    expect(rejected.map(({ code }) => code)).toEqual(['merge-wrong-value', 'merge-wrong-value', 'merge-wrong-value']);
    for (const { message } of rejected) {
      expect(message).toMatch(/«\u00a0[SAQ]x+…\u00a0» sur 30\u00a0000 caractères n’est pas une valeur possible/);
      expect(message.length).toBeLessThan(400);
    }
  });

  it('is quoted by its start and its length among what a row of an unknown key reports', async () => {
    const rejected = await refusals([{ key: 'G1-QN1', header: 'Commentaire', value: pasted('C') }], (grids) => {
      const axis = sheet(grids, 'Axe 1');
      const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
      axis.rows[row][0] = { value: 'G9-QN1' };
    });
    expect(rejected.map(({ code }) => code)).toEqual(['merge-unknown-key']);
    expect(rejected[0].message).toMatch(
      /la ligne n’est pas reprise \(Commentaire\u00a0: «\u00a0Cx+…\u00a0» sur 30\u00a0000 caractères, 2026-T1\u00a0: 4\)\./,
    );
    expect(rejected[0].message.length).toBeLessThan(400);
  });

  it('is quoted by its start and its length when it is a formula', async () => {
    const formula = `CONCATENATE("${'f'.repeat(3_000)}")`;
    const rejected = await refusals([], (grids) => {
      const axis = sheet(grids, 'Axe 1');
      const header = axis.rows.findIndex((cells) => cells?.[0]?.value === 'Clé');
      const column = axis.rows[header].findIndex((cell) => cell?.value === 'Mise en œuvre');
      const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1');
      axis.rows[row][column] = { value: 'fff', formula };
    });
    expect(rejected.map(({ code }) => code)).toEqual(['merge-formula']);
    expect(rejected[0].message).toContain('sur 3\u00a0015 caractères');
    expect(rejected[0].message.length).toBeLessThan(400);
  });

  it('still quotes a short value whole', async () => {
    const rejected = await refusals([{ key: 'G1', header: 'Statut', value: 'Terminé' }]);
    expect(rejected.map(({ message }) => message)).toEqual([
      expect.stringContaining('«\u00a0Terminé\u00a0» n’est pas une valeur possible pour «\u00a0Statut\u00a0»'),
    ]);
  });
});
