import { embeddedPlan } from '../../src/app/plan-source';
import { quarterLabel, quarterOfDate } from '../../src/domain/periods';
import { generateXlsx } from '../excel-backend/helpers/xlsx-side';
import { axisCell, computeFile, editWorkbook, validateFile } from './file-side';

/** The messages a person reads about what they typed: how a value was read, shown as they would write it. */
const now = new Date('2026-11-28T10:00:00Z');
const quarter = quarterLabel(quarterOfDate(now));

let generated: Uint8Array;
beforeAll(async () => {
  generated = await generateXlsx(embeddedPlan().plan, now);
});

/** The messages of the issues at one cell of Axe 1 after typing `value` under `key` and `header`. */
async function messagesAt(key: string, header: string, value: unknown): Promise<string[]> {
  let address = '';
  const bytes = await editWorkbook(generated, (workbook) => {
    const cell = axisCell(workbook, key, header);
    cell.value = value as never;
    address = cell.address;
  });
  const { report, messages } = await validateFile(bytes, now);
  return messages.filter((_, index) => report.issues[index].cell === address);
}

test('text « 50 » in Avancement: told it is a number stored as text, and what to do', async () => {
  expect(await messagesAt('G1', 'Avancement (%)', '50')).toEqual([
    expect.stringMatching(
      /^Axe 1, cellule [A-Z]+\d+\u00a0: l’avancement doit être un nombre entier de 0 à 100, mais la cellule contient le texte «\u00a050\u00a0» \(un nombre enregistré comme texte, qui n’est pas compté\)\. Convertissez-le en nombre, ou ressaisissez-le dans une cellule au format Nombre\.$/,
    ),
  ]);
});

test('text « 12 » in Cible: told it is a number stored as text', async () => {
  const [message] = await messagesAt('G1-QN1', 'Cible', '12');
  expect(message).toMatch(
    /: la colonne «\u00a0Cible\u00a0» attend un nombre, mais la cellule contient le texte «\u00a012\u00a0» \(un nombre enregistré comme texte, qui n’est pas compté\)\. Convertissez-le en nombre, ou ressaisissez-le dans une cellule au format Nombre\.$/,
  );
});

test('text « 85 % » in Avancement: told to retype it without the % sign, which a conversion would keep', async () => {
  const [message] = await messagesAt('G1', 'Avancement (%)', '85 %');
  expect(message).toMatch(
    /la cellule contient le texte «\u00a085 %\u00a0» \(un nombre enregistré comme texte, qui n’est pas compté\)\. Retapez le nombre sans le signe\u00a0%\u00a0: 85 et non 85\u00a0%\.$/,
  );
});

test('text « 85 % » in a quarter cell: told to retype it without the % sign', async () => {
  const [message] = await messagesAt('G1-QN1', quarter, '85 %');
  expect(message).toMatch(
    /est un nombre enregistré comme texte \(«\u00a085 %\u00a0»\)\u00a0: elle n’est pas comptée\. Retapez le nombre sans le signe\u00a0%\u00a0: 85 et non 85\u00a0%\.$/,
  );
});

test('text « 1.500 » in a quarter cell: told to retype it without a dot, as the merge refuses it, not to convert it', async () => {
  const [message] = await messagesAt('G1-QN1', quarter, '1.500');
  expect(message).toMatch(
    /\(«\u00a01\.500\u00a0»\)\u00a0: elle n’est pas comptée\. Retapez le nombre sans point\u00a0: 1\u00a0500 pour mille cinq cents, 1,5 pour un et demi\.$/,
  );
});

test('a decimal in Avancement is shown the French way, with what to type instead', async () => {
  const [message] = await messagesAt('G1', 'Avancement (%)', 50.5);
  expect(message).toMatch(/\(valeur lue\u00a0: «\u00a050,5\u00a0»\)\. Saisissez un nombre entier de 0 à 100/);
});

test('a word in Avancement: told what to type there, and where the words go', async () => {
  const [message] = await messagesAt('G1', 'Avancement (%)', 'moitié');
  expect(message).toMatch(
    /le texte «\u00a0moitié\u00a0»\. Saisissez un nombre entier de 0 à 100 \(sans le signe\u00a0%\), ou videz la cellule\u00a0; le texte a sa place dans «\u00a0Mise en œuvre\u00a0» ou «\u00a0Difficultés\u00a0»\.$/,
  );
});

test('a status with a no-break space: the message shows it', async () => {
  const [message] = await messagesAt('G1', 'Statut', 'En\u00a0cours');
  expect(message).toMatch(
    /: la valeur «\u00a0En\[espace insécable\]cours\u00a0» ne fait pas partie de la liste de la colonne «\u00a0Statut\u00a0»\. Choisissez parmi\u00a0: .*\. La valeur contient des caractères invisibles, montrés entre crochets\u00a0: retapez-la ou choisissez-la dans la liste\.$/,
  );
});

test('completeness lists the cells holding an invalid value apart from the empty ones', async () => {
  let invalid = '';
  const bytes = await editWorkbook(generated, (workbook) => {
    const cell = axisCell(workbook, 'G1-QN1', quarter);
    cell.value = 'une dizaine';
    invalid = cell.address;
  });
  const { report, messages } = await validateFile(bytes, now);
  const index = report.issues.findIndex(
    (issue) => issue.code === 'incomplete-current-quarter' && issue.rowKey === 'G1',
  );
  const cells = (report.issues[index].params.cells as string[]).filter((cell) => cell !== invalid);
  expect(messages[index]).toBe(
    `Axe 1, fiche «\u00a0G1\u00a0»\u00a0: ${cells.length + 1} valeurs attendues pour ${quarter} manquent (les cellules ` +
      `${cells.join(', ')} sont vides\u00a0; la cellule ${invalid} a une valeur invalide, non comptée).`,
  );
});

test('a row inserted above the SIREN in Paramètres: one error where the label now is, no false SIREN warning', async () => {
  const bytes = await editWorkbook(generated, (workbook) => {
    const settings = workbook.getWorksheet('Paramètres')!;
    settings.getCell('B5').value = '244200770';
    settings.spliceRows(5, 0, []);
  });
  const { report, messages } = await validateFile(bytes, now);
  const settingsIssues = report.issues.filter((issue) => issue.sheet === 'Paramètres');
  expect(settingsIssues.map((issue) => [issue.severity, issue.code, issue.cell])).toEqual([
    ['error', 'settings-label-moved', 'A6'],
  ]);
  expect(messages).toContain(
    "Paramètres, cellule A6\u00a0: l’intitulé «\u00a0SIREN de l'EPCI\u00a0» est passé de la ligne 5 à la ligne 6, et les 4 " +
      'intitulés qui le suivent avec lui\u00a0: une ligne a été insérée ou supprimée dans la feuille. Supprimez la ' +
      'ligne insérée (ou rétablissez celle supprimée)\u00a0: la feuille est réécrite à ses places d’origine. Les ' +
      'valeurs sont lues à côté de leur intitulé en attendant.',
  );
  expect((await computeFile(bytes, now)).written).toBeNull();
});

/** A qualitative criterion of Axe 1 of the embedded plan. */
function qualitativeKeyOfAxis1(): string {
  const criteria = embeddedPlan().plan.axes[0].fiches.flatMap((fiche) => fiche.criteria);
  return criteria.find((criterion) => criterion.kind === 'qualitative')!.key;
}

test('a date typed in a qualitative quarter: quoted as the date shown, with no word of invisible characters', async () => {
  let address = '';
  // Excel gives a cell a date format when a date is typed in it.
  const bytes = await editWorkbook(generated, (workbook) => {
    const cell = axisCell(workbook, qualitativeKeyOfAxis1(), quarter);
    cell.value = new Date(Date.UTC(2026, 9, 3));
    cell.numFmt = 'dd/mm/yyyy';
    address = cell.address;
  });
  const { report, messages } = await validateFile(bytes, now);
  const [message] = messages.filter((_, index) => report.issues[index].cell === address);
  expect(message).toContain('(valeur lue\u00a0: «\u00a003/10/2026\u00a0»)');
  expect(message).not.toContain('invisible');
});

test('a large number typed in Statut: quoted the French way, with no word of invisible characters', async () => {
  const [message] = await messagesAt('G1', 'Statut', 12345);
  expect(message).toContain('la valeur «\u00a012\u00a0345\u00a0» ne fait pas partie de la liste');
  expect(message).not.toContain('invisible');
});

test('a column deleted from an axis sheet: told to undo or take it back from a copy, not only to retype its header', async () => {
  let column = 0;
  const bytes = await editWorkbook(generated, (workbook) => {
    const sheet = workbook.getWorksheet('Axe 1')!;
    column = axisCell(workbook, 'G1', 'Difficultés').fullAddress.col;
    sheet.spliceColumns(column, 1);
  });
  const { report, messages } = await validateFile(bytes, now);
  const index = report.issues.findIndex((issue) => issue.code === 'missing-column' && issue.sheet === 'Axe 1');
  expect(messages[index]).toBe(
    'Axe 1\u00a0: la colonne «\u00a0Difficultés\u00a0» manque\u00a0: supprimée, ou son en-tête changé. Si la colonne ' +
      'est encore là, remettez-lui cet en-tête exact\u00a0; si elle a été supprimée, annulez la suppression (Ctrl+Z) ou ' +
      'reprenez-la d’une copie du classeur enregistrée avant. Ses valeurs ne sont pas lues en attendant.',
  );
});
