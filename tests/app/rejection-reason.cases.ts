import { measureTerritory, rejectionReason } from '../../src/app/consolidate/measure-territory';
import type { FileOrigin } from '../../src/domain/consolidation/file-order';
import { createIssue, renderIssueMessage } from '../../src/domain/issues';
import type { MessageSurface } from '../../src/domain/messages';
import { BY_THE_TERRITORY } from '../consolidation/helpers/territories';

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

  it('never tells the Caf that the workbook is not rewritten meanwhile: it rewrites none, the territory corrects', () => {
    const location = { sheet: '_ctg', cell: 'A20' };
    const cases: Record<string, string | number>[] = [
      { changed: 'type', key: 'G1', value: 'X', expected: 'fiche', cell: 'B20' },
      { changed: 'key-cleared', type: 'fiche', expected: 'G1', axisSheet: 'Axe 1', axisRow: 6, cell: 'A20' },
      { changed: 'key-cleared', type: 'fiche', cell: 'A20' },
    ];
    for (const params of cases) {
      const issue = createIssue('ctg-key-list-invalid', location, params);
      expect(renderIssueMessage(issue)).toContain('réécrit d’ici là');
      const reason = rejectionReason(issue);
      expect(reason).not.toContain('réécrit d’ici là');
      expect(reason.endsWith(BY_THE_TERRITORY)).toBe(true);
    }
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

describe('a territory’s own problem, as the Caf reads it', () => {
  const at = { sheet: 'Axe 1', cell: 'A12', rowKey: null };
  const issues = [
    createIssue('axis-rows-out-of-order', at, { count: 3, cells: ['A12', 'A13', 'A14'] }),
    createIssue('missing-row', at, { key: 'G1-QN2' }),
    createIssue('missing-column', { ...at, cell: null }, { header: 'Statut' }),
    createIssue('duplicate-key', at, { key: 'G1', firstSheet: 'Axe 1', firstCell: 'A6', titleDiffers: 1 }),
    createIssue('key-changed', at, { found: 'G2', expected: 'G1', swappedWith: 'A20', rowHere: 12, rowThere: 20 }),
    createIssue(
      'ctg-key-list-invalid',
      { sheet: '_ctg', cell: 'A14', rowKey: null },
      {
        changed: 'type',
        key: 'G1',
        value: 'Critère',
        expected: 'Fiche',
      },
    ),
  ];

  it('offers no undo of a change the Caf did not make, in a file it has closed, where the editor is offered one', () => {
    for (const issue of issues) {
      expect(renderIssueMessage(issue)).toContain('Ctrl+Z');
      for (const surface of ['command-line', 'task-pane'] as const) {
        const reason = rejectionReason(issue, surface);
        expect(reason).not.toMatch(/Ctrl\+Z|annulez|tant que le classeur est ouvert/);
        expect(reason.endsWith(' consolidez à nouveau le fichier qu’il vous renverra.')).toBe(true);
      }
    }
  });

  it('says the territory corrects it, after the cell, but not of what the Caf does itself', () => {
    expect(rejectionReason(issues[2])).toMatch(
      /enregistrée avant\. Cette correction est à faire par le territoire dans son classeur\u00a0: demandez-la-lui, /,
    );
    const extract = createIssue('consolidation-file-is-extract', { sheet: '_ctg', cell: 'B9' }, { partner: 'CCMP' });
    expect(rejectionReason(extract)).not.toContain('Cette correction');
    expect(rejectionReason(createIssue('not-a-tracking-workbook', { sheet: null, cell: null }))).toBe(
      'Ce classeur n’est pas un classeur de suivi CTG\u00a0: la feuille masquée «\u00a0_ctg\u00a0» est absente. ' +
        'S’il vient d’un territoire, demandez-lui son classeur de suivi, tel que l’outil l’a écrit\u00a0; sinon, ' +
        'retirez-le des fichiers à consolider.',
    );
  });
});
