import { embeddedPlan } from '../../src/app';
import type { Plan } from '../../src/domain/plan';
import {
  epciInitials,
  findRecipient,
  fichesWithoutRecipient,
  listRecipients,
  partnerNames,
  recipientFichesOfPlan,
  recipientKey,
  recipientsOfRow,
  rowsOfRecipient,
  type RecipientFiche,
  type RecipientParties,
} from '../../src/domain/recipients';

const fiche = (key: string, carriers: string[], territories: string[], partners = ''): RecipientFiche => ({
  key,
  carriers,
  territories,
  partners,
});
describe('recipients of the Monts du Pilat plan', () => {
  const plan: Plan = embeddedPlan().plan;
  const partners: Record<string, string> = {
    G9: 'Centre social Le Colibri ; Familles rurales',
    J10: 'Familles Rurales',
  };
  const fiches = recipientFichesOfPlan(plan, (key) => partners[key] ?? '');
  // A workbook stores no short name: the fiches' `CCMP` must be recognised from the EPCI's name alone.
  const parties: RecipientParties = { ...plan.parties, epciShortName: '' };
  const names = (list: { name: string }[]) => list.map((recipient) => recipient.name);

  it('lists the porteur CCMP, every commune and the named partners, never the kinds « Mairie (s) » or « Acteur (s) »', () => {
    const all = listRecipients(fiches, parties);
    expect(names(listRecipients(fiches, parties, 'carrier'))).toEqual(['CCMP']);
    expect(names(listRecipients(fiches, parties, 'commune'))).toEqual(plan.parties.communes.map((c) => c.name));
    expect(names(listRecipients(fiches, parties, 'partner'))).toEqual(['Centre social Le Colibri', 'Familles rurales']);
    expect(names(all).some((name) => /mairie|acteur/i.test(name))).toBe(false);
  });

  it('gives a commune the mairie fiches of its territory and those of the whole EPCI, not another commune’s', () => {
    const jonzieux = rowsOfRecipient(fiches, { name: 'Jonzieux' }, parties);
    // E19: « Mairie (s) » on Jonzieux alone; G1: « Mairie (s) » on the whole CCMP.
    expect(jonzieux).toContain('E19');
    expect(jonzieux).toContain('G1');
    expect(rowsOfRecipient(fiches, { name: 'Planfoy' }, parties)).not.toContain('E19');
    // A fiche of CCMP alone (no mairie porteur) goes to no commune.
    expect(jonzieux).not.toContain('PE4');
  });

  it('finds a commune by any of its spellings, case and accents ignored', () => {
    expect(rowsOfRecipient(fiches, { name: 'MARLHES' }, parties)).toEqual(
      rowsOfRecipient(fiches, { name: 'Marlhès' }, parties),
    );
    expect(findRecipient(listRecipients(fiches, parties), 'st genest malifaux', parties)).toEqual({
      kind: 'commune',
      name: 'Saint-Genest-Malifaux',
    });
  });

  it('gives the porteur CCMP the fiches it carries, and a partner those naming it', () => {
    const ccmp = rowsOfRecipient(fiches, { name: 'ccmp' }, parties);
    expect(ccmp).toContain('PE4');
    expect(ccmp).not.toContain('G17'); // « Mairie (s) » only
    expect(rowsOfRecipient(fiches, { name: 'familles rurales' }, parties)).toEqual(['G9', 'J10']);
  });

  it('tells every recipient of a row, so that a row with one recipient is known', () => {
    const e19 = fiches.find((fiche) => fiche.key === 'E19')!;
    expect(recipientsOfRow(e19, parties)).toEqual([{ kind: 'commune', name: 'Jonzieux' }]);
    const g9 = fiches.find((fiche) => fiche.key === 'G9')!;
    expect(names(recipientsOfRow(g9, parties))).toEqual(['CCMP', 'Centre social Le Colibri', 'Familles rurales']);
  });

  it('leaves no fiche of this plan without a recipient', () => {
    expect(fichesWithoutRecipient(fiches, parties)).toEqual([]);
  });
});

describe('recipients of a plan with other names', () => {
  const parties: RecipientParties = {
    epci: 'Communauté d’agglomération du Val Vert',
    epciShortName: '',
    communes: [
      { name: 'Saint-Aubin', spellings: ['Saint-Aubin', 'ST AUBIN'] },
      { name: 'Lévy', spellings: ['Lévy'] },
    ],
  };
  const fiches = [
    fiche('A1', ['Mairies'], ['ST AUBIN']),
    fiche('A2', ['mairie(s)', 'Syndicat des eaux'], ['CAVV']),
    fiche('B1', ['Acteurs locaux'], ['Lévy'], 'Crèche Les Lutins,\nMJC du Val'),
    fiche('B2', ['Mairie'], ['Quelque part ailleurs']),
    fiche('B3', ['ACTEUR(S) DU TERRITOIRE'], ['Lévy']),
  ];

  it('reads the EPCI’s initials from its name', () => {
    expect(epciInitials(parties.epci)).toBe('CAVV');
  });

  it('splits Partenaires on semicolons, commas and line breaks', () => {
    expect(partnerNames(' a ; b,c\n\nd ;')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('treats any « mairie… » and « acteur… » porteur as a kind, the others as bodies', () => {
    expect(listRecipients(fiches, parties)).toEqual([
      { kind: 'carrier', name: 'Syndicat des eaux' },
      { kind: 'commune', name: 'Saint-Aubin' },
      { kind: 'commune', name: 'Lévy' },
      { kind: 'partner', name: 'Crèche Les Lutins' },
      { kind: 'partner', name: 'MJC du Val' },
    ]);
    expect(rowsOfRecipient(fiches, { name: 'Saint-Aubin' }, parties)).toEqual(['A1', 'A2']);
    expect(rowsOfRecipient(fiches, { name: 'levy' }, parties)).toEqual(['A2']);
  });

  it('reports the fiches that go to nobody', () => {
    expect(fichesWithoutRecipient(fiches, parties)).toEqual(['B2', 'B3']);
  });

  it('sends a mairie fiche to the commune or the EPCI its territory names with a detail in brackets', () => {
    const detailed = [
      fiche('C1', ['Mairie (s)'], ['Saint-Aubin (quartier de la gare, écarts)']),
      fiche('C2', ['Mairie (s)'], ['CAVV (toutes les communes)']),
    ];
    expect(rowsOfRecipient(detailed, { name: 'Saint-Aubin' }, parties)).toEqual(['C1', 'C2']);
    expect(rowsOfRecipient(detailed, { name: 'Lévy' }, parties)).toEqual(['C2']);
  });

  it('knows no recipient by a name nobody has', () => {
    expect(findRecipient(listRecipients(fiches, parties), 'Mairies', parties)).toBeNull();
    expect(recipientKey(' Crèche  les-lutins ')).toBe(recipientKey('CRECHE LES LUTINS'));
  });
});

describe('names with « Saint » and « Sainte » abbreviated', () => {
  // A master's communes are its `Compétences AO` rows: one spelling each, the display name.
  const parties: RecipientParties = {
    epci: 'Communauté de communes de St-Bonnet-le-Château',
    epciShortName: '',
    communes: ['Saint-Genest-Malifaux', 'Sainte-Croix-en-Jarez', 'Saint-Pal-de-Mons', 'Saint-Paul-en-Jarez'].map(
      (name) => ({ name, spellings: [name] }),
    ),
  };
  const fiches = [
    fiche('A1', ['Mairie (s)'], ['St-Genest-Malifaux']),
    fiche('A2', ['Mairie (s)'], ['STE CROIX EN JAREZ']),
    fiche('A3', ['Mairie (s)'], ['Saint-Paul-en-Jarez']),
    fiche('A4', ['Mairie (s)', 'Syndicat St-Pal'], ['Communauté de communes de Saint-Bonnet-le-Château']),
    fiche('B1', ['Acteur (s) du territoire'], ['Saint-Pal-de-Mons'], 'Centre social St. Joseph ; Vie Libre Ouest'),
    fiche('B2', ['Acteur (s) du territoire'], ['Saint-Pal-de-Mons'], 'centre social saint-joseph'),
    fiche('B3', ['Syndicat Saint-Pal'], ['Saint-Pal-de-Mons']),
  ];
  const find = (name: string) => findRecipient(listRecipients(fiches, parties), name, parties);

  it('finds a commune written with « St », « St. », « ST- » or « Ste », in any case, with or without hyphens', () => {
    for (const name of ['St-Genest-Malifaux', 'ST GENEST MALIFAUX', 'St. Genest-Malifaux', 'st.genest malifaux'])
      expect(find(name)).toEqual({ kind: 'commune', name: 'Saint-Genest-Malifaux' });
    for (const name of ['Ste-Croix-en-Jarez', 'STE. CROIX EN JAREZ', 'sté croix-en-jarez'])
      expect(find(name)).toEqual({ kind: 'commune', name: 'Sainte-Croix-en-Jarez' });
  });

  it('never makes two communes one: « Ste » is « Sainte », not « Saint », and only whole words are read', () => {
    expect(find('St-Croix-en-Jarez')).toBeNull();
    expect(find('Ste-Genest-Malifaux')).toBeNull();
    expect(find('St-Pal-de-Mons')).toEqual({ kind: 'commune', name: 'Saint-Pal-de-Mons' });
    expect(find('St-Paul-en-Jarez')).toEqual({ kind: 'commune', name: 'Saint-Paul-en-Jarez' });
    expect(find('Stainte-Croix-en-Jarez')).toBeNull();
    expect(find('Genest-Malifaux')).toBeNull();
    expect(recipientKey('Vie Libre Ouest')).not.toBe(recipientKey('Vie Libre Ousaint'));
  });

  it('gives a commune the mairie fiches whose territories abbreviate it, and the whole EPCI’s', () => {
    expect(rowsOfRecipient(fiches, { name: 'Saint-Genest-Malifaux' }, parties)).toEqual(['A1', 'A4']);
    expect(rowsOfRecipient(fiches, { name: 'Sainte-Croix-en-Jarez' }, parties)).toEqual(['A2', 'A4']);
    expect(rowsOfRecipient(fiches, { name: 'Saint-Paul-en-Jarez' }, parties)).toEqual(['A3', 'A4']);
    expect(fichesWithoutRecipient(fiches, parties)).toEqual([]);
  });

  it('takes a partner or a porteur written both ways for one recipient, with the spelling met first', () => {
    expect(listRecipients(fiches, parties, 'partner')).toEqual([
      { kind: 'partner', name: 'Centre social St. Joseph' },
      { kind: 'partner', name: 'Vie Libre Ouest' },
    ]);
    expect(rowsOfRecipient(fiches, { name: 'Centre social Saint-Joseph' }, parties)).toEqual(['B1', 'B2']);
    expect(listRecipients(fiches, parties, 'carrier')).toEqual([{ kind: 'carrier', name: 'Syndicat St-Pal' }]);
    expect(rowsOfRecipient(fiches, { name: 'syndicat saint pal' }, parties)).toEqual(['A4', 'B3']);
    expect(find('Syndicat St Pal')).toEqual({ kind: 'carrier', name: 'Syndicat St-Pal' });
  });
});
