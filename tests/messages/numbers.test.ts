import { frenchNumber, frenchRate } from '../../src/domain/messages/numbers';

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
