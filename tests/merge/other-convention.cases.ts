import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { filledWorkbook } from '../xlsx-patch/helpers';
import { samplePlan } from '../layout/helpers/sample-plan';
import { runCli } from '../cli/run-cli';
import { clockAt, restoreClock } from '../cli/clock';
import { fillExtract, masterAndCcmpExtract } from './helpers/returned-extract';
import { expectSameBytes } from '../helpers/same-bytes';

/**
 * A territory's conventions follow one another (2021–2025, then 2026–2030), often on a plan whose fiches keep their
 * refs, so that the keys of the one are the keys of the other. A partner who sends back the extract of the previous
 * convention, or a copy of its workbook, gives statuses and texts of that convention: the merge into the next
 * convention's workbook refuses it whole, naming both periods, rather than taking them into the fiches alike keyed.
 */

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3 in the 2026–2030 master
const mergedOn = new Date('2026-09-20T08:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-other-convention-'));
const path = (name: string) => join(folder, name);

const typed = [
  { key: 'G1', header: 'Statut', value: 'Réalisée' },
  { key: 'G1', header: 'Mise en œuvre', value: 'Bilan de la convention précédente' },
  { key: 'G1-QN1', header: '2025-T4', value: 17 },
];

let masterBytes: Uint8Array;

describe('other-convention', () => {
  beforeAll(async () => {
    ({ masterBytes } = await masterAndCcmpExtract(generatedOn, path('suivi.xlsx'), path('extrait-ccmp.xlsx')));
    const previous = { ...samplePlan(), period: { start: '2021-01-01', end: '2025-12-31' } };
    writeFileSync(path('suivi-2021-2025.xlsx'), await filledWorkbook(previous, [], generatedOn));
    const run = await runCli(['extract', path('suivi-2021-2025.xlsx'), '--porteur', 'CCMP', '-o', path('ancien.xlsx')]);
    if (run.code !== 0) throw new Error(run.stderr);
    writeFileSync(path('ancien-rempli.xlsx'), await fillExtract(readFileSync(path('ancien.xlsx')), typed));
    const copy = await fillExtract(readFileSync(path('suivi-2021-2025.xlsx')), typed);
    writeFileSync(path('copie-ancien-classeur.xlsx'), copy);
  }, 60_000);

  beforeEach(() => {
    writeFileSync(path('suivi.xlsx'), masterBytes);
    clockAt(mergedOn);
  });
  afterEach(restoreClock);

  /** French typography as the messages have it: a no-break space before « : » and « ; », and inside « ». */
  const french = (text: string) =>
    text
      .replace(/ ([:;])/g, '\u00a0$1')
      .replace(/« /g, '«\u00a0')
      .replace(/ »/g, '\u00a0»');

  const masterUntouched = () => expectSameBytes(new Uint8Array(readFileSync(path('suivi.xlsx'))), masterBytes);

  describe('a returned file of the territory’s other convention', () => {
    it('is refused whole when it is the extract of the previous convention’s workbook', async () => {
      const run = await runCli(['merge', path('suivi.xlsx'), path('ancien-rempli.xlsx')]);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toContain(
        french(
          'Refusé (ancien-rempli.xlsx) : le fichier est celui de la convention du 01/01/2021 au 31/12/2025 du ' +
            'territoire, pas de celle du classeur de suivi (du 01/01/2026 au 31/12/2030) : rien n’en est repris. ' +
            'Fusionnez-le dans le classeur de suivi de cette convention-là ; pour celle-ci, envoyez au partenaire un ' +
            'extrait du classeur de suivi (npx ctg-suivi extract).',
        ),
      );
      expect(run.stdout).not.toContain('Bilan de la convention précédente');
      masterUntouched();
    });

    it('is refused whole when it is a copy of that workbook, for the partner named', async () => {
      const run = await runCli([
        'merge',
        path('suivi.xlsx'),
        path('copie-ancien-classeur.xlsx'),
        '--partenaire',
        'CCMP',
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toContain(
        french(
          'Refusé (copie-ancien-classeur.xlsx) : le fichier est celui de la convention du 01/01/2021 au 31/12/2025',
        ),
      );
      masterUntouched();
    });

    it('gives the refusal in --json, with its code and both periods', async () => {
      const run = await runCli(['merge', path('suivi.xlsx'), path('ancien-rempli.xlsx'), '--json']);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { applied: unknown[]; rejected: { code: string; message: string }[] };
      expect(report.applied).toEqual([]);
      expect(report.rejected.map((entry) => entry.code)).toEqual(['merge-other-convention']);
      masterUntouched();
    });
  });

  describe('a returned extract of the same convention whose period was amended since', () => {
    it('is merged as usual: the periods overlap, it is one convention', async () => {
      const longer = { ...samplePlan(), period: { start: '2026-01-01', end: '2031-12-31' } };
      writeFileSync(path('suivi-prolonge.xlsx'), await filledWorkbook(longer, [], generatedOn));
      const made = await runCli(['extract', path('suivi-prolonge.xlsx'), '--porteur', 'CCMP', '-o', path('p.xlsx')]);
      expect(made.code).toBe(0);
      const filled = await fillExtract(readFileSync(path('p.xlsx')), [
        { key: 'G2', header: 'Statut', value: 'En cours' },
      ]);
      writeFileSync(path('prolonge-rempli.xlsx'), filled);
      const run = await runCli(['merge', path('suivi.xlsx'), path('prolonge-rempli.xlsx')]);
      expect(run.stdout).toContain(french('G2, Statut : vide → « En cours »'));
      expect(run.stdout + run.stderr).not.toContain('la convention du');
    });
  });
});
