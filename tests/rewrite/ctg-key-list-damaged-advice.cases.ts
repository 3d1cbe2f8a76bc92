import { validateWorkbook } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridText } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filePort, roundTrip, sheet } from './helpers';

/**
 * `_ctg`'s key list changed by hand in a way its reading cannot mend (a row deleted): the
 * axis rows whose keys the list lost are unknown to it, and the fingerprint says the list changed. Those rows hold a
 * person's values: their message must not say to delete them, but to mend the list first.
 */
const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

async function generated() {
  const file = filePort(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
  const meta = sheet(file.grids(), '_ctg');
  // The sample plan's key list: G1, G1-QN1, G1-QN2 (row 16, Axe 1's row 6), G1-QL1 (row 17)…
  expect([gridText(meta, 16, 1), gridText(meta, 17, 1)]).toEqual(['G1-QN2', 'G1-QL1']);
  return { file, meta };
}

async function unknownKeyMessages(file: Awaited<ReturnType<typeof generated>>['file']) {
  const { issues } = await validateWorkbook(file.port, { today: later });
  expect(issues.some((issue) => issue.code === 'ctg-fingerprint-mismatch')).toBe(true);
  return issues.filter((issue) => issue.code === 'unknown-key').map((issue) => renderIssueMessage(issue));
}

const MENDED_FIRST =
  'n’est pas dans la liste des clés de la feuille masquée «\u00a0_ctg\u00a0», qui a été modifiée à la main ' +
  '(voir l’erreur de «\u00a0_ctg\u00a0»)\u00a0: c’est peut-être la sienne. Ne supprimez pas cette ligne, ses valeurs ' +
  'seraient perdues\u00a0: rétablissez d’abord la liste des clés.';

test('a key list row deleted in the middle: its axis row is not said to be deleted', async () => {
  const { file, meta } = await generated();
  meta.rows.splice(15, 1);
  const messages = await unknownKeyMessages(file);
  expect(messages).toEqual([`Axe 1, cellule A6\u00a0: la clé «\u00a0G1-QN2\u00a0» ${MENDED_FIRST}`]);
}, 60_000);
