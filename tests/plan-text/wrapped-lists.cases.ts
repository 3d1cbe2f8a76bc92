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

  test('a list written one item per line keeps its items', () => {
    const text = replaceOnce(
      replaceOnce(
        seedText,
        "Existant\n\nPorteur de l'action :\n\nCCMP; Acteur (s) du territoire\n\nTerritoire(s) cible(s) :\n\nCCMP\n\nChamp(s) d'intervention(s) : Soutien",
        "Existant\n\nPorteur de l'action :\n\nCaf\nCommune de Jonzieux\nCCMP\n\nTerritoire(s) cible(s) :\n\nCCMP\n\nChamp(s) d'intervention(s) : Soutien",
      ),
      'Territoire(s) cible(s) :\n\nColombier; Thélis-la-Combe; Graix; La Versanne',
      'Territoire(s) cible(s) :\n\nColombier\nThélis-la-Combe\nGraix\nLa Versanne',
    ).replace('Santé mentale; Soutien à la parentalité', 'Santé mentale\nSoutien à la parentalité');
    const { plan } = parsedOk(text);
    expect(ficheByKey(plan, 'F2').carriers).toEqual(['Caf', 'Commune de Jonzieux', 'CCMP']);
    expect(ficheByKey(plan, 'G12').territories).toEqual(['Colombier', 'Thélis-la-Combe', 'Graix', 'La Versanne']);
    expect(ficheByKey(plan, 'F3').fields).toEqual(['Santé mentale', 'Soutien à la parentalité']);
  });

  test('one item per line, an item folded over two lines still reads as one', () => {
    const text = replaceOnce(
      seedText,
      "Existant\n\nPorteur de l'action :\n\nCCMP; Acteur (s) du territoire\n\nTerritoire(s) cible(s) :\n\nCCMP\n\nChamp(s) d'intervention(s) : Soutien",
      "Existant\n\nPorteur de l'action :\n\nCaf\n(Pôle familles)\nCommune de\nJonzieux\nCentre social l’\nAgora\nMaison des jeunes et\nde la culture\nCCMP\nPôle petite-\nenfance\nAPI\n\nTerritoire(s) cible(s) :\n\nCCMP\n\nChamp(s) d'intervention(s) : Soutien",
    );
    expect(ficheByKey(parsedOk(text).plan, 'F2').carriers).toEqual([
      'Caf (Pôle familles)',
      'Commune de Jonzieux',
      'Centre social l’Agora',
      'Maison des jeunes et de la culture',
      'CCMP',
      'Pôle petite-enfance',
      'API',
    ]);
  });
});
