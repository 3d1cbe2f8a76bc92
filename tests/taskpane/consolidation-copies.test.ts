/** @jest-environment jsdom */
// Two copies of a territory picked in the pane, no date telling them apart: the first in the list picked is kept,
// and the reason says so, as the command line says its own order (a folder's names, the files given).
import './support/jsdom-globals';
import { consolidatePicked } from '../../src/taskpane/consolidation/consolidate-picked';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pick = (name: string, bytes: Uint8Array) => new File([bytes as BlobPart], name, { type: XLSX_TYPE });

it('keeps the first copy picked, saying it came first in the list of files picked', async () => {
  const bytes = await territoryBytes(pilat);
  const consolidation = await consolidatePicked([pick('retour.xlsx', bytes), pick('envoi.xlsx', bytes)], {
    quarter: null,
    today: new Date('2027-06-01T10:00:00Z'),
    onRead: () => undefined,
  });
  expect(consolidation.duplicates).toHaveLength(1);
  expect(consolidation.duplicates[0]).toMatchObject({ kept: 'retour.xlsx', dropped: 'envoi.xlsx' });
  expect(consolidation.duplicates[0].reason).toMatch(
    /rien ne dit lequel est le plus récent\. «\u00a0retour\.xlsx\u00a0» est gardé parce qu’il vient avant «\u00a0envoi\.xlsx\u00a0» dans la liste des fichiers choisis\.$/,
  );
}, 60_000);
