import { createExcelFileActions } from '../../src/excel';
import { createFakeExcel } from '../fake-excel';

/**
 * « Ouvrir dans Excel » sends the whole file, in base64, in one request (excel-web-16.00.js: `createWorkbook` calls
 * `CreateAndOpenWorkbook` with it under Excel on the web), so Excel on the web's 5 MB request limit
 * (learn.microsoft.com, « Resource limits and performance optimization for Office Add-ins ») applies to the file:
 * above about 3.7 MB of .xlsx, Excel refuses it, and trying again cannot help.
 */

const MB = 1024 * 1024;

function actionsOn(options: Parameters<typeof createFakeExcel>[0] = {}) {
  const fake = createFakeExcel({ sheets: ['Feuil1'], ...options });
  return { fake, files: createExcelFileActions({ excel: fake.officeJs.Excel, office: fake.officeJs.Office }) };
}

test('Excel on the web: a file whose base64 passes 5 MB is refused, and the pane is told to save it instead', async () => {
  const { fake, files } = actionsOn();
  const failure = files.openInExcel(new Uint8Array(4 * MB));
  await expect(failure).rejects.toMatchObject({
    code: 'RequestPayloadSizeLimitExceeded',
    message:
      'Ce fichier est trop volumineux pour qu’Excel sur le web l’ouvre depuis le complément (5\u00a0Mo au plus par envoi).' +
      ' Choisissez «\u00a0Enregistrer\u00a0», puis ouvrez le fichier enregistré dans Excel.',
  });
  expect(fake.createdWorkbooks()).toEqual([]);
});

test('Excel on the web: a file whose base64 stays under 5 MB opens', async () => {
  const { fake, files } = actionsOn();
  await files.openInExcel(new Uint8Array(3 * MB));
  expect(fake.createdWorkbooks()).toHaveLength(1);
  expect(Buffer.from(fake.createdWorkbooks()[0], 'base64')).toHaveLength(3 * MB);
});

test('Excel on a computer (no request limit): the same large file opens', async () => {
  const { fake, files } = actionsOn({ platform: 'PC', requestPayloadLimit: Infinity });
  await files.openInExcel(new Uint8Array(4 * MB));
  expect(fake.createdWorkbooks()).toHaveLength(1);
});
