import { builtInDateFormatKind, dateFormatKind } from '../../src/xlsx/reader/date-formats';

describe('date number formats', () => {
  test.each([
    ['dd/mm/yyyy', 'date'],
    ['d-mmm-yy', 'date'],
    ['[$-40C]d mmmm yyyy;@', 'date'],
    ['mmm', 'date'],
    ['yyyy-mm-dd hh:mm', 'date'],
    ['hh:mm:ss', 'time'],
    ['h:mm AM/PM', 'time'],
    ['[h]:mm', 'time'],
    ['[m]', 'time'],
    ['mm:ss.0', 'time'],
    ['General', null],
    ['0.00', null],
    ['#,##0 "jours"', null],
    ['0 "d"', null],
    ['[Red][<0]0;0', null],
    ['0\\h', null],
    ['@', null],
    ['_-* #,##0.00 €_-;-* #,##0.00 €_-', null],
    ['0.00E+00', null],
  ])('%s → %s', (code, kind) => {
    expect(dateFormatKind(code)).toBe(kind);
  });

  test('built-in ids', () => {
    expect([14, 15, 16, 17, 22, 27, 58].map(builtInDateFormatKind)).toEqual(Array(7).fill('date'));
    expect([18, 19, 20, 21, 45, 46, 47].map(builtInDateFormatKind)).toEqual(Array(7).fill('time'));
    expect([0, 1, 2, 9, 10, 11, 12, 13, 37, 44, 48, 49].map(builtInDateFormatKind)).toEqual(Array(12).fill(null));
  });
});
