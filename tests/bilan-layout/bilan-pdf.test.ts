import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { convertToPdf, findLibreOffice } from '../../src/cli/libreoffice';
import { pageCapacityPoints } from '../../src/layout/page-breaks';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { barsOf, pageText, pdfWords, type PdfPage } from '../helpers/pdf-words';
import { blockHeight, ficheBlocks, pagesOfRows } from './helpers/pages';
import { embeddedPlanBilan } from './helpers/plan-bilan';
import { sampleBilan } from './helpers/sample-bilan';
import { writeBilan } from './helpers/written-bilan';

/**
 * The bilan printed to PDF by the command's own conversion (LibreOffice headless): its text says what the bilan is
 * and a fiche's figures, every word lies within its page, no column is cut (each page holds a table's first and
 * last columns), and a fiche that fits on a page is not split. The first page is left as a picture in test-output/
 * for a person to look at. Page counts depend on the installed fonts (CI installs Carlito, Calibri's metrics): not
 * asserted.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const work = path.join(ROOT, '.scratch', 'bilan-pdf');
const output = path.join(ROOT, 'test-output', 'bilan-layout');
const bilan = sampleBilan();

/** The sample bilan with criterion 1.4.1's Commentaire replaced by `comment`. */
const withCommentOf141 = (comment: string) => ({
  ...bilan,
  fiches: bilan.fiches.map((fiche) =>
    fiche.key === '1.4'
      ? {
          ...fiche,
          criteria: fiche.criteria.map((criterion) =>
            criterion.key === '1.4.1' ? { ...criterion, comment } : criterion,
          ),
        }
      : fiche,
  ),
});

const words = (page: PdfPage) => page.words.map((word) => word.text);
/** A page's text with non-breaking spaces read as spaces (the words are joined by spaces). */
const flat = (page: PdfPage) => pageText(page).replace(/\u00a0/g, ' ');
/** The words on the same printed line as the first `word` of the page, left to right. */
function lineOf(page: PdfPage, word: string): string[] {
  const anchor = page.words.find((candidate) => candidate.text === word);
  if (!anchor) throw new Error(`${word} not on the page`);
  const middle = (anchor.yMin + anchor.yMax) / 2;
  return page.words
    .filter((candidate) => candidate.yMin <= middle && candidate.yMax >= middle)
    .sort((a, b) => a.xMin - b.xMin)
    .map((candidate) => candidate.text);
}
const pageOf = (pages: PdfPage[], word: string) => pages.findIndex((page) => words(page).includes(word));
const tools = { soffice: hasBinary('soffice'), pdftotext: hasBinary('pdftotext'), pdftoppm: hasBinary('pdftoppm') };

/** The bilan written and converted by LibreOffice: its spec and its PDF's pages. */
async function printed(subject: typeof bilan, name: string) {
  fs.mkdirSync(work, { recursive: true });
  const { bytes, spec } = await writeBilan(subject);
  const xlsx = path.join(work, `${name}.xlsx`);
  const pdf = path.join(work, `${name}.pdf`);
  fs.writeFileSync(xlsx, bytes);
  const program = await findLibreOffice();
  expect(program).not.toBeNull();
  const converted = await convertToPdf(program!, xlsx);
  if (!converted.ok) throw new Error(converted.reason);
  fs.writeFileSync(pdf, converted.bytes);
  return { spec, pdf, pages: pdfWords(new Uint8Array(fs.readFileSync(pdf)), 'bilan-pdf') };
}

describe('the bilan as a PDF', () => {
  itWhenAvailable({
    soffice: hasBinary('soffice'),
    pdftotext: hasBinary('pdftotext'),
    pdftoppm: hasBinary('pdftoppm'),
  })(
    'says what it is and a fiche’s figures, within the pages, no column cut, a fiche that fits on one page',
    async () => {
      fs.mkdirSync(work, { recursive: true });
      fs.mkdirSync(output, { recursive: true });
      const { bytes, spec } = await writeBilan(bilan);
      const xlsx = path.join(work, 'bilan.xlsx');
      const pdf = path.join(work, 'bilan.pdf');
      fs.writeFileSync(xlsx, bytes);
      const program = await findLibreOffice();
      expect(program).not.toBeNull();
      const converted = await convertToPdf(program!, xlsx);
      if (!converted.ok) throw new Error(converted.reason);
      fs.writeFileSync(pdf, converted.bytes);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        path.join(output, 'bilan-page-1'),
      ]);
      expect(fs.statSync(path.join(output, 'bilan-page-1.png')).size).toBeGreaterThan(1000);

      const pages = pdfWords(new Uint8Array(fs.readFileSync(pdf)), 'bilan-pdf');
      expect(pages.length).toBeGreaterThan(3);
      for (const page of pages) {
        expect(page.width).toBeGreaterThan(page.height); // A4 landscape
        expect(Math.round(page.width)).toBe(842);
        for (const word of page.words) {
          const inside =
            word.xMin >= 0 && word.yMin >= 0 && word.xMax <= page.width + 0.5 && word.yMax <= page.height + 0.5;
          expect([word.text, inside]).toEqual([word.text, true]);
        }
      }

      // The first page: the title, the period, the plan's counts of the period.
      const first = flat(pages[0]);
      // French numbers whatever the machine's locale (CI runs in C.UTF-8): « 92,3 % », « 2,80 ».
      expect(first).toMatch(/\d[\s\u00a0\u202f]%/);
      expect(first).not.toMatch(/\d%/);
      expect(first).toMatch(/\b\d+,\d\d\b/);
      expect(first).not.toMatch(/\b\d+\.\d\d\b/);
      expect(first).toContain('Bilan final \u2013 Communauté de communes des Monts du Pilat');
      expect(first).toContain('Période : 2026-T1 à 2030-T4');
      const { period, cumulative } = bilan.plan;
      expect(lineOf(pages[0], 'Ensemble').join(' ')).toMatch(
        new RegExp(
          `^Ensemble du plan ${period.expected} ${period.filled} \\d+(,\\d)?[\\s\\u00a0\\u202f]% \\u2588+ ${cumulative.expected} ${cumulative.filled} `,
        ),
      );
      // No column cut: the last columns of both tables of Synthèse are on the first page.
      expect(first).toContain('Fiches avec difficultés');
      expect(words(pages[0]).filter((word) => word === 'Barre')).toHaveLength(3);

      // Every page of Fiches holds its first and last columns' headers (repeated rows).
      const fichePages = pages.filter((page) => flat(page).includes('Intitulé du critère'));
      expect(fichePages.length).toBeGreaterThan(2);
      for (const page of fichePages)
        for (const header of ['Critère', 'Commentaire', 'Intérêt']) expect(words(page)).toContain(header);
      // No header's word broken across lines (a cell font LibreOffice did not take for Calibri did so): each is whole.
      for (const word of ['Référence', 'Renseignement', 'Avancement', 'Réalisation', 'Dernière'])
        expect(words(fichePages[0])).toContain(word);
      for (const word of ['renseignées', 'Renseignement', 'Réalisation', 'difficultés'])
        expect(words(pages[0])).toContain(word);

      // Fiche 3.1: its row and its first criterion's last value of the twenty quarters.
      const page31 = pages[pageOf(pages, '3.1')];
      const text31 = flat(page31);
      expect(text31).toContain('Développer l’accueil des enfants');
      expect(text31).toContain('En cours');
      expect(words(page31)).toContain('3.1.1');
      // The last year's line: its four quarters on one printed line, within the row (above the next criterion's).
      const yearLine = '2030 \u2013 T1 : 42 ; T2 : 44 ; T3 : 46 ; T4 : 48';
      expect(text31).toContain(yearLine);
      const start = page31.words.findIndex(
        (word, index) =>
          word.text === '2030' && page31.words[index + 3]?.text === ':' && page31.words[index + 4]?.text === '42',
      );
      const line = page31.words.slice(start, start + yearLine.split(' ').length);
      expect(line.map((word) => word.text).join(' ')).toBe(yearLine);
      for (const word of line) expect(Math.abs(word.yMin - line[0].yMin)).toBeLessThan(1);
      expect(line[line.length - 1].yMax).toBeLessThan(page31.words.find((word) => word.text === '3.1.2')!.yMin);

      // Fiches that fit on a page (by the rows' heights) are whole on one: their row and their last criterion.
      const fiches = spec.sheets.find((sheet) => sheet.name === 'Fiches')!;
      const room = pageCapacityPoints(fiches) - blockHeight(fiches, fiches.print!.titleRows!);
      const fitting = ficheBlocks(fiches).filter((block) => blockHeight(fiches, block) <= room);
      expect(fitting.length).toBeGreaterThan(8);
      for (const { key } of fitting) {
        const criteria = bilan.fiches.find((fiche) => fiche.key === key)!.criteria;
        if (criteria.length === 0) continue;
        const last = criteria[criteria.length - 1].key;
        expect([key, pageOf(pages, key)]).toEqual([key, pageOf(pages, last)]);
      }

      // Compétences AO: the table's last column on the page.
      const aoPage = pages.find((page) => flat(page).includes('Compétences des autorités organisatrices'))!;
      expect(flat(aoPage)).toContain('RPE : obligation remplie');
      expect(flat(aoPage)).toContain('Saint-Genest-Malifaux');
    },
    180_000,
  );

  itWhenAvailable({ soffice: tools.soffice, pdftotext: tools.pdftotext })(
    'of a final bilan: the period’s values as large as the keys, each fiche on its pages as laid out, headers on each',
    async () => {
      const { spec, pages } = await printed(bilan, 'bilan-final');
      const fiches = spec.sheets.find((sheet) => sheet.name === 'Fiches')!;
      const criteria = bilan.fiches.flatMap((fiche) => fiche.criteria);
      const isKey = (text: string) => criteria.some((criterion) => criterion.key === text);
      // A word's box is as tall as its font: the twenty quarters of a value text (`2030 – T4 : 48`) print as large
      // as the criteria's keys, the table's own size (at 9 points they printed at about 6.5, too small for a COPIL).
      const fichePages = pages.filter((page) => flat(page).includes('Intitulé du critère'));
      const heights = (test: (text: string) => boolean) =>
        fichePages.flatMap((page) => page.words.filter((word) => test(word.text)).map((word) => word.yMax - word.yMin));
      const values = heights((text) => /^T[1-4]$/.test(text));
      const keys = heights(isKey);
      expect(values.length).toBeGreaterThan(100);
      expect(keys.length).toBe(criteria.length);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(Math.max(...keys) - 0.05);

      // The pages printed are those laid out, row for row: a fiche taller than a page (2.2, 34 criteria) ends where
      // the layout says, so the fiche after it (2.3) is not cut from its criteria.
      const firstFichePage = pages.findIndex((page) => flat(page).includes('Intitulé du critère'));
      const laidOut = pagesOfRows(fiches, pageCapacityPoints(fiches));
      const rows = new Map(fiches.rows.map((row, index) => [String(row.cells[0]?.value), index]));
      for (const criterion of criteria)
        expect([criterion.key, pageOf(pages, criterion.key) - firstFichePage]).toEqual([
          criterion.key,
          laidOut[rows.get(criterion.key)!],
        ]);
      // Each fiche's row on the page of its first criterion.
      for (const fiche of bilan.fiches.filter((candidate) => candidate.criteria.length > 0))
        expect([fiche.key, pageOf(pages, fiche.key)]).toEqual([fiche.key, pageOf(pages, fiche.criteria[0].key)]);
      // Every page holding a fiche or a criterion holds the repeated header rows.
      const ficheKeys = new Set(bilan.fiches.map((fiche) => fiche.key));
      const tablePages = pages.filter((page) =>
        page.words.some((word) => word.xMin < 85 && (isKey(word.text) || ficheKeys.has(word.text))),
      );
      expect(tablePages).toHaveLength(laidOut[laidOut.length - 1] + 1);
      for (const page of tablePages)
        for (const header of ['Fiche', 'Critère', 'Intérêt', 'Commentaire']) expect(words(page)).toContain(header);
    },
    180_000,
  );

  itWhenAvailable(tools)(
    'of the embedded plan: every fiche that fits a page whole on one, full pages, page numbers, the latest quarter',
    async () => {
      const subject = embeddedPlanBilan();
      const { spec, pages } = await printed(subject, 'plan-bilan');
      const fiches = spec.sheets.find((sheet) => sheet.name === 'Fiches')!;
      const capacity = pageCapacityPoints(fiches);
      const titles = blockHeight(fiches, fiches.print!.titleRows!);
      const blocks = ficheBlocks(fiches);
      expect(blocks).toHaveLength(48);

      // Every fiche that fits on a page is whole on one: its row and its last criterion (G21 was cut).
      const fitting = blocks.filter((block) => titles + blockHeight(fiches, block) <= capacity);
      expect(fitting.map((block) => block.key)).toContain('G21');
      expect(fitting.length).toBeGreaterThan(40);
      for (const { key } of fitting) {
        const criteria = subject.fiches.find((fiche) => fiche.key === key)!.criteria;
        const last = criteria[criteria.length - 1].key;
        expect([key, pageOf(pages, key)]).toEqual([key, pageOf(pages, last)]);
      }
      // Pages as full as whole fiches let them be: the pages printed are the pages laid out (print.cases.ts checks
      // that a page ends only where the next fiche does not fit), and fiches of half a page on average fill them
      // to 70 % or more.
      const fichePages = pages.filter((page) => flat(page).includes('Intitulé du critère'));
      const laidOut = pagesOfRows(fiches, capacity);
      expect(fichePages).toHaveLength(laidOut[laidOut.length - 1] + 1);
      const total = blocks.reduce((sum, block) => sum + blockHeight(fiches, block), 0);
      expect(fichePages.length).toBeLessThanOrEqual(Math.ceil(total / (0.7 * (capacity - titles))));
      // Rows high enough for their texts: every word of a criterion's title, latest value and comment printed above
      // the next row's key (LibreOffice lets a text too long for its row run over the next one).
      for (const page of fichePages) {
        const keys = page.words
          .filter((word) => word.xMin < 85 && /^[A-Z]+\d+(-Q[NL]\d+)?$/.test(word.text))
          .sort((a, b) => a.yMin - b.yMin);
        keys.forEach((key, index) => {
          const criterion = subject.fiches.flatMap((fiche) => fiche.criteria).find((c) => c.key === key.text);
          const next = keys[index + 1];
          if (!criterion || !next) return;
          // A line may break after a hyphen: words compared in parts, without brackets.
          const row = page.words
            .filter((word) => word.yMin >= key.yMin - 1 && word.yMin < next.yMin - 1)
            .flatMap((word) => word.text.replace(/[()]/g, '').split('-'));
          const shown = [criterion.title, criterion.comment, criterion.latestQuarter ?? ''].join(' ');
          for (const word of shown
            .replace(/[()]/g, '')
            .split(/[\s\u00a0-]+/)
            .filter((part) => part !== ''))
            expect([key.text, word, row.includes(word)]).toEqual([key.text, word, true]);
        });
      }

      // Synthèse (period over, thirteen axes): the status table's heading on the page of its rows, down to the plan's.
      const heading = pages.findIndex((page) => flat(page).includes('Fiches par statut à la fin de la période'));
      expect(heading).toBeGreaterThanOrEqual(0);
      const headingTop = pages[heading].words.find((word) => word.text === 'statut')!.yMin;
      expect(pages[heading].words.some((word) => word.text === 'Ensemble' && word.yMin > headingTop)).toBe(true);

      // Every page numbered in its footer, the bilan's title in its header.
      expect(flat(pages[0])).toContain('Page 1 sur');
      pages.forEach((page, index) => {
        expect(flat(page)).toContain(`Page ${index + 1} sur ${pages.length}`);
        expect(flat(page)).toContain('Bilan annuel 2027');
      });

      // Dernière valeur says its quarter.
      const page = pages[pageOf(pages, 'G21-QN1')];
      expect(lineOf(page, 'G21-QN1').join(' ')).toContain('(2027-T4)');
    },
    180_000,
  );

  itWhenAvailable({ soffice: tools.soffice, pdftotext: tools.pdftotext })(
    'of a fiche with a long Mise en œuvre and Difficultés that fit a page: its row with its criterion, the texts whole',
    async () => {
      // Fiche 1.3 (one criterion) with the long texts of fiche 1.1 written over and over: some 3,400 and 3,000
      // characters, which take about half a page each, their row and its criterion's together less than a page.
      const long = bilan.fiches.find((fiche) => fiche.key === '1.1')!;
      const repeated = (text: string, times: number) => Array.from({ length: times }, () => text).join(' ');
      const subject = {
        ...bilan,
        fiches: bilan.fiches.map((fiche) =>
          fiche.key === '1.3'
            ? {
                ...fiche,
                implementation: repeated(long.implementation, 11),
                difficulties: repeated(long.difficulties, 14),
              }
            : fiche,
        ),
      };
      const { pages } = await printed(subject, 'bilan-long-texts');
      const page = pages[pageOf(pages, '1.3')];
      expect(pageOf(pages, '1.3.1')).toBe(pageOf(pages, '1.3'));
      // Every sentence printed, none cut at its row's foot: each repetition's last word.
      const count = (word: string) => page.words.filter((candidate) => candidate.text === word).length;
      expect([count('territoire.'), count('semestre.')]).toEqual([11, 14]);
      // Within their rows (LibreOffice lets a text too long for its row run over the next): above the next row's label.
      const lowest = (word: string) => Math.max(...page.words.filter((w) => w.text === word).map((w) => w.yMax));
      const top = (word: string) => page.words.find((candidate) => candidate.text === word)!.yMin;
      expect(lowest('territoire.')).toBeLessThan(top('Difficultés'));
      expect(lowest('semestre.')).toBeLessThan(top('1.3.1'));
    },
    180_000,
  );

  itWhenAvailable({ soffice: tools.soffice, pdftotext: tools.pdftotext })(
    'of a Mise en œuvre longer than Excel’s highest row shows: every sentence printed, none cut',
    async () => {
      // Some 9,500 characters, each repetition marked: more than the 27 lines of a 409-point row.
      const long = bilan.fiches.find((fiche) => fiche.key === '1.1')!;
      const steps = Array.from({ length: 30 }, (_, index) => `Étape n°${index + 1} : ${long.implementation}`);
      const subject = {
        ...bilan,
        fiches: bilan.fiches.map((fiche) =>
          fiche.key === '1.3' ? { ...fiche, implementation: steps.join(' ') } : fiche,
        ),
      };
      const { pages } = await printed(subject, 'bilan-longest-text');
      const printedWords = new Set(pages.flatMap(words));
      expect(steps.map((_, index) => `n°${index + 1}`).filter((marker) => !printedWords.has(marker))).toEqual([]);
      expect(pageOf(pages, '1.3.1')).toBeGreaterThanOrEqual(pageOf(pages, '1.3'));
    },
    180_000,
  );

  itWhenAvailable({ soffice: tools.soffice, pdftotext: tools.pdftotext })(
    'of a criterion’s Commentaire longer than Excel’s highest row shows: every sentence printed, none cut',
    async () => {
      // Some 3,000 characters in a column 28 wide, each sentence marked: more than the 27 lines of a 409-point row.
      const remarks = Array.from({ length: 40 }, (_, index) => `Remarque n°${index + 1} : suivi avec les partenaires.`);
      const subject = withCommentOf141(remarks.join(' '));
      const { pages } = await printed(subject, 'bilan-longest-comment');
      const printedWords = new Set(pages.flatMap(words));
      expect(remarks.map((_, index) => `n°${index + 1}`).filter((marker) => !printedWords.has(marker))).toEqual([]);
      expect(pageOf(pages, '1.4.2')).toBeGreaterThanOrEqual(pageOf(pages, '1.4.1'));
    },
    180_000,
  );

  itWhenAvailable({ soffice: tools.soffice, pdftotext: tools.pdftotext })(
    'of a criterion’s Commentaire of one word a line, longer than Excel’s highest row shows: every line printed',
    async () => {
      // Forty communes one per line: no space to cut at, more than the 27 lines of a 409-point row.
      const communes = Array.from({ length: 40 }, (_, index) => `Commune-n°${index + 1}`);
      const subject = withCommentOf141(communes.join('\n'));
      const { pages } = await printed(subject, 'bilan-comment-lines');
      const printedWords = new Set(pages.flatMap(words));
      expect(communes.filter((commune) => !printedWords.has(commune))).toEqual([]);
    },
    180_000,
  );

  itWhenAvailable({ soffice: tools.soffice, pdftotext: tools.pdftotext })(
    'of values wider than a line a year: each quarter’s value on the line of its label',
    async () => {
      // Thousands with a decimal (`1 017,5`) and « Très satisfaisant »: a year's four take two lines or three.
      const subject = {
        ...bilan,
        fiches: bilan.fiches.map((fiche) => ({
          ...fiche,
          criteria: fiche.criteria.map((criterion, index) => ({
            ...criterion,
            values: criterion.values.map(({ quarter }, q) => ({
              quarter,
              value: index % 2 === 0 ? 1000 + q * 17.5 : 'Très satisfaisant',
            })),
          })),
        })),
      };
      const { pages } = await printed(subject, 'bilan-wide-values');
      let labels = 0;
      for (const page of pages)
        page.words.forEach((word, index) => {
          const [colon, value] = [page.words[index + 1], page.words[index + 2]];
          if (!/^T[1-4]$/.test(word.text) || colon?.text !== ':' || !value) return;
          labels += 1;
          expect([word.text, value.text, Math.abs(value.yMin - word.yMin) < 1]).toEqual([word.text, value.text, true]);
        });
      expect(labels).toBeGreaterThan(500);
    },
    180_000,
  );

  itWhenAvailable({ soffice: tools.soffice, pdftotext: tools.pdftotext })(
    'prints each bar of Synthèse whole in its cell, a full bar on the first page alone',
    async () => {
      // Every rate at 100 %: each bar is as long as it gets, twenty characters.
      const full = (counts: typeof bilan.plan) => ({
        ...counts,
        period: { ...counts.period, filled: counts.period.expected },
        cumulative: { ...counts.cumulative, filled: counts.cumulative.expected },
        achievementSum: counts.achieved,
      });
      const axes = bilan.axes.map((axis) => ({ ...axis, counts: full(axis.counts) }));
      const { pages } = await printed({ ...bilan, axes, plan: full(bilan.plan) }, 'bilan-full-bars');
      // Three bars a row, the three axes and the plan: none cut by its cell's edge.
      expect(barsOf(pages[0]).map((bar) => bar.text.length)).toEqual(Array(12).fill(20));
      // Nothing of a bar spills past the page's last column onto a page of its own.
      expect(barsOf(pages[1])).toEqual([]);
      expect(flat(pages[1])).toContain('Intitulé du critère');
    },
    180_000,
  );

  itWhenAvailable({ soffice: tools.soffice, pdftotext: tools.pdftotext })(
    'prints a territory’s name pasted with a manual line break as two words, in the header and the titles',
    async () => {
      const { pages } = await printed({ ...bilan, territory: 'Monts\u000bPilat' }, 'bilan-line-break');
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        expect(flat(page)).toContain('Bilan final \u2013 Monts Pilat');
        expect(words(page)).not.toContain('MontsPilat');
      }
      expect(flat(pages[pages.length - 1])).toContain('jeune enfant \u2013 Monts Pilat');
    },
    180_000,
  );
});
