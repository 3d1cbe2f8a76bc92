import { rowBands } from '../../src/excel/request-batcher';
import { jsonBytes } from '../../src/excel/request-size';

/** A write is cut into bands by the size of their JSON: each band carries that size, measured from its rows'. */
test('row bands keep the rows in order, stay under the size unless one row is larger, and carry their JSON size', () => {
  const rows = Array.from({ length: 40 }, (_, index) => [
    `Fiche ${index} « Égalité » 😀`,
    index % 3 === 0 ? null : index * 1.5,
    index % 5 === 0,
    'x'.repeat(index * 7),
  ]);
  for (const maxBytes of [1, 100, 500, 2000, 1e9]) {
    const bands = rowBands(rows, maxBytes);
    expect(bands.flatMap((band) => band.rows)).toEqual(rows);
    let start = 0;
    for (const band of bands) {
      expect(band.start).toBe(start);
      start += band.rows.length;
      expect(band.bytes).toBe(jsonBytes(band.rows));
      expect(band.bytes).toBe(Buffer.byteLength(JSON.stringify(band.rows)));
      if (band.rows.length > 1) expect(band.rows.map(jsonBytes).reduce((a, b) => a + b)).toBeLessThanOrEqual(maxBytes);
    }
  }
  expect(rowBands(rows, 1)).toHaveLength(rows.length);
  expect(rowBands(rows, 1e9)).toHaveLength(1);
  expect(rowBands([], 100)).toEqual([]);
});
