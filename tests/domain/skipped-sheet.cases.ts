import { skippedSheet, type SheetGrid } from '../../src/domain/grid';

/** A sheet a selective read left out: listed, never taken for an empty sheet. */
describe('a skipped sheet', () => {
  it('throws, naming the sheet, when its rows are asked for behind a cast', () => {
    const sheet = skippedSheet('Journal', 'visible') as unknown as SheetGrid;
    expect(() => sheet.rows).toThrow('The sheet "Journal" was skipped by a selective read');
    expect(Object.keys(sheet)).toEqual(['name', 'visibility', 'skipped']);
  });

  it('shares its rows getter with every other skipped sheet: none holds a function made for it', () => {
    const getterOf = (sheet: object) => Object.getOwnPropertyDescriptor(sheet, 'rows')?.get;
    const [journal, archives] = [skippedSheet('Journal', 'visible'), skippedSheet('Archives', 'hidden')];
    expect(getterOf(journal)).toBeInstanceOf(Function);
    expect(getterOf(archives)).toBe(getterOf(journal));
    expect(() => (archives as unknown as SheetGrid).rows).toThrow('The sheet "Archives" was skipped');
  });
});
