import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mergeAndWrite } from '../../src/app/merge/merge-workbook';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { sheet, typeInto, type Entry } from '../rewrite/helpers';
import { masterAndCcmpExtract } from './helpers/returned-extract';

/**
 * A value copied from a web page or a document may carry a no-break or zero-width space: « En cours » that is not the
 * list's `En cours`, a key that is not the master's. Refused, the message shows those characters by name, as
 * validation does in the master, else it would quote what looks like a right value.
 */

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3
const mergedOn = new Date('2026-09-20T08:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-invisible-'));

let masterBytes: Uint8Array;
let extractGrids: WorkbookGrids;

beforeAll(async () => {
  const made = await masterAndCcmpExtract(generatedOn, join(folder, 'suivi.xlsx'), join(folder, 'extrait.xlsx'));
  masterBytes = made.masterBytes;
  extractGrids = gridsOf(made.extractBytes);
}, 60_000);

async function refusals(entries: readonly Entry[], edit: (grids: WorkbookGrids) => void = () => undefined) {
  const grids = typeInto(extractGrids, entries);
  edit(grids);
  const outcome = await mergeAndWrite(recordingPort(masterBytes).port, [{ file: 'retour.xlsx', grids }], {
    now: mergedOn,
    dryRun: true,
  });
  if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
  return outcome.report.rejected.map(({ issue }) => renderIssueMessage(issue));
}

describe('a refused returned value holding invisible characters', () => {
  it('shows them by name in a list value, and says to retype it', async () => {
    const [message] = await refusals([{ key: 'G2', header: 'Statut', value: 'En\u00a0cours' }]);
    expect(message).toContain(
      '«\u00a0En[espace insécable]cours\u00a0» n’est pas une valeur possible pour «\u00a0Statut\u00a0»',
    );
    expect(message).toContain('La valeur contient des caractères invisibles, montrés entre crochets');
  });

  it('shows them by name in a key the master does not have', async () => {
    const [message] = await refusals([{ key: 'G1-QN1', header: '2026-T3', value: 9 }], (grids) => {
      const axis = sheet(grids, 'Axe 1');
      const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
      axis.rows[row][0] = { value: 'G1-QN1\u200b' };
    });
    expect(message).toContain(
      'la clé «\u00a0G1-QN1[espace de largeur nulle]\u00a0» n’existe pas dans le classeur de suivi',
    );
  });

  it('quotes a number as French Excel shows it, its thousands’ space being no character of the partner’s', async () => {
    const [message] = await refusals([{ key: 'G1-QN1', header: '2026-T3', value: 2e12 }]);
    expect(message).toContain('«\u00a02\u00a0000\u00a0000\u00a0000\u00a0000\u00a0» n’est pas une valeur possible');
    expect(message).not.toContain('[espace');
  });
});
