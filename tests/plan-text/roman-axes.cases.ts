import { codes, parsedOk, seedText, withoutLines } from './seed-helpers';

/** Axes numbered in Roman numerals (I, II, III, IV…), in the fiches and in Article 4. */

const seed = parsedOk(seedText);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII'];
/** The axis headings as the seed writes them, "I)" for 1 and "I 2)" for 12 included. */
const SEED_HEADING = /^(\**)(I|\d{1,2}|I \d)\) /gm;

/** The text with the axis headings between `from` and `to` numbered I), II), III)… */
function romanBetween(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  let axis = 0;
  const part = text.slice(start, end).replace(SEED_HEADING, (_, bold: string) => `${bold}${ROMAN[axis++]}) `);
  expect(axis).toBe(13);
  return text.slice(0, start) + part + text.slice(end);
}

describe('axes numbered in Roman numerals', () => {
  test('I) to XIII) in the fiches are the axes 1 to 13, with no number noise reported', () => {
    const text = romanBetween(seedText, '\nI) Accompagner', '\nANNEXE 5');
    expect(text).toContain('\nII) Structurer');
    expect(text).toContain('\n**XII) Promouvoir');
    const { plan, warnings } = parsedOk(text);
    expect(plan.axes.map((axis) => axis.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(withoutLines(plan)).toEqual(withoutLines(seed.plan));
    expect(codes(warnings)).toEqual(codes(seed.warnings).filter((code) => code !== 'axis-number-noise'));
  });

  test('Article 4 numbered in Roman numerals too is still the axes’ cross-check', () => {
    const fiches = romanBetween(seedText, '\nI) Accompagner', '\nANNEXE 5');
    const text = romanBetween(fiches, '\nARTICLE 4', '\nARTICLE 5');
    const { plan, warnings } = parsedOk(text);
    expect(withoutLines(plan)).toEqual(withoutLines(seed.plan));
    expect(codes(warnings)).toEqual(codes(seed.warnings).filter((code) => code !== 'axis-number-noise'));
  });

  test('among axes numbered in digits, where « I » stands for 1, « II) » is 11 and reported', () => {
    const text = seedText.replace('\n11) Accompagner le bien-vieillir', '\nII) Accompagner le bien-vieillir');
    const { plan, warnings } = parsedOk(text);
    expect(plan.axes.map((axis) => axis.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(warnings.filter((w) => w.code === 'axis-number-noise').map((w) => w.params)).toContainEqual({
      written: 'II',
      number: 11,
    });
  });

  test.each(['.', ' –'])('« I%s », « II », … « XIII » in the fiches and in Article 4 are the axes 1 to 13', (mark) => {
    const dotted = (text: string, from: string, to: string) =>
      romanBetween(text, from, to).replace(/^(\**)([IVX]+)\) /gm, `$1$2${mark} `);
    const text = dotted(dotted(seedText, '\nI) Accompagner', '\nANNEXE 5'), '\nARTICLE 4', '\nARTICLE 5');
    expect(text).toContain(`\nII${mark} Structurer`);
    expect(text).toContain(`\nIX${mark} Renforcer la mobilité`);
    const { plan, warnings } = parsedOk(text);
    expect(plan.axes.map((axis) => axis.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(withoutLines(plan)).toEqual(withoutLines(seed.plan));
    expect(codes(warnings)).toEqual(codes(seed.warnings).filter((code) => code !== 'axis-number-noise'));
  });
});
