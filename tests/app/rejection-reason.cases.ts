import { measureTerritory, rejectionReason } from '../../src/app/consolidate/measure-territory';
import type { FileOrigin } from '../../src/domain/consolidation/file-order';
import { createIssue } from '../../src/domain/issues';
import type { MessageSurface } from '../../src/domain/messages';

/**
 * The reason a consolidation gives for a file it leaves out, as the Caf reads it in `Fichiers écartés`, on the
 * command line and in the pane: the problem's message, then the cell where a person can look, never the hidden
 * technical sheet `_ctg` (a review found « « _ctg » B9 : Ce fichier est l’extrait… »).
 */

describe('the reason of a file left out', () => {
  it('is the message alone for the whole workbook or for the hidden sheet `_ctg`', () => {
    const extract = createIssue('consolidation-file-is-extract', { sheet: '_ctg', cell: 'B9' }, { partner: 'CCMP' });
    const reason = rejectionReason(extract);
    expect(reason).toMatch(/^Ce fichier est l’extrait envoyé à «\u00a0CCMP\u00a0»/);
    expect(reason).not.toContain('_ctg');
    expect(rejectionReason(createIssue('not-a-tracking-workbook', { sheet: null, cell: null }))).toMatch(
      /^Ce classeur n’est pas un classeur de suivi CTG/,
    );
  });

  it('ends with the cell, in a sentence of its own, when the problem is at a cell of a visible sheet', () => {
    const issue = createIssue(
      'consolidation-quarter-unknown',
      { sheet: 'Paramètres', cell: 'B9' },
      { value: '2031-T1' },
    );
    const reason = rejectionReason(issue);
    expect(reason).toMatch(
      /^Le trimestre en cours de «\u00a0Paramètres\u00a0» \(valeur lue\u00a0: «\u00a02031-T1\u00a0»\)/,
    );
    expect(reason.endsWith(' Cellule B9 de la feuille «\u00a0Paramètres\u00a0».')).toBe(true);
  });

  it('says the cell once when the message already names it', () => {
    const issue = createIssue('empty-key', { sheet: 'Axe 1', cell: 'A6', rowKey: null }, { expected: 'F1-C1' });
    const reason = rejectionReason(issue);
    expect(reason).toContain('Axe 1, cellule A6');
    expect(reason.split('A6').length - 1).toBe(1);
  });

  it('still says the cell when the message only holds a longer address or value (B90 is not B9)', () => {
    const issue = createIssue('consolidation-quarter-unknown', { sheet: 'Paramètres', cell: 'B9' }, { value: 'B90' });
    expect(rejectionReason(issue).endsWith(' Cellule B9 de la feuille «\u00a0Paramètres\u00a0».')).toBe(true);
  });
});

describe('a consolidation workbook among the territories’ files', () => {
  const consolidationGrids = {
    sheets: ['Guide', 'Territoires', 'Fichiers écartés'].map((name) => ({
      name,
      visibility: 'visible' as const,
      rows: [],
    })),
  };
  const reasonFor = async (origin?: FileOrigin, surface?: MessageSurface) => {
    const outcome = await measureTerritory('consolidation.xlsx', consolidationGrids, {
      today: new Date('2027-01-05T10:00:00Z'),
      ...(origin ? { origin } : {}),
      ...(surface ? { surface } : {}),
    });
    return outcome.ok ? null : outcome.rejected.reason;
  };
  const start =
    'Ce fichier est un classeur de consolidation (écrit par ctg-suivi consolidate), pas le classeur de suivi d’un ' +
    'territoire\u00a0: il est écarté. ';

  it('is told to be put away from the folder when found in one, else to be left out of the files given or picked', async () => {
    expect(await reasonFor({ kind: 'folder', folder: 'territoires' })).toBe(
      `${start}Rangez les consolidations hors du dossier des territoires, ou donnez les classeurs un par un.`,
    );
    expect(await reasonFor({ kind: 'given' })).toBe(`${start}Retirez-le des fichiers donnés à la commande.`);
    expect(await reasonFor({ kind: 'picked' }, 'task-pane')).toBe(
      'Ce fichier est un classeur de consolidation, pas le classeur de suivi d’un territoire\u00a0: il est écarté. ' +
        'Ne choisissez que les classeurs de suivi (les classeurs maîtres) des territoires.',
    );
  });
});
