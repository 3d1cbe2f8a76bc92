import { frenchNumber } from '../../src/domain/messages/numbers';

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
