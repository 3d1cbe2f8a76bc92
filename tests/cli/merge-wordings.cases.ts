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
        'n’est pas une colonne du suivi\u00a0; ses valeurs ne sont pas reprises.\n',
    );
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
