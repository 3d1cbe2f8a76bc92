import { renderMessage } from '../../src/domain/messages';
import { buildXlsx, packageParts, worksheetXml, zipParts } from './support/package-builder';
import { readError } from './support/read';

/** What the person is told of a file refused by the reader. */
function told(bytes: Uint8Array): string {
  const { code, params } = readError(bytes);
  return renderMessage(code, params);
}

/**
 * A plain zip archive of workbooks is told to be extracted (src/xlsx/reader/zip-archive.ts); a workbook's own package,
 * even damaged, is never taken for one: the .xlsx objects embedded in it are no territory's workbooks to extract.
 */
describe('a workbook package is not taken for a zip archive of workbooks', () => {
  const embedded = buildXlsx({ sheets: [] });

  it('a workbook that lost its package parts and its workbook part, with an .xlsx object embedded', () => {
    const parts = packageParts({ sheets: [{ name: 'Axe 1', xml: worksheetXml('') }] });
    delete parts['[Content_Types].xml'];
    delete parts['_rels/.rels'];
    delete parts['xl/workbook.xml'];
    parts['xl/embeddings/Microsoft_Excel_Worksheet.xlsx'] = embedded;
    const message = told(zipParts(parts));
    expect(message).not.toContain('archive');
    expect(message).toMatch(/^Ce fichier n’est pas un classeur Excel \(\.xlsx\)/);
  });

  it('an unpacked workbook zipped again in its folder, with an .xlsx object embedded', () => {
    const parts = packageParts({ sheets: [{ name: 'Axe 1', xml: worksheetXml('') }] });
    const inFolder = Object.fromEntries(Object.entries(parts).map(([name, part]) => [`suivi/${name}`, part]));
    inFolder['suivi/xl/embeddings/Microsoft_Excel_Worksheet.xlsx'] = embedded;
    expect(told(zipParts(inFolder))).not.toContain('extrayez-en le classeur');
  });

  it('still counts the workbooks of an archive beside their folders', () => {
    const archive = zipParts({ 'xl/pilat.xlsx': embedded, 'loire/forez.xlsx': embedded });
    expect(told(archive)).toContain('extrayez-en les 2 classeurs qu’elle contient');
  });
});

describe('a zip archive that holds other archives and no workbook', () => {
  it('is told to have its archives extracted, not that there is no workbook to be had', () => {
    const inner = zipParts({ 'pilat.xlsx': buildXlsx({ sheets: [] }) });
    expect(told(zipParts({ 'loire.zip': inner, 'lisez-moi.txt': 'x' }))).toBe(
      'Ce fichier est une archive .zip, pas un classeur, et elle ne contient pas de classeur mais une autre archive ' +
        '.zip\u00a0: extrayez-la (clic droit sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis extrayez de même les classeurs ' +
        'qu’elle contient.',
    );
    expect(told(zipParts({ 'loire.zip': inner, 'rhone.ZIP': inner }))).toContain('mais 2 autres archives .zip');
    expect(told(zipParts({ 'lisez-moi.txt': 'x' }))).toContain('elle ne contient aucun classeur');
  });
});
