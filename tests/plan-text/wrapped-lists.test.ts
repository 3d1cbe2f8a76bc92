import { ficheByKey, fiches, parsedOk, replaceOnce, seedText, withoutLines } from './seed-helpers';

/** A `;`-separated list (porteurs, territoires, champs) folded by an export at a fixed width keeps its items. */

const seed = parsedOk(seedText);
const LIST_LABEL = /^(Porteur de l'action|Territoire\(s\) cible\(s\)|Champ\(s\) d'intervention\(s\)) :/;

/** `text` broken at spaces into lines of at most `width` characters, as `fold -s` does. */
function fold(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** The seed with the value of every list label (its next non-blank line, or the label line itself) folded. */
function foldLists(text: string, width: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let pending = false;
  for (const line of lines) {
    if (LIST_LABEL.test(line)) {
      const glued = line.replace(LIST_LABEL, '').trim();
      if (glued) out.push(...fold(line, width));
      else out.push(line);
      pending = !glued;
    } else if (pending && line.trim()) {
      out.push(...fold(line, width));
      pending = false;
    } else out.push(line);
  }
  return out.join('\n');
}

describe('lists wrapped over several lines', () => {
  test('every list of the seed folded at 30 or 80 columns gives the same plan', () => {
    for (const width of [30, 80]) {
      const folded = foldLists(seedText, width);
      expect(folded.split('\n').length).toBeGreaterThan(seedText.split('\n').length);
      expect(withoutLines(parsedOk(folded).plan)).toEqual(withoutLines(seed.plan));
    }
  });

  test('a line that does not begin a new item continues the item above it', () => {
    const text = replaceOnce(
      seedText,
      'Besoin de garde; Cadre de vie et aménagement du territoire; Egalité et lutte contre les discriminations; Lien social et intergénérationnel; Vie associative',
      'Besoin de garde; Cadre de vie et aménagement du territoire; Egalité et lutte contre les discriminations; Lien social\net intergénérationnel; Vie associative',
    ).replace('CCMP; Acteur (s) du territoire', 'CCMP; Acteur (s) du\nterritoire');
    const { plan } = parsedOk(text);
    const items = fiches(plan).flatMap((fiche) => [...fiche.fields, ...fiche.carriers]);
    expect(items).not.toContain('et intergénérationnel');
    expect(items).not.toContain('territoire');
    expect(withoutLines(plan)).toEqual(withoutLines(seed.plan));
  });

  test('a line after one ending with « ; » or after a blank line is an item of its own', () => {
    const text = replaceOnce(
      seedText,
      'Territoire(s) cible(s) :\n\nColombier; Thélis-la-Combe; Graix; La Versanne',
      'Territoire(s) cible(s) :\n\nColombier; Thélis-la-Combe;\nGraix\n\nLa Versanne',
    );
    expect(ficheByKey(parsedOk(text).plan, 'G12').territories).toEqual([
      'Colombier',
      'Thélis-la-Combe',
      'Graix',
      'La Versanne',
    ]);
  });
});
