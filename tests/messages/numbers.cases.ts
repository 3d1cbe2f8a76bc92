import { frenchNumber, frenchRate, frenchRatesApart } from '../../src/domain/messages/numbers';
import { shownCellValue } from '../../src/domain/messages/shown-cell-value';
import { isDateOrTimeFormat, isPercentFormat } from '../../src/domain/date-number-format';

describe('numbers in messages', () => {
  it.each([
    [0, '0'],
    [-0, '-0'],
    [12, '12'],
    [-999, '-999'],
    [1000, '1\u00a0000'],
    [-1000, '-1\u00a0000'],
    [3.5, '3,5'],
    [-0.25, '-0,25'],
    [46096, '46\u00a0096'],
  ])('%p is written %p', (value, text) => expect(frenchNumber(value)).toBe(text));
});

describe('rates as the tools show them', () => {
  it.each([
    [0, '0\u00a0%'],
    [0.003, '0,3\u00a0%'],
    [1 / 306, '0,3\u00a0%'],
    [0.125, '12,5\u00a0%'],
    [0.45, '45,0\u00a0%'],
    [0.996, '99,6\u00a0%'],
    [1, '100\u00a0%'],
    [null, '—'],
  ])('%p is written %p: 0 and 100 % only when exactly so, else one decimal', (rate, text) =>
    expect(frenchRate(rate)).toBe(text),
  );
});

describe('two rates side by side', () => {
  it.each([
    [0.5563, 0.5558, ['55,63\u00a0%', '55,58\u00a0%']],
    [0.55631, 0.55634, ['55,631\u00a0%', '55,634\u00a0%']],
    [0.5, 0.6, ['50,0\u00a0%', '60,0\u00a0%']],
    [0.5, 0.5, ['50,0\u00a0%', '50,0\u00a0%']],
    [null, 0.5, ['—', '50,0\u00a0%']],
  ])('%p and %p are written %p: as many decimals as tell them apart', (a, b, shown) =>
    expect(frenchRatesApart(a, b)).toEqual(shown),
  );
});

// One way to quote a cell in a message, the master's as a returned file's. A number format that shows a date and a
// `%` is a date to the readers (isPercentFormat is false for it): a cell so flagged both is quoted as a date.
describe('a cell quoted as French Excel shows it', () => {
  it.each([
    [{ value: 0.85, isPercent: true }, '85\u00a0%'],
    [{ value: 46023, isDate: true }, '01/01/2026'],
    [{ value: 46023, isDate: true, isPercent: true }, '01/01/2026'],
    [{ value: 3_000_000, isDate: true }, '3\u00a0000\u00a0000'],
    [{ value: 1234.5 }, '1\u00a0234,5'],
    [{ value: true }, 'VRAI'],
  ])('%p is quoted %p', (cell, text) => expect(shownCellValue(cell)).toBe(text));

  it('reads a format showing both a date and a % as a date', () => {
    expect(isDateOrTimeFormat('dd/mm/yyyy %')).toBe(true);
    expect(isPercentFormat('dd/mm/yyyy %')).toBe(false);
  });
});
