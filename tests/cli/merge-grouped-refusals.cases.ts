import { masterFolder, partnerOwnFile } from './partner-own-file';
import { runCli } from './run-cli';

/**
 * A partner's file with thousands of rows pasted without keys: the report names the first few and counts the others
 * in one line, so that it stays readable; `--json` keeps every refusal.
 */

const today = new Date('2026-08-10T10:00:00Z');
let folder: string;
let master: string;

beforeAll(async () => {
  ({ folder, master } = await masterFolder('ctg-merge-grouped-', today));
}, 30_000);

describe('a returned file with 20 000 rows without keys', () => {
  let file: string;

  beforeAll(async () => {
    const rows: unknown[][] = [['Clé', 'Statut', 'Commentaire']];
    for (let index = 0; index < 20_000; index += 1) rows.push([null, 'En cours', `Action ${index + 1}`]);
    file = await partnerOwnFile(folder, 'retour-sans-cles.xlsx', rows);
  }, 60_000);

  it('names the first five refused rows, then counts the others in one line', async () => {
    const run = await runCli(['merge', master, file, '--partenaire', 'CCMP', '--dry-run']);
    expect(run.code).toBe(1);
    const refused = run.stdout.split('\n').filter((line) => line.startsWith('  Refusé'));
    expect(refused).toEqual([
      ...[2, 3, 4, 5, 6].map(
        (row) =>
          `  Refusé (retour-sans-cles.xlsx)\u00a0: Retour, cellule A${row}\u00a0: cette ligne contient des valeurs mais ` +
          'pas de clé (une ligne ajoutée, ou sa clé effacée)\u00a0; elles ne sont pas reprises. Saisissez-les dans la ' +
          'ligne de la fiche ou du critère, puis fusionnez à nouveau.',
      ),
      '  Refusé (retour-sans-cles.xlsx)\u00a0: … et 19\u00a0995 autres lignes sans clé (Retour, lignes 7 à 20\u00a0001).',
    ]);
    // The counts still say every refusal.
    expect(run.stdout).toContain('0 valeur reprise, 0 inchangée, 0 conflit en attente, 20\u00a0000 refus.');
  }, 60_000);

  it('keeps every refusal in --json', async () => {
    const run = await runCli(['merge', master, file, '--partenaire', 'CCMP', '--dry-run', '--json']);
    const document = JSON.parse(run.stdout);
    expect(document.rejected).toHaveLength(20_000);
    expect(document.rejected[19_999]).toMatchObject({ code: 'merge-row-without-key', sheet: 'Retour', cell: 'A20001' });
  }, 60_000);
});

describe('refusals of several kinds', () => {
  it('groups each kind on its own, and names every refusal of a kind seen no more than six times', async () => {
    const rows: unknown[][] = [['Clé', 'Statut']];
    for (let index = 0; index < 6; index += 1) rows.push([`ZZ${index + 1}`, 'En cours']);
    for (let index = 0; index < 8; index += 1) rows.push([null, 'En cours']);
    const file = await partnerOwnFile(folder, 'retour-melange.xlsx', rows);
    const run = await runCli(['merge', master, file, '--partenaire', 'CCMP', '--dry-run']);
    const refused = run.stdout.split('\n').filter((line) => line.startsWith('  Refusé'));
    expect(refused.filter((line) => line.includes('n’existe pas dans le classeur'))).toHaveLength(6);
    expect(refused.filter((line) => line.includes('pas de clé'))).toHaveLength(5);
    expect(refused).toContain(
      '  Refusé (retour-melange.xlsx)\u00a0: … et 3 autres lignes sans clé (Retour, lignes 13 à 15).',
    );
    expect(refused).toHaveLength(12);
  }, 60_000);
});
