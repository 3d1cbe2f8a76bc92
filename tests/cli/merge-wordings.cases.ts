import { masterFolder, partnerOwnFile } from './partner-own-file';
import { runCli } from './run-cli';

/** What `merge` says of a partner's own file: values quoted as typed, headers on one line, a file without a table. */

const today = new Date('2026-08-10T10:00:00Z');
let folder: string;
let master: string;

beforeAll(async () => {
  ({ folder, master } = await masterFolder('ctg-merge-wordings-', today));
}, 30_000);

describe('merge’s messages about a partner’s own file', () => {
  it('quotes a note typed under the table in the Clé column as it was typed, not in capitals', async () => {
    const file = await partnerOwnFile(folder, 'retour-fin.xlsx', [
      ['Clé', 'Statut'],
      ['G1', 'En cours'],
      ['fin', null],
    ]);
    const run = await runCli(['merge', master, file, '--partenaire', 'CCMP', '--dry-run']);
    expect(run.stdout).toContain(
      'Retour, cellule A3\u00a0: la clé «\u00a0fin\u00a0» n’existe pas dans le classeur de suivi',
    );
    expect(run.stdout).not.toContain('FIN');
  }, 30_000);

  it('prints a header holding a line break on one line', async () => {
    const file = await partnerOwnFile(folder, 'retour-entete.xlsx', [
      ['Clé', 'Statut', 'Remarques\ndu partenaire'],
      ['G1', 'En cours', 'Rien à signaler'],
    ]);
    const run = await runCli(['merge', master, file, '--partenaire', 'CCMP', '--dry-run']);
    expect(run.stdout).toContain(
      '  Note (retour-entete.xlsx)\u00a0: Retour, cellule C1\u00a0: la colonne «\u00a0Remarques du partenaire\u00a0» ' +
        'n’est pas une colonne du suivi\u00a0: la fusion ne la reprend pas, et sa valeur ne sera pas dans le classeur de ' +
        'suivi. Ce que le partenaire veut faire lire se saisit dans la colonne «\u00a0Commentaire\u00a0» de la ligne ' +
        '(«\u00a0Mise en œuvre\u00a0» ou «\u00a0Difficultés\u00a0» pour une fiche)\u00a0: demandez à «\u00a0CCMP\u00a0» ' +
        'ce que dit cette valeur et, s’il le faut, de l’y reporter.\n',
    );
  }, 30_000);

  // A user trial fixed a key given twice, merged again, and only then learnt of a wrong value in one of its rows.
  it('refuses both rows of a key given twice, and says at once what else it refuses in them', async () => {
    const file = await partnerOwnFile(folder, 'retour-double.xlsx', [
      ['Clé', 'Statut', '2026-T3'],
      ['G1', 'Fini', null],
      ['G1', 'En cours', null],
      ['G1-QN1', null, 'beaucoup'],
      ['g1-qn1', null, 3],
      ['G2', 'En cours', null],
    ]);
    const run = await runCli(['merge', master, file, '--partenaire', 'CCMP', '--dry-run']);
    expect(run.code).toBe(1);
    const twice = (cell: string, key: string) =>
      `  Refusé (retour-double.xlsx)\u00a0: Retour, cellule ${cell}\u00a0: la clé «\u00a0${key}\u00a0» apparaît sur 2 ` +
      'lignes du fichier\u00a0; aucune n’est reprise. Gardez une seule ligne par clé, puis fusionnez à nouveau.';
    expect(run.stdout.split('\n').filter((line) => line.startsWith('  Refusé'))).toEqual([
      twice('A2', 'G1'),
      '  Refusé (retour-double.xlsx)\u00a0: Retour, cellule B2\u00a0: «\u00a0Fini\u00a0» n’est pas une valeur possible ' +
        'pour «\u00a0Statut\u00a0» (une valeur de la liste\u00a0: Non démarrée, En cours, Réalisée, Reportée, ' +
        'Abandonnée)\u00a0; elle n’est pas reprise.',
      twice('A3', 'G1'),
      twice('A4', 'G1-QN1'),
      '  Refusé (retour-double.xlsx)\u00a0: Retour, cellule C4\u00a0: «\u00a0beaucoup\u00a0» n’est pas une valeur ' +
        'possible pour «\u00a02026-T3\u00a0» (un nombre)\u00a0; elle n’est pas reprise. Il n’y a pas de nombre à ' +
        'garder\u00a0: tapez le nombre lui-même, sans unité, ou laissez la cellule vide s’il n’est pas connu.',
      twice('A5', 'g1-qn1'),
    ]);
    // Nothing of those rows is taken, and the other rows are.
    expect(run.stdout).toContain('1 valeur reprise, 0 inchangée, 0 conflit en attente, 6 refus.');
    expect(run.stdout).toMatch(/G2, Statut\u00a0: vide → «\u00a0En cours\u00a0»/);
  }, 30_000);

  it('tells a file with no table that it is no extract and holds no table, not that it does not name its partner', async () => {
    const file = await partnerOwnFile(folder, 'autre-classeur.xlsx', [
      ['Nom', 'Montant'],
      ['Fournitures', 120],
    ]);
    for (const partner of [[], ['--partenaire', 'CCMP']]) {
      const run = await runCli(['merge', master, file, ...partner, '--dry-run']);
      expect(run.stdout).not.toContain('partenaire viennent');
      expect(run.stdout).toContain(
        '  Refusé (autre-classeur.xlsx)\u00a0: le fichier n’est pas un extrait de l’outil et ne contient aucun tableau ' +
          'avec une colonne «\u00a0Clé\u00a0»\u00a0: rien n’en est repris.',
      );
      expect(run.code).toBe(1);
    }
  }, 30_000);
});
