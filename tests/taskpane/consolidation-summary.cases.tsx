// The pane's summary of a Caf's consolidation of hundreds of territories: the first ones listed, the rest counted
// and sent to the workbook, while every file left out is still listed.
import './support/jsdom-globals';
import { render, screen, within } from '@testing-library/react';
import { consolidate } from '../../src/domain/consolidation/consolidate';
import { noCounts } from '../../src/domain/consolidation/counts';
import { ConsolidationSummary } from '../../src/taskpane/consolidation/consolidation-summary';
import { territoryMeasure } from '../consolidation/helpers/measures';
import { fr } from './support/french';

const measure = (index: number) =>
  territoryMeasure(`t${index}.xlsx`, `Territoire ${String(index).padStart(3, '0')}`, {
    counts: { ...noCounts, fiches: 1, cumulative: { filled: 1, expected: 2 } },
  });

it('lists the first 50 territories, counts the others, and lists every file left out', () => {
  const outcomes = [
    ...Array.from({ length: 120 }, (_, index) => ({ ok: true as const, measure: measure(index + 1) })),
    ...Array.from({ length: 60 }, (_, index) => ({
      ok: false as const,
      rejected: { file: `abime-${index}.xlsx`, code: 'truncated', reason: 'Le fichier est incomplet.' },
    })),
  ];
  render(<ConsolidationSummary consolidation={consolidate(outcomes, null)} />);
  const territories = within(screen.getByRole('list', { name: 'Territoires (120)' })).getAllByRole('listitem');
  expect(territories).toHaveLength(51);
  expect(territories[0].textContent).toContain(fr('Territoire 001 — t1.xlsx (2026-T3) : renseignement'));
  expect(territories[50].textContent).toBe(
    fr('… et 70 autres territoires : voir la feuille « Territoires » du classeur de consolidation.'),
  );
  expect(within(screen.getByRole('list', { name: 'Fichiers écartés (60)' })).getAllByRole('listitem')).toHaveLength(60);
});

it('says beside a territory’s quarter when it has not begun, or is outside its convention', () => {
  const outcomes = [
    { ok: true as const, measure: territoryMeasure('a.xlsx', 'Aix', { quarter: '2027-T1', quarterNotBegun: true }) },
    {
      ok: true as const,
      measure: territoryMeasure('f.xlsx', 'Forez', {
        quarter: '2026-T4',
        quarterOutside: 'before',
        conventionQuarters: { first: '2027-T1', last: '2031-T4' },
      }),
    },
    {
      ok: true as const,
      measure: territoryMeasure('g.xlsx', 'Gier', {
        quarter: '2031-T1',
        quarterOutside: 'after',
        conventionQuarters: { first: '2026-T1', last: '2030-T4' },
      }),
    },
    { ok: true as const, measure: territoryMeasure('p.xlsx', 'Pilat', { quarter: '2026-T4' }) },
  ];
  render(<ConsolidationSummary consolidation={consolidate(outcomes, null)} />);
  const lines = within(screen.getByRole('list', { name: 'Territoires (4)' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
  expect(lines.map((line) => line?.slice(0, line.indexOf(')') + 1))).toEqual([
    fr('Aix — a.xlsx (2027-T1, pas encore commencé)'),
    // Named as the command line names them: the convention's first or last quarter.
    fr('Forez — f.xlsx (2026-T4, avant le début de sa convention, dont le premier trimestre est 2027-T1)'),
    fr('Gier — g.xlsx (2031-T1, après la fin de sa convention, dont le dernier trimestre est 2030-T4)'),
    fr('Pilat — p.xlsx (2026-T4)'),
  ]);
});

it('says with a territory kept when its « Compétences AO » was not read, and why', () => {
  const reason = fr(
    'La feuille « Compétences AO » manque. La feuille « AO » semble être « Compétences AO » renommée : rendez-lui son nom.',
  );
  const outcomes = [
    {
      ok: true as const,
      measure: territoryMeasure('p.xlsx', 'Pilat', { errors: 1, aoUnread: { code: 'missing-sheet', reason } }),
    },
    { ok: true as const, measure: territoryMeasure('f.xlsx', 'Forez') },
  ];
  render(<ConsolidationSummary consolidation={consolidate(outcomes, null)} />);
  const lines = within(screen.getByRole('list', { name: 'Territoires (2)' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
  const pilat = lines.find((line) => line?.startsWith('Pilat'));
  const forez = lines.find((line) => line?.startsWith('Forez'));
  expect(pilat).toContain(
    fr(
      '1 erreur de données. Pour la voir et savoir où la corriger : « Vérifier un fichier… » sur ce fichier. Compétences AO non lues : ',
    ),
  );
  expect(pilat?.endsWith(`l${reason.slice(1)}`)).toBe(true);
  expect(forez).not.toContain('Compétences AO');
});

it('says under a territory kept that its figures by public miss a sheet’s fiches, and names a file left out’s territory', () => {
  const reason = fr('Axe 13, cellule I4 : la colonne « Public(s) » est vide pour les 2 fiches de cette feuille…');
  const emptied = [{ sheet: 'Axe 13', cell: 'I4', field: 'publics' as const, reason }];
  const outcomes = [
    { ok: true as const, measure: territoryMeasure('p.xlsx', 'Pilat', { planColumnsEmptied: emptied }) },
    {
      ok: false as const,
      rejected: { file: 'f.xlsx', code: 'missing-sheet', reason: 'La feuille manque.', territory: 'Forez' },
    },
  ];
  render(<ConsolidationSummary consolidation={consolidate(outcomes, null)} />);
  const [pilat] = within(screen.getByRole('list', { name: 'Territoires (1)' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
  expect(pilat?.endsWith(`. ${reason}`)).toBe(true);
  const [left] = within(screen.getByRole('list', { name: 'Fichiers écartés (1)' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
  expect(left).toBe(fr('f.xlsx (territoire « Forez ») : La feuille manque.'));
});

it('says under a territory counted without a column no figure reads which column of which sheet to put back', () => {
  const reason = fr('Axe 1 : la colonne « Commentaire » manque… Cette correction est à faire par le territoire…');
  const missingColumns = [{ sheet: 'Axe 1', column: 'Commentaire', reason }];
  const outcomes = [{ ok: true as const, measure: territoryMeasure('p.xlsx', 'Pilat', { missingColumns }) }];
  render(<ConsolidationSummary consolidation={consolidate(outcomes, null)} />);
  const [pilat] = within(screen.getByRole('list', { name: 'Territoires (1)' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
  expect(
    pilat?.endsWith(
      fr(
        `. Compté sans la colonne « Commentaire » de « Axe 1 », qu’aucun chiffre de la consolidation ne lit : ${reason}`,
      ),
    ),
  ).toBe(true);
});

it('quotes a name outside the vocabulary far too long by its start and its length', () => {
  const long = `Sport ${'santé '.repeat(5000)}`.trim();
  const field = { name: long, matched: false, counts: { ...noCounts, fiches: 1 } };
  const outcomes = [{ ok: true as const, measure: territoryMeasure('p.xlsx', 'Pilat', { fields: [field] }) }];
  render(<ConsolidationSummary consolidation={consolidate(outcomes, null)} />);
  const [line] = within(screen.getByRole('list', { name: 'Hors vocabulaire de la convention (1)' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
  expect(line).toContain(fr('« Sport santé santé'));
  expect(line).toContain(fr('… » sur 30\u00a0005 caractères (champ d’intervention) : Pilat'));
  expect(line.length).toBeLessThan(300);
});

it('shows a territory name far too long by its start and its length', () => {
  const long = `Monts du Pilat ${'très long '.repeat(3000)}`.trim();
  const outcomes = [{ ok: true as const, measure: territoryMeasure('p.xlsx', long) }];
  render(<ConsolidationSummary consolidation={consolidate(outcomes, null)} />);
  const [line] = within(screen.getByRole('list', { name: 'Territoires (1)' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
  expect(line).toContain(fr('« Monts du Pilat très long'));
  expect(line).toContain(fr('… » sur 30\u00a0014 caractères — p.xlsx (2026-T3)'));
  expect(line.length).toBeLessThan(400);
});

// The pane says what the command line says of a name outside the vocabulary (where, what to write) and of a territory
// measured at a quarter far behind today's: the Caf reads either.
it('says where a name outside the vocabulary is and what to write, and how far behind today a territory is', () => {
  const field = {
    name: 'Parentalité',
    matched: false,
    counts: { ...noCounts, fiches: 2 },
    unmatched: { sheet: 'Axe 1', cell: 'H4', suggestions: ['Soutien à la parentalité'] },
  };
  const outcomes = [
    {
      ok: true as const,
      measure: territoryMeasure('hf.xlsx', 'Haut Forez', {
        quarter: '2026-T1',
        quarterLag: { behind: 3, todays: '2026-T4', ended: null },
        fields: [field],
      }),
    },
  ];
  render(<ConsolidationSummary consolidation={consolidate(outcomes, null)} />);
  const [territory] = within(screen.getByRole('list', { name: 'Territoires (1)' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
  expect(territory).toContain(
    fr(
      '. Mesuré à 2026-T1 : 3 trimestres derrière celui d’aujourd’hui, 2026-T4 ; ses chiffres sont ceux de ce ' +
        'trimestre. Pour les mettre à jour, demandez au territoire de clôturer ses trimestres ou de mettre à jour son ' +
        'trimestre en cours (feuille « Paramètres ») ; pour mesurer tous les territoires au même trimestre, donnez-le ' +
        'dans le champ « Trimestre (facultatif) »',
    ),
  );
  const [name] = within(screen.getByRole('list', { name: 'Hors vocabulaire de la convention (1)' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
  expect(name).toBe(
    fr(
      '« Parentalité » (champ d’intervention) : Haut Forez (2 fiches, la première en cellule H4 de la feuille ' +
        '« Axe 1 ») — si c’est « Soutien à la parentalité », le territoire l’écrit ainsi dans le texte de son plan, puis régénère son classeur' +
        ' (onglet « Création », « Créer le classeur de suivi » avec le plan corrigé).',
    ),
  );
});

it('lists workbooks made from one and renamed to other territories, each counted, with the SIREN to fill', () => {
  const recorded = 'Monts du Pilat';
  const outcomes = [
    territoryMeasure('annonay.xlsx', 'Bassin d’Annonay', { recordedTerritory: recorded }),
    territoryMeasure('pilat.xlsx', recorded),
    territoryMeasure('roannais.xlsx', 'Roannais Agglomération', { recordedTerritory: recorded }),
  ].map((measure) => ({ ok: true as const, measure }));
  render(<ConsolidationSummary consolidation={consolidate(outcomes, null)} />);
  expect(within(screen.getByRole('list', { name: 'Territoires (3)' })).getAllByRole('listitem')).toHaveLength(3);
  const [line] = within(
    screen.getByRole('list', { name: fr('Classeurs créés à partir d’un même classeur (1)') }),
  ).getAllByRole('listitem');
  expect(line.textContent).toContain(fr('le SIREN de l’EPCI de chaque territoire est à saisir dans « Paramètres »'));
});
