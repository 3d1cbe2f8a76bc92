import { isBuiltInDateFormat, isDateFormatCode } from '../../src/xlsx/reader/date-formats';

describe('date number formats', () => {
  test.each([
    ['dd/mm/yyyy', true],
    ['d-mmm-yy', true],
    ['[$-40C]d mmmm yyyy;@', true],
    ['hh:mm:ss', true],
    ['[h]:mm', true],
    ['yyyy-mm-dd hh:mm', true],
    ['mm:ss.0', true],
    ['General', false],
    ['0.00', false],
    ['#,##0 "jours"', false],
    ['0 "d"', false],
    ['[Red][<0]0;0', false],
    ['0\\h', false],
    ['@', false],
    ['_-* #,##0.00 €_-;-* #,##0.00 €_-', false],
    ['0.00E+00', false],
  ])('%s → %s', (code, isDate) => {
    expect(isDateFormatCode(code)).toBe(isDate);
  });

  test('built-in ids', () => {
    expect([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47].every(isBuiltInDateFormat)).toBe(true);
    expect([0, 1, 2, 9, 10, 11, 12, 13, 37, 44, 48, 49].some(isBuiltInDateFormat)).toBe(false);
  });
});
