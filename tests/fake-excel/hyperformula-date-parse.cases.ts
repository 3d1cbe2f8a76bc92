import { HyperFormula } from 'hyperformula';

/**
 * HyperFormula as the suites load it keeps, per instance, the texts its date parse found not to be dates
 * (tests/hyperformula-date-parse-kept.js): a comparison of texts must still give what HyperFormula's own parse gives,
 * for a text seen again, for a text that is a date, and in an instance whose date formats differ.
 */
describe('HyperFormula’s date parse, its misses kept per instance', () => {
  const valuesOf = (rows: (string | number | null)[][], dateFormats?: string[]) => {
    const hf = HyperFormula.buildFromArray(rows, {
      licenseKey: 'gpl-v3',
      useArrayArithmetic: true, // as the fake's engine: a comparison of a range inside SUMPRODUCT
      ...(dateFormats && { dateFormats }),
    });
    try {
      return hf.getSheetValues(0);
    } finally {
      hf.destroy();
    }
  };

  it('compares a text seen again as the first time, and a date text as a date every time', () => {
    const statuses = Array.from({ length: 40 }, (_, i) => [i % 3 === 0 ? "'En cours" : "'Réalisée"]);
    const formulas = [
      '=SUMPRODUCT((A1:A40="En cours")*1)',
      '=SUMPRODUCT((A1:A40="Réalisée")*1)',
      '=SUMPRODUCT((A1:A40="en COURS")*1)',
      '=C1=DATE(2024,1,13)',
      '=C1=DATE(2024,1,13)',
      '=C1="13/01/2024"',
    ];
    const rows = statuses.map((status, i) => [...status, formulas[i] ?? null, i === 0 ? "'13/01/2024" : null]);
    const values = valuesOf(rows).map((row) => row[1]);
    expect(values.slice(0, 6)).toEqual([14, 26, 14, true, true, true]);
  });

  it('keeps a text that is no date in one instance’s formats apart from another’s', () => {
    const rows = [["'13/01/2024", '=A1=DATE(2024,1,13)', '=A1=DATE(2024,1,13)']];
    // Month first: 13 is no month, so the text stays a text, unequal to the date.
    expect(valuesOf(rows, ['MM/DD/YYYY'])[0].slice(1)).toEqual([false, false]);
    // Day first, HyperFormula's default: the same text is that date.
    expect(valuesOf(rows)[0].slice(1)).toEqual([true, true]);
  });
});
