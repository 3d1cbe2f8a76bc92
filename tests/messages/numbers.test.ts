import fc from 'fast-check';
import { frenchNumber } from '../../src/domain/messages/numbers';

/** The formatter every number of a message went through before whole numbers were written directly. */
const reference = (value: number) =>
  new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 }).format(value).replace(/\u202f/g, '\u00a0');

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

  it('any number is written as the French formatter writes it', () => {
    const numbers = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(numbers, (value) => expect(frenchNumber(value)).toBe(reference(value))),
      { numRuns: 500 },
    );
  });
});
