import fc from 'fast-check';
import { hasMessage, renderMessage } from '../../src/domain/messages';
import { planSchema } from '../../src/domain/plan';
import { parseConvention, printConvention } from '../../src/plan-text';
import { planArb } from './plan-arbitraries';
import { parsedOk, seedText, withoutLines } from './seed-helpers';

/** Lines a convention is made of, to shuffle into texts the reader must survive. */
const FRAGMENTS = [
  'Réf de la fiche action :',
  'Réf de la fiche action : G1',
  'Intérêt :',
  'intérêt',
  'Public cible :',
  'Budget : Existant',
  'Objectif(s)',
  'Critères',
  'Critères quantitatifs :',
  'Critères qualitatifs :',
  '-',
  '- un critère',
  '1) Un axe',
  '**I 2) Un axe',
  'sur deux lignes**',
  'I)',
  '| 3)',
  'ARTICLE 4 - OBJECTIFS',
  'ARTICLE 10 - DUREE',
  'conclue du 1 janvier 2026 au 31 décembre 2030',
  'du 31/02/2026 au 01/13/2020',
  'ANNEXE 2 – LISTE',
  'COMMUNE DE X\t',
  'TYPE DE STRUCTURE\tNOM',
  '\tsans type',
  'EAJE\t',
  'la commune de Marlhes',
  'La Communauté de communes des A (AB)',
  "Caisse d'allocations familiales de la Loire",
  'Option : Tableau récapitulatif des compétences des autorités organisatrices',
  'Nom\tNb\tRecenser\tInformier\tPlanifier\tSoutenir',
  'EPCI X\t12 345\t<input checked="" type="checkbox"/> Transférée par certaines communes\t<input checked',
  'Territoire(s) cible(s) : Bassin de vie de ; ; CCMP',
  "Champ(s) d'intervention(s) :",
  '',
  '   ',
  '\u00A0',
  '**',
];

describe('properties of the convention reader', () => {
  test('never throws on arbitrary text, and what it returns is valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const result = parseConvention(text);
        if (result.ok) expect(planSchema.safeParse(result.plan).success).toBe(true);
        for (const warning of result.warnings) expect(hasMessage(warning.code)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('never throws on texts made of headings, labels, tables and noise, and every code has a message', () => {
    const line = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const result = parseConvention(lines.join(eol));
        if (result.ok) expect(planSchema.safeParse(result.plan).success).toBe(true);
        else expect(hasMessage(result.error.code)).toBe(true);
        for (const warning of result.warnings) {
          expect(hasMessage(warning.code)).toBe(true);
          expect(renderMessage(warning.code, warning.params)).not.toMatch(/undefined|\[object/);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('never throws on the seed cut or spliced anywhere', () => {
    fc.assert(
      fc.property(fc.nat(seedText.length), fc.nat(seedText.length), fc.constantFrom(...FRAGMENTS), (a, b, inserted) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const result = parseConvention(seedText.slice(0, from) + `\n${inserted}\n` + seedText.slice(to));
        if (result.ok) expect(planSchema.safeParse(result.plan).success).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  test('reading a printed plan gives the plan back (line numbers excepted)', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        expect(planSchema.safeParse(plan).success).toBe(true);
        const result = parseConvention(printConvention(plan));
        if (!result.ok) throw new Error(`${result.error.code} ${JSON.stringify(result.error.params)}`);
        expect(withoutLines(result.plan)).toEqual(withoutLines(plan));
      }),
      { numRuns: 200 },
    );
  });

  test('the labelled fields of a fiche may come in any order, glued to their label or not, CRLF, NBSP', () => {
    const labels =
      /^(Intérêt|Méthodologie|Public cible|Budget|Porteur de l'action|Territoire\(s\) cible\(s\)|Champ\(s\) d'intervention\(s\)|Contexte de l'action|Objectif\(s\)|Critères|Critères quantitatifs|Critères qualitatifs)( :)?$/;
    fc.assert(
      fc.property(planArb, fc.infiniteStream(fc.nat()), (plan, randoms) => {
        const lines = printConvention(plan).split('\n');
        const out: string[] = [];
        let i = 0;
        while (i < lines.length) {
          if (lines[i] !== 'Réf de la fiche action :') {
            out.push(lines[i++]);
            continue;
          }
          // The Réf and its value, then the field segments up to the next fiche, axis heading or AO block.
          out.push(lines[i++], lines[i++], lines[i++], lines[i++]);
          const segments: string[][] = [];
          while (
            i < lines.length &&
            lines[i] !== 'Réf de la fiche action :' &&
            !/^\d+\) /.test(lines[i]) &&
            !lines[i].startsWith('Option :')
          ) {
            if (labels.test(lines[i])) segments.push([]);
            segments[segments.length - 1].push(lines[i++]);
          }
          const shuffled = segments
            .map((segment) => ({ segment, order: randoms.next().value as number }))
            .sort((a, b) => a.order - b.order);
          for (const { segment } of shuffled) {
            // Half of the time, the value is glued to its label ("Budget : Existant").
            const glue =
              segment[0].endsWith(' :') &&
              segment[1] === '' &&
              !!segment[2] &&
              (randoms.next().value as number) % 2 === 0;
            out.push(...(glue ? [`${segment[0]} ${segment[2]}`, ...segment.slice(3)] : segment));
          }
        }
        const eol = (randoms.next().value as number) % 2 === 0 ? '\r\n' : '\n';
        const result = parseConvention(out.join(eol).replace(/ :/g, '\u00A0:'));
        if (!result.ok) throw new Error(result.error.code);
        expect(withoutLines(result.plan)).toEqual(withoutLines(plan));
      }),
      { numRuns: 100 },
    );
  });

  test('the seed printed and read back is the same plan', () => {
    const seed = parsedOk(seedText);
    const again = parsedOk(printConvention(seed.plan));
    expect(withoutLines(again.plan)).toEqual(withoutLines(seed.plan));
  });
});
