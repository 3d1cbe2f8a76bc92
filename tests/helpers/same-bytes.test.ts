import { expectSameBytes } from './same-bytes';

describe('expectSameBytes', () => {
  const bytes = new Uint8Array([1, 2, 3, 4, 5]);

  it('passes for the same bytes, a view into a larger buffer included', () => {
    expect(() => expectSameBytes(new Uint8Array([0, 1, 2, 3, 4, 5]).subarray(1), bytes)).not.toThrow();
    expect(() => expectSameBytes(Buffer.from(bytes), bytes)).not.toThrow();
  });

  it('fails, as toEqual does, for one byte changed or one byte more', () => {
    expect(() => expectSameBytes(new Uint8Array([1, 2, 9, 4, 5]), bytes)).toThrow(/toEqual/);
    expect(() => expectSameBytes(new Uint8Array([1, 2, 3, 4, 5, 6]), bytes)).toThrow(/toEqual/);
  });
});
