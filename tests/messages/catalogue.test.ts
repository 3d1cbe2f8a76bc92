/**
 * The one catalogue (src/domain/messages): every code an issue, the convention reader, a plan JSON or the .xlsx
 * reader can give is rendered into a French sentence. The compiler checks that each code has a template; these
 * tests render each one with sample params, as a person would read it.
 */
import { issueCodes, type IssueCode } from '../../src/domain/issue-codes';
import { createIssue, renderIssueMessage, type IssueParams } from '../../src/domain/issues';
import { messageAreas, renderMessage, type MessageCode } from '../../src/domain/messages';

/** Params as the producers give them, under every name a template reads. */
const sample: IssueParams = {
  added: 2,
  allowed: ['En cours', 'Réalisée'],
  article4Title: 'Accompagner les familles',
  axis: 2,
  backTo: '2026-01-01',
  blockLine: 12,
  cell: 'M5',
  cells: ['L12', 'M12'],
  changed: 1,
  commune: 'Pélussin',
  competence: 'Petite enfance',
  count: 2,
  current: '2027-T1',
  date: '2026-03-15',
  declared: 18000,
  detail: 'Unexpected token',
  details: 'axe 3 sans fiche',
  end: '2030-12-31',
  expected: 'G1',
  field: 'Objectifs',
  fileName: 'convention.pdf',
  filled: 17500,
  first: '2026-T1',
  firstCell: 'A5',
  firstLine: 40,
  firstSheet: 'Axe 1',
  formula: 'SUM(A1:A3)',
  found: 'G9',
  from: 9,
  header: 'Cible',
  headers: ['2026-T2'],
  invalidCells: ['M12'],
  key: 'G1-C2',
  keys: ['G1-C2', 'G1-C3'],
  kind: 'pdf',
  kinds: ['email'],
  label: 'Date de début',
  last: '2030-T4',
  limit: 100000,
  lines: [10, 20],
  name: 'Pélussin',
  names: ['Pélussin', 'Véranne'],
  newPeriod: '01/01/2027 – 31/12/2031',
  number: 0.85,
  obligation: 'rpe',
  oldPeriod: '01/01/2026 – 31/12/2030',
  parentKey: 'G1',
  path: 'axes.0.title',
  population: 12000,
  quarter: '2026-T4',
  read: 'text',
  ref: 'G1',
  references: ["'Axe 1'!X5"],
  removed: 1,
  renamedAs: 'Axe 1 Parentalité',
  row: 15,
  rowKeys: ['G1-QN1'],
  rowType: 'Fiche',
  sheet: 'Axe 1',
  sheetName: 'Axe 1',
  size: 52_000_000,
  spelling: 'St Genest',
  start: '2026-01-01',
  stored: '2026-01-01',
  supported: 1,
  territory: 'Bassin de vie de Pélussin',
  text: 'Du texte',
  threshold: 10000,
  title: 'Parentalité',
  to: 10,
  today: '2027-T2',
  type: 'EAJE',
  upTo: '2026-T3',
  value: '50',
  valueCell: 'B6',
  values: [3, 4],
  written: 'Intérrêt',
};

/** What a message must never show: a value missing from its params, or a value printed as code. */
const BROKEN = /undefined|null|NaN|\[object|Problème non décrit/;

const areaCodes = Object.values(messageAreas).flatMap((area) => Object.keys(area)) as MessageCode[];

describe('the message catalogue', () => {
  it.each(areaCodes)('renders %s as a French sentence', (code) => {
    const message = renderMessage(code, sample);
    expect(message).not.toMatch(BROKEN);
    expect(message).toMatch(/^\S.*[.)»]$/s);
  });

  it('has each code in one area only', () => {
    expect(areaCodes.filter((code, index) => areaCodes.indexOf(code) !== index)).toEqual([]);
  });

  it('has a message for every code of the issue table, and no issue message without a code in it', () => {
    expect(Object.keys(messageAreas.issues).sort()).toEqual(Object.keys(issueCodes).sort());
  });

  it.each(Object.keys(issueCodes) as IssueCode[])('renders the issue %s where it is', (code) => {
    const message = renderIssueMessage(createIssue(code, { sheet: 'Axe 1', cell: 'L12', rowKey: 'G1' }, sample));
    expect(message).not.toMatch(BROKEN);
    expect(createIssue(code, { sheet: null, cell: null }).severity).toBe(issueCodes[code].severity);
  });
});

describe('an empty current quarter', () => {
  it('is said to be empty, not quoted as an empty text', () => {
    const at = { sheet: 'Paramètres', cell: 'B9' };
    const empty = renderIssueMessage(
      createIssue('current-quarter-invalid', at, { value: '', first: '2026-T1', last: '2030-T4' }),
    );
    expect(empty).toBe(
      'Paramètres, cellule B9\u00a0: le trimestre en cours est vide. Saisissez un texte de la forme AAAA-Tn compris ' +
        'entre 2026-T1 et 2030-T4.',
    );
    const wrong = renderIssueMessage(
      createIssue('current-quarter-invalid', at, { value: '2026-T5', first: '2026-T1', last: '2030-T4' }),
    );
    expect(wrong).toContain('(valeur lue\u00a0: «\u00a02026-T5\u00a0»)');
  });
});
