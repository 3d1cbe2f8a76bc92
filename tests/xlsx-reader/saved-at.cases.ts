/**
 * When a file was last saved (`docProps/core.xml`, `dcterms:modified`): read when asked, as an instant in UTC, and
 * never a reason to fail a read, whatever the part holds.
 */
import { readXlsx } from '../../src/xlsx/reader';
import { buildXlsx, type PackageSpec } from './support/package-builder';

const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CORE_TYPE = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';

/** Core properties as Excel writes them, `modified` as given (the element left out when undefined). */
function coreXml(modified: string | undefined, prefix = 'dcterms'): string {
  const element =
    modified === undefined ? '' : `<${prefix}:modified xsi:type="dcterms:W3CDTF">${modified}</${prefix}:modified>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:${prefix}="http://purl.org/dc/terms/" ` +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Agent</dc:creator>' +
    '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:created>' +
    `${element}</cp:coreProperties>`
  );
}

/** The package's relationships: the workbook, and the core properties at `target`. */
const packageRels = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  `<Relationship Id="rId2" Type="${CORE_TYPE}" Target="${target}"/></Relationships>`;

function workbook(parts: PackageSpec['parts']): Uint8Array {
  return buildXlsx({ sheets: [{ name: 'A', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }], parts });
}

function savedAtOf(bytes: Uint8Array, asked = true): string | null | undefined {
  const result = readXlsx(bytes, { sheets: () => true, savedAt: asked });
  if (!result.ok) throw new Error(`read failed: ${result.error.code}`);
  expect(result.grids.sheets[0]).toMatchObject({ name: 'A', rows: [[{ value: 1 }]] });
  return result.grids.savedAt;
}

describe('savedAt', () => {
  it('reads dcterms:modified as an instant in UTC, whatever its form or its prefix', () => {
    const cases: [string, string][] = [
      ['2026-12-03T10:15:00Z', '2026-12-03T10:15:00Z'],
      ['2026-12-03T10:15Z', '2026-12-03T10:15:00Z'],
      ['2026-12-03T10:15:07.250Z', '2026-12-03T10:15:07Z'],
      ['2026-12-03T11:15:00+01:00', '2026-12-03T10:15:00Z'],
      ['2026-12-31T23:30:00-02:00', '2027-01-01T01:30:00Z'],
      ['  2026-12-03T10:15:00Z\n', '2026-12-03T10:15:00Z'],
    ];
    for (const [written, read] of cases) {
      expect(savedAtOf(workbook({ 'docProps/core.xml': coreXml(written) }))).toBe(read);
    }
    expect(savedAtOf(workbook({ 'docProps/core.xml': coreXml('2026-12-03T10:15:00Z', 'terms') }))).toBe(
      '2026-12-03T10:15:00Z',
    );
  });

  it('finds the part the package relationships name, else docProps/core.xml', () => {
    const moved = workbook({
      '_rels/.rels': packageRels('/meta/props.xml'),
      'meta/props.xml': coreXml('2026-11-30T09:00:00Z'),
      'docProps/core.xml': coreXml('2020-01-01T00:00:00Z'),
    });
    expect(savedAtOf(moved)).toBe('2026-11-30T09:00:00Z');
    const missing = workbook({
      '_rels/.rels': packageRels('/meta/props.xml'),
      'docProps/core.xml': coreXml('2026-11-30T09:00:00Z'),
    });
    expect(savedAtOf(missing)).toBe('2026-11-30T09:00:00Z');
  });

  it('is null when there is no such date, and the read goes on', () => {
    const wrong = [
      '',
      'hier',
      '2026-12-03',
      '2026-02-31T10:00:00Z',
      '2026-12-03T25:00:00Z',
      '2026-12-03T10:15:00',
      '=NOW()',
      '2026-12-03T10:15:00+99:99',
      '2026-12-03T10:15:00+15:00',
      '2026-12-03T10:15:00+01:60',
      '9999-12-31T23:59:59-23:59',
      '0099-12-03T10:15:00Z',
    ];
    for (const written of wrong) expect(savedAtOf(workbook({ 'docProps/core.xml': coreXml(written) }))).toBeNull();
    expect(savedAtOf(workbook({ 'docProps/core.xml': coreXml(undefined) }))).toBeNull();
    expect(savedAtOf(workbook({}))).toBeNull();
    expect(savedAtOf(workbook({ 'docProps/core.xml': '<cp:coreProperties><dcterms:modified>2026-12' }))).toBeNull();
    expect(savedAtOf(workbook({ 'docProps/core.xml': new Uint8Array([0xff, 0xfe, 0x00, 0xd8]) }))).toBeNull();
    const huge = coreXml('2026-12-03T10:15:00Z').replace('Agent', 'x'.repeat(100_000));
    expect(savedAtOf(workbook({ 'docProps/core.xml': huge }))).toBeNull();
    // Only the root's own `modified`: one nested elsewhere is not the file's.
    const nested = coreXml(undefined).replace(
      '<dc:creator>Agent</dc:creator>',
      '<dc:creator><dcterms:modified>2026-12-03T10:15:00Z</dcterms:modified></dc:creator>',
    );
    expect(savedAtOf(workbook({ 'docProps/core.xml': nested }))).toBeNull();
  });

  it('is read only when asked', () => {
    expect(savedAtOf(workbook({ 'docProps/core.xml': coreXml('2026-12-03T10:15:00Z') }), false)).toBeUndefined();
  });
});
