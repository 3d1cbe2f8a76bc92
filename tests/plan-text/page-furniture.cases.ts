import { renderMessage } from '../../src/domain/messages';
import { codes, ficheByKey, parsedOk, replaceOnce, seedText, withoutLines } from './seed-helpers';

/**
 * A PDF-to-text export carries the pages' furniture: page numbers, a form feed at each page break, and lines
 * repeated on every page (running headers and footers). None of it is part of the plan.
 */

const seed = parsedOk(seedText);
/**
 * The seed with `furniture(page)` inserted every `every` lines, pages numbered from 2. With `afterBlank`, each
 * insertion waits for the next blank line: furniture set apart by blank lines then falls where a blank line was.
 */
function paged(every: number, furniture: (page: number) => string[], afterBlank = false, text = seedText): string {
  const seedLines = text.split('\n');
  const out: string[] = [];
  let page = 2;
  let due = every;
  seedLines.forEach((line, i) => {
    if (i >= due && (!afterBlank || seedLines[i - 1] === '')) {
      out.push(...furniture(page++));
      due = i + every;
    }
    out.push(line);
  });
  return out.join('\n');
}

/** The same plan as the seed's, line numbers aside, and the seed's warnings plus the ones listed. */
function expectSeedPlan(text: string, extraCodes: string[]) {
  const { plan, warnings } = parsedOk(text);
  expect(withoutLines(plan)).toEqual(withoutLines(seed.plan));
  expect(codes(warnings).sort()).toEqual([...codes(seed.warnings), ...extraCodes].sort());
  return warnings;
}

describe('page numbers of a PDF-to-text export', () => {
  test('a page number alone on its line, before a form feed, is not read into the plan', () => {
    // Every 40 lines, as pdftotext writes a page's last line: the number, then a form feed alone on its line.
    const warnings = expectSeedPlan(
      paged(40, (page) => [String(page), '\f']),
      ['page-furniture'],
    );
    const furniture = warnings.find((w) => w.code === 'page-furniture')!;
    expect(furniture.line).toBe(41);
    expect(renderMessage(furniture.code, furniture.params)).toBe(
      'En-têtes et pieds de page de l’export ignorés\u00a0: 86 numéros de page.',
    );
  });

  test('page numbers written « - 12 - », « 12/99 », « Page 14 / 99 », with the form feed glued to the next line', () => {
    const forms = [(n: number) => `- ${n} -`, (n: number) => `${n}/99`, (n: number) => `Page ${n} / 99`];
    expectSeedPlan(
      paged(37, (page) => [forms[page % 3](page)]).replace(/\n(- \d+ -|\d+\/99|Page \d+ \/ 99)\n/g, '\n$1\n\f'),
      ['page-furniture'],
    );
  });

  test('numbers alone on their lines without a form feed are values, even rising a page apart: none taken out', () => {
    // Numbers every 45 lines (page numbers copied without their form feeds, or fiche refs 1, 2, 3…): without form
    // feeds, which every PDF-to-text export writes, nothing tells them from values. They stay, and nothing is said.
    const { warnings } = parsedOk(paged(45, (page) => [String(page)]));
    expect(codes(warnings)).not.toContain('page-furniture');
    // Budgets 2026, 2027, 2028 in three fiches, each alone on its line.
    let text = seedText;
    for (const [ref, year] of [
      ['F2', 2026],
      ['F3', 2027],
      ['PE4', 2028],
    ] as const)
      text = replaceOnce(text, `${ref}\n\nIntérêt :`, `${ref}\n\nBudget :\n\n${year}\n\nIntérêt :`);
    const budgets = parsedOk(text);
    expect(['F2', 'F3', 'PE4'].map((key) => ficheByKey(budgets.plan, key).budget)).toEqual([
      expect.stringMatching(/^2026/),
      expect.stringMatching(/^2027/),
      expect.stringMatching(/^2028/),
    ]);
    expect(codes(budgets.warnings)).not.toContain('page-furniture');
  });

  describe('a year alone on its line is no page number', () => {
    const years = [
      ['G1', '2026'],
      ['F2', '2027'],
      ['F3', '2028'],
    ];
    /** The seed with « Échéance : » and a year (a field nobody knows) under the ref of three fiches. */
    const withYears = (yearLine: (year: string) => string) =>
      years.reduce(
        (text, [ref, year]) =>
          replaceOnce(
            text,
            `Réf de la fiche action :\n\n${ref}\n\n`,
            `Réf de la fiche action :\n\n${ref}\n\nÉchéance :\n\n${yearLine(year)}\n\n`,
          ),
        seedText,
      );
    const expectYearsKept = (text: string) => {
      const { plan, warnings } = parsedOk(text);
      for (const [ref, year] of years)
        expect(ficheByKey(plan, ref).context).toMatch(new RegExp(`\nÉchéance :\n${year}$`));
      return warnings;
    };

    test('rising years under « Échéance » in three fiches are kept', () => {
      const warnings = expectYearsKept(withYears((year) => year));
      expect(codes(warnings)).not.toContain('page-furniture');
    });

    /** One message, counting as page numbers only the ones inserted (below 2000). */
    const expectPageNumbersOnly = (text: string, warnings: ReturnType<typeof expectYearsKept>) => {
      const furniture = warnings.filter((w) => w.code === 'page-furniture');
      expect(furniture).toHaveLength(1);
      const inserted = text.split('\n').filter((line) => /^\d+$/.test(line) && Number(line) < 2000).length;
      expect(renderMessage(furniture[0].code, furniture[0].params)).toBe(
        `En-têtes et pieds de page de l’export ignorés\u00a0: ${inserted} numéros de page.`,
      );
    };

    test('years just before a form feed are kept, the page numbers before form feeds taken out', () => {
      const text = paged(
        40,
        (page) => [String(page), '\f'],
        false,
        withYears((year) => `${year}\n\f`),
      );
      expectPageNumbersOnly(text, expectYearsKept(text));
    });
  });

  test('a criterion cut by a page break reads as one, though blank lines set the page number apart', () => {
    const text = replaceOnce(
      seedText,
      '- Nombre de permanences dans les communes\n',
      '- Nombre de permanences dans\n\nPage 12 / 99\n\f\nles communes\n',
    );
    const { plan, warnings } = parsedOk(text);
    expect(withoutLines(plan)).toEqual(withoutLines(seed.plan));
    expect(codes(warnings)).not.toContain('text-outside-fiche');
  });

  test('a form feed inside a line breaks the line', () => {
    // "F2\f14": the page's last word and the next page's number share a physical line.
    const text = replaceOnce(seedText, 'F2\n\nIntérêt :', 'F2\f14\n\nIntérêt :');
    const { plan } = parsedOk(text);
    expect(withoutLines(plan)).toEqual(withoutLines(seed.plan));
  });
});

describe('running headers and footers of a PDF-to-text export', () => {
  const header = 'Convention territoriale globale – Monts du Pilat – 2026-2030';
  const footer = 'CTG Monts du Pilat';

  test('a line repeated at every page break is left out, with one message naming it; criteria stay whole', () => {
    // As in a pdftotext export: footer, page number, form feed, next page's header, set apart by blank lines —
    // here about every 43 lines, so that it falls between a label and its value, in lists, between the criteria.
    const text = paged(43, (page) => ['', header, `Page ${page} / 99`, `\f${footer}`, ''], true);
    const warnings = expectSeedPlan(text, ['page-furniture']);
    const furniture = warnings.filter((w) => w.code === 'page-furniture');
    expect(furniture).toHaveLength(1);
    const pages = text.split('\f').length - 1;
    expect(pages).toBeGreaterThan(60);
    expect(renderMessage(furniture[0].code, furniture[0].params)).toBe(
      `En-têtes et pieds de page de l’export ignorés\u00a0: ${pages} numéros de page, ` +
        `«\u00a0${header}\u00a0» (${pages} fois), «\u00a0${footer}\u00a0» (${pages} fois).`,
    );
  });

  test('the first page’s header and the last page’s footer, at the text’s very start and end, are left out too', () => {
    // pdftotext writes page 1's header as the text's first line, and the last page's footer as its last.
    const pagedText = paged(43, (page) => ['', header, `Page ${page} / 99`, `\f${footer}`, ''], true);
    const text = `${footer}\n\n${pagedText}\n\n${header}\nPage 99 / 99\n`;
    const warnings = expectSeedPlan(text, ['page-furniture']);
    const furniture = warnings.find((w) => w.code === 'page-furniture')!;
    const pages = pagedText.split('\f').length - 1;
    expect(renderMessage(furniture.code, furniture.params)).toBe(
      `En-têtes et pieds de page de l’export ignorés\u00a0: ${pages + 1} numéros de page, ` +
        `«\u00a0${footer}\u00a0» (${pages + 1} fois), «\u00a0${header}\u00a0» (${pages + 1} fois).`,
    );
  });

  test('the first page’s header on the Caf’s line of the parties is no part of the Caf’s name', () => {
    const head = 'Caf de la Loire                    CTG Monts du Pilat 2026-2030';
    const pagedText = paged(43, () => ['', `\f${head}`, ''], true);
    const { plan } = parsedOk(`${head}\n${pagedText}`);
    expect(plan.parties.caf).toBe(seed.plan.parties.caf);
  });

  test('headers without page numbers, only form feeds, with CRLF line ends', () => {
    const text = paged(50, () => [`\f${footer}`, ''], true).replace(/\n/g, '\r\n');
    expectSeedPlan(text, ['page-furniture']);
  });
});
