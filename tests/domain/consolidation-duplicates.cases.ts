import { consolidate } from '../../src/domain/consolidation/consolidate';
import { noCounts } from '../../src/domain/consolidation/counts';
import type { FileOrigins } from '../../src/domain/consolidation/file-order';
import type { TerritoryMeasure } from '../../src/domain/consolidation/territory';
import { territoryMeasure } from '../consolidation/helpers/measures';

/** Which copy of a territory the consolidation keeps, and what it says about the others. */

function measure(
  file: string,
  territory: string,
  dates: Partial<
    Pick<
      TerritoryMeasure,
      | 'siren'
      | 'lastWrite'
      | 'latestUpdate'
      | 'savedAt'
      | 'recordedTerritory'
      | 'counts'
      | 'missingColumns'
      | 'planColumnsEmptied'
    >
  > = {},
): TerritoryMeasure {
  return territoryMeasure(file, territory, dates);
}

/** A tie's end: no date tells, the first file is kept, in an order that is said (here no origin is given). */
const undecided = (first: string, second: string) =>
  `\u00a0: rien ne dit lequel est le plus récent. «\u00a0${first}\u00a0» est gardé parce qu’il vient avant ` +
  `«\u00a0${second}\u00a0» dans la liste des fichiers.`;

/** After the dates shown, the same words follow a semicolon: a colon already leads the dates. */
const undecidedAfterDates = (first: string, second: string) => undecided(first, second).replace(/^\u00a0:/, '\u00a0;');

const kept = (...measures: TerritoryMeasure[]) =>
  consolidate(
    measures.map((one) => ({ ok: true as const, measure: one })),
    null,
  );

describe('duplicates', () => {
  it('keeps the newest of three copies and lists the two others against it', () => {
    const result = kept(
      measure('a.xlsx', 'Pilat', { siren: '200000001', lastWrite: '2026-03-01T10:00:00Z' }),
      measure('b.xlsx', 'Pilat', { siren: '200 000 001', lastWrite: '2026-09-01T10:00:00Z' }),
      measure('c.xlsx', 'Pilat', { siren: '200000001', lastWrite: '2026-06-01T10:00:00Z' }),
    );
    expect(result.territories.map((territory) => territory.file)).toEqual(['b.xlsx']);
    expect(result.duplicates.map(({ kept: k, dropped, siren }) => ({ k, dropped, siren }))).toEqual([
      { k: 'b.xlsx', dropped: 'c.xlsx', siren: '200000001' },
      { k: 'b.xlsx', dropped: 'a.xlsx', siren: '200000001' },
    ]);
  });

  it('reads a fiche’s latest « Dernière mise à jour » as the file’s date when it is later than the last write', () => {
    const result = kept(
      measure('a.xlsx', 'Pilat', { lastWrite: '2026-09-01T10:00:00Z' }),
      measure('b.xlsx', 'PILAT', { lastWrite: '2026-03-01T10:00:00Z', latestUpdate: '2026-10-15' }),
    );
    expect(result.territories.map((territory) => territory.file)).toEqual(['b.xlsx']);
    expect(result.duplicates[0].reason).toBe(
      'Plus récent\u00a0: fiche mise à jour le 15/10/2026, contre classeur écrit par l’outil le 01/09/2026.',
    );
  });

  it('keeps the file given first when the dates are the same, and says so', () => {
    const result = kept(measure('a.xlsx', 'Pilat'), measure('b.xlsx', 'Pilat'));
    expect(result.territories.map((territory) => territory.file)).toEqual(['a.xlsx']);
    expect(result.duplicates[0].reason).toBe(`Aucun des deux fichiers n’est daté${undecided('a.xlsx', 'b.xlsx')}`);
    const one = kept(measure('a.xlsx', 'Pilat'), measure('b.xlsx', 'Pilat', { latestUpdate: '2026-10-15' }));
    expect(one.duplicates[0]).toMatchObject({
      kept: 'b.xlsx',
      reason: 'Seul daté\u00a0: fiche mise à jour le 15/10/2026.',
    });
  });

  it('keeps on a tie the copy whose columns are all there, rather than one that lost a column no figure reads', () => {
    const missing = {
      missingColumns: [{ sheet: 'Axe 1', column: 'Commentaire', reason: 'La colonne « Commentaire » manque.' }],
    };
    for (const order of [
      [measure('a.xlsx', 'Pilat', missing), measure('b.xlsx', 'Pilat')],
      [measure('b.xlsx', 'Pilat'), measure('a.xlsx', 'Pilat', missing)],
    ]) {
      const result = kept(...order);
      expect(result.territories.map((territory) => territory.file)).toEqual(['b.xlsx']);
      expect(result.duplicates[0].reason).toBe(
        'Aucun des deux fichiers n’est daté\u00a0: rien ne dit lequel est le plus récent. «\u00a0b.xlsx\u00a0» est ' +
          'gardé parce que «\u00a0a.xlsx\u00a0», aux valeurs renseignées aussi nombreuses, a perdu des données de ' +
          'ses feuilles d’axe (Axe 1\u00a0: colonne «\u00a0Commentaire\u00a0» supprimée).',
      );
    }
    // An emptied champs or publics column counts as lost too.
    const emptied = {
      planColumnsEmptied: [{ sheet: 'Axe 2', cell: 'E4', field: 'publics' as const, reason: 'Vide.' }],
    };
    const result = kept(measure('a.xlsx', 'Pilat', emptied), measure('b.xlsx', 'Pilat'));
    expect(result.territories.map((territory) => territory.file)).toEqual(['b.xlsx']);
    // Both lost something: emptied publics change the figures, a missing Commentaire does not.
    for (const order of [
      [measure('c.xlsx', 'Pilat', emptied), measure('d.xlsx', 'Pilat', missing)],
      [measure('d.xlsx', 'Pilat', missing), measure('c.xlsx', 'Pilat', emptied)],
    ]) {
      const both = kept(...order);
      expect(both.territories.map((territory) => territory.file)).toEqual(['d.xlsx']);
      expect(both.duplicates[0].reason).toContain(
        '«\u00a0d.xlsx\u00a0» est gardé parce que «\u00a0c.xlsx\u00a0», aux valeurs renseignées aussi nombreuses, a ' +
          'vidé des colonnes que ses chiffres lisent (Axe 2\u00a0: colonne des publics vidée), alors que ' +
          '«\u00a0d.xlsx\u00a0» n’a perdu que des colonnes qu’aucun chiffre ne lit (Axe 1\u00a0: colonne ' +
          '«\u00a0Commentaire\u00a0» supprimée).',
      );
    }
  });

  it('tells two files of the same day apart by the minute, in French time, and a tie on the later date by the earlier one', () => {
    const sameDay = kept(
      measure('a.xlsx', 'Pilat', { lastWrite: '2026-12-03T05:06:22Z' }),
      measure('b.xlsx', 'Pilat', { lastWrite: '2026-12-03T05:07:12Z' }),
    );
    expect(sameDay.duplicates[0]).toMatchObject({
      kept: 'b.xlsx',
      reason:
        'Plus récent\u00a0: classeur écrit par l’outil le 03/12/2026 à 06:07 (heure de Paris), contre classeur écrit par l’outil le 03/12/2026 à 06:06 (heure de Paris).',
    });
    const tie = kept(
      measure('a.xlsx', 'Pilat', { lastWrite: '2026-12-03T05:00:00Z' }),
      measure('b.xlsx', 'Pilat', { lastWrite: '2026-12-03T05:00:00Z', latestUpdate: '2026-11-30' }),
    );
    // b was given second: the reason says what decided, never « the first given ».
    expect(tie.duplicates[0]).toMatchObject({
      kept: 'b.xlsx',
      dropped: 'a.xlsx',
      reason:
        'Les deux fichiers ont la même date la plus récente, classeur écrit par l’outil le 03/12/2026 à 06:00 (heure de Paris)\u00a0; ' +
        'ils sont départagés par leur autre date, que seul le fichier gardé a\u00a0: fiche mise à jour le 30/11/2026.',
    });
    const tieOnBoth = kept(
      measure('a.xlsx', 'Pilat', { lastWrite: '2026-12-03T05:00:00Z', latestUpdate: '2026-11-02' }),
      measure('b.xlsx', 'Pilat', { lastWrite: '2026-12-03T05:00:00Z', latestUpdate: '2026-11-30' }),
    );
    expect(tieOnBoth.duplicates[0]).toMatchObject({
      kept: 'b.xlsx',
      reason:
        'Les deux fichiers ont la même date la plus récente, classeur écrit par l’outil le 03/12/2026 à 06:00 (heure de Paris)\u00a0; ' +
        'ils sont départagés par leur autre date, plus récente dans le fichier gardé\u00a0: fiche mise à jour le ' +
        '30/11/2026, contre fiche mise à jour le 02/11/2026 dans le fichier non retenu.',
    });
    const same = kept(
      measure('a.xlsx', 'Pilat', { lastWrite: '2026-12-03T05:00:00Z', latestUpdate: '2026-11-30' }),
      measure('b.xlsx', 'Pilat', { lastWrite: '2026-12-03T05:00:00Z', latestUpdate: '2026-11-30' }),
    );
    expect(same.duplicates[0]).toMatchObject({
      kept: 'a.xlsx',
      reason: `Mêmes dates\u00a0: classeur écrit par l’outil le 03/12/2026 à 06:00 (heure de Paris)${undecidedAfterDates('a.xlsx', 'b.xlsx')}`,
    });
  });

  it('shows two dates with what tells them apart: the second when the minute is the same', () => {
    // Written in the same minute on two machines: « 16:05 contre 16:05 » told nothing.
    const sameMinute = kept(
      measure('forez-poste-A.xlsx', 'Forez', { lastWrite: '2026-12-04T16:05:12Z' }),
      measure('forez-poste-B.xlsx', 'Forez', { lastWrite: '2026-12-04T16:05:50Z' }),
    );
    expect(sameMinute.duplicates[0]).toMatchObject({
      kept: 'forez-poste-B.xlsx',
      reason:
        'Plus récent\u00a0: classeur écrit par l’outil le 04/12/2026 à 17:05:50 (heure de Paris), contre classeur écrit par l’outil le ' +
        '04/12/2026 à 17:05:12 (heure de Paris).',
    });
    // Two UTC days, one day in Paris: the time says which, never « 04/12/2026 contre 04/12/2026 ».
    const parisDay = kept(
      measure('a.xlsx', 'Forez', { lastWrite: '2026-12-03T23:30:00Z' }),
      measure('b.xlsx', 'Forez', { lastWrite: '2026-12-04T09:00:00Z' }),
    );
    expect(parisDay.duplicates[0].reason).toBe(
      'Plus récent\u00a0: classeur écrit par l’outil le 04/12/2026 à 10:00 (heure de Paris), contre classeur écrit par l’outil le ' +
        '04/12/2026 à 00:30 (heure de Paris).',
    );
    // One UTC day, two days in Paris: the days say it.
    const twoParisDays = kept(
      measure('a.xlsx', 'Forez', { lastWrite: '2026-12-03T10:00:00Z' }),
      measure('b.xlsx', 'Forez', { lastWrite: '2026-12-03T23:30:00Z' }),
    );
    expect(twoParisDays.duplicates[0].reason).toBe(
      'Plus récent\u00a0: classeur écrit par l’outil le 04/12/2026, contre classeur écrit par l’outil le 03/12/2026.',
    );
    // A fiche updated on a day, a workbook written after midnight in Paris that same day (still the day before in
    // UTC): the write is the later, as an instant of a day is later than the day.
    const dayAndInstant = kept(
      measure('a.xlsx', 'Forez', { latestUpdate: '2026-12-04' }),
      measure('b.xlsx', 'Forez', { lastWrite: '2026-12-03T23:30:00Z' }),
    );
    expect(dayAndInstant.duplicates[0]).toMatchObject({
      kept: 'b.xlsx',
      reason:
        'Plus récent\u00a0: classeur écrit par l’outil le 04/12/2026 à 00:30 (heure de Paris), contre fiche mise à jour le ' +
        '04/12/2026.',
    });
  });

  it('shows two réalisations that one decimal shows alike with two decimals', () => {
    const counts = (achievementSum: number) => ({ ...noCounts, achieved: 10000, achievementSum });
    const result = kept(
      measure('pilat-2.xlsx', 'Pilat', { counts: counts(5563) }),
      measure('pilat-10.xlsx', 'Pilat', { counts: counts(5558) }),
    );
    expect(result.duplicates[0].reason).toContain('réalisation 55,63\u00a0% contre 55,58\u00a0%');
  });

  it('tells two copies of the same recorded dates apart by when their spreadsheet last saved them', () => {
    // Both copies of one generated workbook, filled in plain Excel: `_ctg` and the fiches' dates are the same.
    const write = '2026-09-01T10:00:00Z';
    const older = measure('envoye.xlsx', 'Pilat', { lastWrite: write, savedAt: '2026-11-02T08:15:00Z' });
    const newer = measure('retour.xlsx', 'Pilat', { lastWrite: write, savedAt: '2026-12-01T16:40:00Z' });
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const result = kept(...order);
      expect(result.territories.map((territory) => territory.file)).toEqual(['retour.xlsx']);
      expect(result.duplicates[0]).toMatchObject({
        kept: 'retour.xlsx',
        dropped: 'envoye.xlsx',
        reason:
          'Mêmes dates\u00a0: classeur écrit par l’outil le 01/09/2026 à 12:00 (heure de Paris)\u00a0; fichier enregistré plus tard\u00a0: ' +
          'le 01/12/2026, contre le 02/11/2026.',
      });
    }
    const undated = kept(
      measure('a.xlsx', 'Pilat', { savedAt: '2026-11-28T09:05:00Z' }),
      measure('b.xlsx', 'Pilat', { savedAt: '2026-12-01T16:40:00Z' }),
    );
    expect(undated.duplicates[0]).toMatchObject({
      kept: 'b.xlsx',
      reason:
        'Aucun des deux fichiers n’a de date d’écriture ni de mise à jour\u00a0; fichier enregistré plus tard\u00a0: ' +
        'le 01/12/2026, contre le 28/11/2026.',
    });
    // A save date never outweighs a recorded one: the workbook written later is kept.
    const recorded = kept(
      measure('a.xlsx', 'Pilat', { lastWrite: '2026-09-01T10:00:00Z', savedAt: '2026-12-01T16:40:00Z' }),
      measure('b.xlsx', 'Pilat', { lastWrite: '2026-10-01T10:00:00Z', savedAt: '2026-10-01T10:00:00Z' }),
    );
    expect(recorded.duplicates[0]).toMatchObject({ kept: 'b.xlsx' });
  });

  it('takes the only save date there is, in either order', () => {
    const write = '2026-09-01T10:00:00Z';
    const saved = measure('b.xlsx', 'Pilat', { lastWrite: write, savedAt: '2026-12-01T16:40:00Z' });
    const unsaved = measure('a.xlsx', 'Pilat', { lastWrite: write });
    for (const order of [
      [unsaved, saved],
      [saved, unsaved],
    ]) {
      expect(kept(...order).duplicates[0]).toMatchObject({
        kept: 'b.xlsx',
        reason:
          'Mêmes dates\u00a0: classeur écrit par l’outil le 01/09/2026 à 12:00 (heure de Paris)\u00a0; seul le fichier gardé a une date ' +
          'd’enregistrement valable\u00a0: le 01/12/2026.',
      });
    }
  });

  it('does not tell apart saves less than a day apart: LibreOffice records its local time as UTC', () => {
    const write = '2026-09-01T10:00:00Z';
    // Saved in Excel at 16:40 UTC, then in LibreOffice in Paris at 17:10 local time, written « 17:10Z »: 30 minutes
    // later in the file, though 30 minutes earlier in fact. Neither is told newer: the first given is kept.
    const excel = measure('excel.xlsx', 'Pilat', { lastWrite: write, savedAt: '2026-12-01T16:40:00Z' });
    const libreOffice = measure('libreoffice.xlsx', 'Pilat', { lastWrite: write, savedAt: '2026-12-01T17:10:00Z' });
    for (const [first, second] of [
      [excel, libreOffice],
      [libreOffice, excel],
    ]) {
      expect(kept(first, second).duplicates[0]).toMatchObject({
        kept: first.file,
        reason:
          'Mêmes dates\u00a0: classeur écrit par l’outil le 01/09/2026 à 12:00 (heure de Paris) pour les deux fichiers, enregistrés ' +
          `à moins d’un jour d’intervalle${undecidedAfterDates(first.file, second.file)}`,
      });
    }
    const undated = kept(
      measure('a.xlsx', 'Pilat', { savedAt: '2026-12-01T09:05:00Z' }),
      measure('b.xlsx', 'Pilat', { savedAt: '2026-12-02T09:04:59Z' }),
    );
    expect(undated.duplicates[0]).toMatchObject({
      kept: 'a.xlsx',
      reason:
        'Aucun des deux fichiers n’a de date d’écriture ni de mise à jour, et ils ont été enregistrés à moins ' +
        `d’un jour d’intervalle${undecided('a.xlsx', 'b.xlsx')}`,
    });
  });

  it('says so when one SIREN stands for two territory names, and never matches on a SIREN that is not nine digits', () => {
    const result = kept(
      measure('pilat.xlsx', 'Monts du Pilat', { siren: '200066868', lastWrite: '2026-12-01T10:00:00Z' }),
      measure('haut.xlsx', 'Haut Test', { siren: '200066868', lastWrite: '2026-12-02T10:00:00Z' }),
      measure('x.xlsx', 'Autre', { siren: '200066868X' }),
    );
    expect(result.territories.map((territory) => territory.file).sort()).toEqual(['haut.xlsx', 'x.xlsx']);
    expect(result.duplicates).toEqual([
      expect.objectContaining({
        kept: 'haut.xlsx',
        dropped: 'pilat.xlsx',
        droppedTerritory: 'Monts du Pilat',
        namesDiffer: true,
      }),
    ]);
    expect(result.duplicates[0].reason).toContain('«\u00a0Monts du Pilat\u00a0»');
    // The SIREN typed wrong may be the kept file's as well as the other's: both files are named, and what to do.
    expect(result.duplicates[0].reason).toContain(
      'S’il s’agit du même territoire renommé, rien à faire. S’il s’agit de deux territoires, l’un des deux SIREN ' +
        'est faux, à corriger dans «\u00a0Paramètres\u00a0» de haut.xlsx ou de pilat.xlsx\u00a0; les chiffres de ' +
        'pilat.xlsx n’y sont pas. Cette correction est à faire par le territoire dans son classeur\u00a0: demandez-la-lui, puis consolidez à nouveau le fichier qu’il vous renverra.',
    );
  });

  it('takes one name under two SIRENs for one territory: the newer kept, both files and SIRENs named, to check', () => {
    // Two digits swapped in one copy's SIREN: the same territory, counted once.
    const older = measure('forez-septembre.xlsx', 'Monts du Forez', {
      siren: '200065886',
      lastWrite: '2026-09-30T14:12:00Z',
    });
    const newer = measure('forez-decembre.xlsx', 'Monts du Forez', {
      siren: '200065868',
      lastWrite: '2026-12-05T07:32:47Z',
    });
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const result = kept(...order);
      expect(result.territories).toEqual([
        expect.objectContaining({ file: 'forez-decembre.xlsx', siren: '200065868' }),
      ]);
      expect(result.duplicates).toEqual([
        expect.objectContaining({
          kept: 'forez-decembre.xlsx',
          dropped: 'forez-septembre.xlsx',
          siren: null,
          droppedSiren: '200065886',
          sirensDiffer: true,
          namesDiffer: false,
        }),
      ]);
      expect(result.duplicates[0].reason).toBe(
        'Plus récent\u00a0: classeur écrit par l’outil le 05/12/2026, contre classeur écrit par l’outil le 30/09/2026. Attention\u00a0: le ' +
          'même nom porte deux SIREN (200065868 dans forez-decembre.xlsx, 200065886 dans forez-septembre.xlsx). ' +
          'S’il s’agit du même territoire, l’un des deux SIREN est faux, à corriger dans «\u00a0Paramètres\u00a0» ' +
          'de forez-decembre.xlsx ou de forez-septembre.xlsx. S’il s’agit de deux territoires de même nom, les chiffres ' +
          'de forez-septembre.xlsx n’y sont pas\u00a0: l’un d’eux doit prendre un autre nom dans son plan et ' +
          'régénérer son classeur. Cette correction est à faire par le territoire dans son classeur\u00a0: demandez-la-lui, puis consolidez à nouveau le fichier qu’il vous renverra.',
      );
    }
  });

  it('makes one territory of a name under two SIRENs and a copy without one, whatever the order of the files', () => {
    const a = measure('a.xlsx', 'Ville', { siren: '111111111', lastWrite: '2026-11-01T10:00:00Z' });
    const b = measure('b.xlsx', 'Ville', { lastWrite: '2026-10-01T10:00:00Z' });
    const c = measure('c.xlsx', 'VILLE', { siren: '222222222', lastWrite: '2026-09-01T10:00:00Z' });
    for (const order of [
      [a, b, c],
      [a, c, b],
      [b, a, c],
      [b, c, a],
      [c, a, b],
      [c, b, a],
    ]) {
      const result = kept(...order);
      expect({ order: order.map((one) => one.file), files: result.territories.map((one) => one.file) }).toEqual({
        order: order.map((one) => one.file),
        files: ['a.xlsx'],
      });
      expect(result.duplicates.map(({ dropped, sirensDiffer, siren }) => ({ dropped, sirensDiffer, siren }))).toEqual([
        { dropped: 'b.xlsx', sirensDiffer: false, siren: null },
        { dropped: 'c.xlsx', sirensDiffer: true, siren: null },
      ]);
    }
  });

  it('keeps no SIREN for a territory whose copy kept has none when its other copies have two', () => {
    const result = kept(
      measure('a.xlsx', 'Ville', { siren: '111111111', lastWrite: '2026-09-01T10:00:00Z' }),
      measure('c.xlsx', 'Ville', { siren: '222222222', lastWrite: '2026-09-01T10:00:00Z' }),
      measure('b.xlsx', 'Ville', { lastWrite: '2026-11-01T10:00:00Z' }),
    );
    expect(result.territories).toEqual([expect.objectContaining({ file: 'b.xlsx', siren: null })]);
    // Each copy whose SIREN another contradicts is said, with the two files and SIRENs.
    expect(result.duplicates.map(({ dropped, sirensDiffer }) => ({ dropped, sirensDiffer }))).toEqual([
      { dropped: 'a.xlsx', sirensDiffer: true },
      { dropped: 'c.xlsx', sirensDiffer: true },
    ]);
    expect(result.duplicates[0].reason).toContain('(222222222 dans c.xlsx, 111111111 dans a.xlsx)');
    expect(result.duplicates[0].reason).not.toContain('est repris');
  });

  it('says of each copy not kept what it and the kept one share: its own SIREN, not the group’s conflict', () => {
    const date = { lastWrite: '2026-09-01T10:00:00Z' };
    const result = kept(
      measure('a.xlsx', 'Ville', { siren: '200066000', ...date }),
      measure('b.xlsx', 'Ville', { siren: '200066001', ...date }),
      measure('c.xlsx', 'Ville', { siren: '200066000', ...date }),
    );
    expect(result.territories).toEqual([expect.objectContaining({ file: 'a.xlsx', siren: '200066000' })]);
    expect(result.duplicates.map(({ dropped, siren, sirensDiffer }) => ({ dropped, siren, sirensDiffer }))).toEqual([
      // b.xlsx and a.xlsx share a name, not a SIREN.
      { dropped: 'b.xlsx', siren: null, sirensDiffer: true },
      { dropped: 'c.xlsx', siren: '200066000', sirensDiffer: false },
    ]);
    expect(result.duplicates[0].reason).toContain('(200066000 dans a.xlsx, 200066001 dans b.xlsx)');
    expect(result.duplicates[1].reason).toBe(
      `Mêmes dates\u00a0: classeur écrit par l’outil le 01/09/2026 à 12:00 (heure de Paris)${undecidedAfterDates('a.xlsx', 'c.xlsx')}`,
    );
  });

  it('joins a copy whose name was typed over in Paramètres by the name its workbook was created for', () => {
    const recorded = 'Communauté de communes des Monts du Forez';
    const renamed = measure('forez-renomme.xlsx', 'CC Monts du Forez (nouveau nom)', {
      recordedTerritory: recorded,
      lastWrite: '2026-12-05T07:32:47Z',
    });
    const original = measure('forez.xlsx', recorded, { siren: '200065886', lastWrite: '2026-12-01T10:00:00Z' });
    for (const order of [
      [renamed, original],
      [original, renamed],
    ]) {
      const result = kept(...order);
      expect(result.territories).toEqual([expect.objectContaining({ file: 'forez-renomme.xlsx', siren: '200065886' })]);
      expect(result.duplicates).toEqual([
        expect.objectContaining({ kept: 'forez-renomme.xlsx', dropped: 'forez.xlsx', namesDiffer: true }),
      ]);
      expect(result.duplicates[0].reason).toContain(
        'Attention\u00a0: «\u00a0Paramètres\u00a0» de forez-renomme.xlsx nomme le territoire ' +
          '«\u00a0CC Monts du Forez (nouveau nom)\u00a0», mais ce classeur a été créé pour ' +
          `«\u00a0${recorded}\u00a0», comme forez.xlsx\u00a0: les deux sont pris pour des copies d’un même territoire. ` +
          'S’il s’agit de deux territoires, les chiffres de forez.xlsx n’y sont pas\u00a0: chacun doit avoir son propre ' +
          'classeur, créé à partir de son plan. Cette correction est à faire par le territoire dans son classeur\u00a0: demandez-la-lui, puis consolidez à nouveau le fichier qu’il vous renverra.',
      );
    }
  });

  it('names the copies that join two files of two names, and how: which file links which', () => {
    const a = measure('a.xlsx', 'Val d’Alpha', { siren: '111111111', lastWrite: '2026-12-02T10:00:00Z' });
    const b = measure('b.xlsx', 'Plateau de Beta', { siren: '111111111' });
    const c = measure('c.xlsx', 'PLATEAU DE BETA');
    for (const order of [
      [a, b, c],
      [c, b, a],
    ]) {
      const result = kept(...order);
      expect(result.territories.map((territory) => territory.file)).toEqual(['a.xlsx']);
      const reason = result.duplicates.find((duplicate) => duplicate.dropped === 'c.xlsx')!.reason;
      expect(reason).toContain(
        'les deux fichiers ne nomment pas le territoire de la même façon («\u00a0Val d’Alpha\u00a0» dans a.xlsx, ' +
          '«\u00a0PLATEAU DE BETA\u00a0» dans c.xlsx). b.xlsx les relie\u00a0: a.xlsx a le même SIREN (111111111) ' +
          'que b.xlsx, qui porte le même nom que c.xlsx.',
      );
    }
  });

  it('names the links of a folder of 1 000 copies of one territory (one search for the territory, not one per copy)', () => {
    // Its time is not asserted (a shared machine's clock says little): a search per copy took 30 s here, one for the
    // territory well under a second.
    // Saves of one territory under three names: the newest with the SIREN and a new name, one older save with the
    // SIREN and the old name, 500 of the old name without SIREN, one of them typed over the name of the 497 others.
    const hour = (index: number) => new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString();
    const copies = Array.from({ length: 1000 }, (_, index) => {
      const file = `sauvegarde-${String(index).padStart(4, '0')}.xlsx`;
      const own = { lastWrite: hour(index) };
      if (index === 999) return measure(file, 'Monts du Pilat', { ...own, siren: '200000001' });
      if (index === 998) return measure(file, 'Pilat', { ...own, siren: '200000001' });
      if (index === 997) return measure(file, 'Pilat', { ...own, recordedTerritory: 'Haut Pilat' });
      return measure(file, index < 500 ? 'Pilat' : 'Haut Pilat', own);
    });
    const result = kept(...copies);
    expect(result.territories.map((territory) => territory.file)).toEqual(['sauvegarde-0999.xlsx']);
    expect(result.duplicates.find((duplicate) => duplicate.dropped === 'sauvegarde-0500.xlsx')!.reason).toContain(
      'sauvegarde-0998.xlsx et sauvegarde-0997.xlsx les relient\u00a0: sauvegarde-0999.xlsx a le même SIREN ' +
        '(200000001) que sauvegarde-0998.xlsx, qui porte le même nom que sauvegarde-0997.xlsx, qui a été créé pour ' +
        'le nom que porte sauvegarde-0500.xlsx.',
    );
  });

  it('keeps apart workbooks made from one and renamed to two territories, no SIREN typed, whatever the order', () => {
    const recorded = 'Communauté de communes des Monts du Pilat';
    const copies = [
      measure('annonay.xlsx', 'CC du Bassin d’Annonay', { recordedTerritory: recorded }),
      measure('pilat.xlsx', recorded),
      measure('roannais.xlsx', 'Roannais Agglomération', { recordedTerritory: recorded }),
    ];
    for (const order of [copies, [...copies].reverse()]) {
      const result = kept(...order);
      expect(result.territories.map((territory) => territory.file)).toEqual([
        'annonay.xlsx',
        'pilat.xlsx',
        'roannais.xlsx',
      ]);
      expect(result.duplicates).toEqual([]);
      expect(result.copiesApart).toEqual([
        expect.objectContaining({ files: ['annonay.xlsx', 'pilat.xlsx', 'roannais.xlsx'] }),
      ]);
    }
  });

  it('says of workbooks made from one and kept apart only what is true: which count once, each name said once', () => {
    const recorded = 'CC du Pilat';
    const note = (...copies: TerritoryMeasure[]) => kept(...copies).copiesApart.map((apart) => apart.reason);
    // The territory renamed in one copy, another copy made for Annonay: nothing tells which is which, so each is
    // counted, and the reason says so rather than that none is the territory renamed.
    expect(
      note(
        measure('pilat-ancien.xlsx', recorded),
        measure('pilat-nouveau.xlsx', 'CC des Monts du Pilat', { recordedTerritory: recorded }),
        measure('annonay.xlsx', 'CC du Bassin d’Annonay', { recordedTerritory: recorded }),
      ),
    ).toEqual([
      'annonay.xlsx, pilat-ancien.xlsx et pilat-nouveau.xlsx ont été créés à partir d’un même classeur, celui de ' +
        '«\u00a0CC du Pilat\u00a0», et «\u00a0Paramètres\u00a0» y nomme d’autres territoires («\u00a0CC du Bassin ' +
        'd’Annonay\u00a0» dans annonay.xlsx et «\u00a0CC des Monts du Pilat\u00a0» dans pilat-nouveau.xlsx)\u00a0: ' +
        'rien ne dit lequel serait le même territoire renommé, et chacun est compté comme un territoire distinct. ' +
        'Pour que chacun soit reconnu, le SIREN de l’EPCI de chaque territoire est à saisir dans ' +
        '«\u00a0Paramètres\u00a0» de annonay.xlsx, pilat-ancien.xlsx et pilat-nouveau.xlsx\u00a0; si l’un d’eux est ' +
        'une copie de pilat-ancien.xlsx, «\u00a0CC du Pilat\u00a0» est à y remettre dans «\u00a0Paramètres\u00a0». ' +
        'Cette correction est à faire par le territoire dans son classeur\u00a0: demandez-la-lui, puis consolidez à nouveau le fichier qu’il vous renverra.',
    ]);
    // Two copies of Annonay's workbook, and a copy of Pilat's that kept its SIREN: each counts once, as said.
    const [reason] = note(
      measure('pilat.xlsx', recorded, { siren: '200000001' }),
      measure('pilat-copie.xlsx', 'Pilat', { recordedTerritory: recorded, siren: '200000001' }),
      measure('annonay-1.xlsx', 'Annonay', { recordedTerritory: recorded }),
      measure('annonay-2.xlsx', 'ANNONAY', { recordedTerritory: recorded }),
      measure('roannais.xlsx', 'Roannais', { recordedTerritory: recorded }),
    );
    expect(reason).toContain(
      '(«\u00a0Annonay\u00a0» dans annonay-1.xlsx et annonay-2.xlsx\u00a0; «\u00a0Pilat\u00a0» dans ' +
        'pilat-copie.xlsx\u00a0; «\u00a0Roannais\u00a0» dans roannais.xlsx)\u00a0: rien ne dit lequel serait le ' +
        'même territoire renommé, et chacun est compté comme un territoire distinct, sauf les copies d’un même ' +
        'territoire, qui ne comptent qu’une fois (voir les doublons)\u00a0: annonay-1.xlsx et annonay-2.xlsx\u00a0; ' +
        'pilat-copie.xlsx et pilat.xlsx. Pour que chacun soit reconnu, le SIREN de l’EPCI de chaque territoire est ' +
        'à saisir dans «\u00a0Paramètres\u00a0» de annonay-1.xlsx, annonay-2.xlsx et roannais.xlsx',
    );
  });

  it('keeps apart territories whose workbooks were made from one, each with its own name and SIREN in Paramètres', () => {
    const recorded = 'Communauté de communes des Monts du Pilat';
    const copies = [
      measure('a.xlsx', 'Territoire A', { siren: '111111111', recordedTerritory: recorded }),
      measure('b.xlsx', 'Territoire B', { siren: '222222222', recordedTerritory: recorded }),
      measure('c.xlsx', recorded, { siren: '333333333', recordedTerritory: recorded }),
    ];
    const result = kept(...copies);
    expect(result.territories.map((territory) => territory.file).sort()).toEqual(['a.xlsx', 'b.xlsx', 'c.xlsx']);
    expect(result.duplicates).toEqual([]);
  });

  it('joins a copy without a SIREN to the one territory of its name that has one, whatever the order', () => {
    const a = measure('a.xlsx', 'Ville', { siren: '111111111', lastWrite: '2026-11-01T10:00:00Z' });
    const b = measure('b.xlsx', 'VILLE', { lastWrite: '2026-10-01T10:00:00Z' });
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const result = kept(...order);
      expect(result.territories.map((territory) => territory.file)).toEqual(['a.xlsx']);
      expect(result.duplicates).toEqual([expect.objectContaining({ kept: 'a.xlsx', dropped: 'b.xlsx', siren: null })]);
    }
  });

  it('joins a copy without a SIREN given before the file with one', () => {
    const result = kept(
      measure('z.xlsx', 'Zeta'),
      measure('y.xlsx', 'Ypsilon', { siren: '333333333' }),
      measure('x.xlsx', 'Zeta', { siren: '444444444', lastWrite: '2026-01-01T00:00:00Z' }),
    );
    expect(result.territories.map((territory) => territory.file).sort()).toEqual(['x.xlsx', 'y.xlsx']);
    expect(result.duplicates).toEqual([expect.objectContaining({ kept: 'x.xlsx', dropped: 'z.xlsx' })]);
  });

  it('never takes two workbooks without a territory name nor a SIREN for one territory', () => {
    const result = kept(measure('a.xlsx', ''), measure('b.xlsx', '  '));
    expect(result.territories.map((territory) => territory.file)).toEqual(['a.xlsx', 'b.xlsx']);
  });

  it('takes a « Dernière écriture » that is no date (edited by hand) for no date, never for a newer one', () => {
    for (const lastWrite of ['pas une date', '46000.41666666666', '2026-13-45T99:00:00Z']) {
      const result = kept(
        measure('good.xlsx', 'Pilat', { lastWrite: '2026-11-30T10:00:00Z' }),
        measure('edited.xlsx', 'Pilat', { lastWrite, latestUpdate: '2026-01-05' }),
      );
      expect(result.duplicates).toEqual([
        expect.objectContaining({
          kept: 'good.xlsx',
          dropped: 'edited.xlsx',
          reason:
            'Plus récent\u00a0: classeur écrit par l’outil le 30/11/2026, contre fiche mise à jour le 05/01/2026.',
        }),
      ]);
    }
  });

  it('keeps the file given first on a tie, even when the copy without SIREN was given first', () => {
    const result = kept(measure('z.xlsx', 'Zeta'), measure('x.xlsx', 'Zeta', { siren: '444444444' }));
    expect(result.duplicates).toEqual([
      expect.objectContaining({
        kept: 'z.xlsx',
        dropped: 'x.xlsx',
        reason:
          `Aucun des deux fichiers n’est daté${undecided('z.xlsx', 'x.xlsx')} ` +
          'Le fichier gardé n’a pas de SIREN valide\u00a0: celui du fichier non retenu est repris.',
      }),
    ]);
  });

  it('gives a newer copy without SIREN the SIREN of its territory, and says so', () => {
    for (const order of [
      ['z', 'x'],
      ['x', 'z'],
    ]) {
      const copies = {
        z: measure('z.xlsx', 'Zeta', { lastWrite: '2026-11-01T10:00:00Z' }),
        x: measure('x.xlsx', 'ZETA', { siren: '444 444 444', lastWrite: '2026-10-01T10:00:00Z' }),
      };
      const result = kept(...order.map((name) => copies[name as 'z' | 'x']));
      expect(result.territories).toEqual([expect.objectContaining({ file: 'z.xlsx', siren: '444444444' })]);
      expect(result.duplicates).toEqual([
        expect.objectContaining({
          kept: 'z.xlsx',
          dropped: 'x.xlsx',
          siren: '444444444',
          reason:
            'Plus récent\u00a0: classeur écrit par l’outil le 01/11/2026, contre classeur écrit par l’outil le 01/10/2026. ' +
            'Le fichier gardé n’a pas de SIREN valide\u00a0: celui du fichier non retenu est repris.',
        }),
      ]);
    }
  });

  it('says in plain French that only the kept file has a second date', () => {
    const result = kept(
      measure('a.xlsx', 'Pilat', { latestUpdate: '2026-12-05' }),
      measure('b.xlsx', 'Pilat', { lastWrite: '2026-12-03T08:00:00Z', latestUpdate: '2026-12-05' }),
    );
    expect(result.duplicates[0]).toMatchObject({
      kept: 'b.xlsx',
      reason:
        'Les deux fichiers ont la même date la plus récente, fiche mise à jour le 05/12/2026\u00a0; ils sont ' +
        'départagés par leur autre date, que seul le fichier gardé a\u00a0: classeur écrit par l’outil le 03/12/2026.',
    });
  });

  it('says on a tie when the copies’ figures by champ or by public differ: the consolidation’s are the kept one’s', () => {
    const group = (name: string, fiches: number) => ({ name, matched: true, counts: { ...noCounts, fiches } });
    const dates = { lastWrite: '2026-12-03T05:00:00Z', latestUpdate: '2026-11-30' };
    const result = kept(
      { ...measure('a.xlsx', 'Pilat', dates), fields: [group('Jeunesse', 2)], publics: [group('FAMILLES', 1)] },
      { ...measure('b.xlsx', 'Pilat', dates), fields: [group('Sport santé', 2)], publics: [group('FAMILLES', 1)] },
    );
    expect(result.duplicates[0].reason).toBe(
      `Mêmes dates\u00a0: classeur écrit par l’outil le 03/12/2026 à 06:00 (heure de Paris)${undecidedAfterDates('a.xlsx', 'b.xlsx')} ` +
        'Attention, les chiffres par champ d’intervention diffèrent entre les deux copies (leurs fiches ne sont pas ' +
        'rattachées aux mêmes champs, ou pas avec les mêmes valeurs)\u00a0: ceux de la consolidation sont ceux du ' +
        'fichier gardé. Vérifiez laquelle est à jour\u00a0; si c’est «\u00a0b.xlsx\u00a0», retirez «\u00a0a.xlsx\u00a0» ' +
        'et consolidez à nouveau.',
    );
    const both = kept(
      { ...measure('a.xlsx', 'Pilat', dates), fields: [group('Jeunesse', 2)], publics: [group('FAMILLES', 1)] },
      { ...measure('b.xlsx', 'Pilat', dates), fields: [group('Jeunesse', 1)], publics: [group('JEUNESSE', 1)] },
    );
    expect(both.duplicates[0].reason).toContain(
      'Attention, les chiffres par champ d’intervention et par public diffèrent entre les deux copies',
    );
    // The same champs and publics, with the same figures: nothing said of them.
    const same = kept(
      { ...measure('a.xlsx', 'Pilat', dates), fields: [group('Jeunesse', 2)] },
      { ...measure('b.xlsx', 'Pilat', dates), fields: [group('Jeunesse', 2)] },
    );
    expect(same.duplicates[0].reason).not.toContain('par champ');
    // Copies alike but for their current quarter (B9): their figures by champ differ for that alone.
    const axes = [{ axis: 1, counts: noCounts, digest: 'same values' }];
    const quarters = kept(
      { ...measure('a.xlsx', 'Pilat', dates), quarter: '2025-T4', axes, fields: [group('Jeunesse', 0)] },
      { ...measure('b.xlsx', 'Pilat', dates), quarter: '2026-T4', axes, fields: [group('Jeunesse', 2)] },
    );
    expect(quarters.duplicates[0].reason).toContain(
      'Attention, les chiffres par champ d’intervention diffèrent entre les deux copies parce qu’elles sont ' +
        'mesurées à des trimestres différents (2025-T4 contre 2026-T4), avec les mêmes fiches et les mêmes ' +
        'valeurs\u00a0: ceux de la consolidation sont ceux du fichier gardé.',
    );
    expect(quarters.duplicates[0].reason).not.toContain('rattachées');
  });

  it('reads only the dates the tools write, the same in every time zone', () => {
    for (const lastWrite of ['2026-12-03T00:30', '2026-12-03T01:00+02:00']) {
      const result = kept(
        measure('a.xlsx', 'Pilat', { lastWrite: '2026-11-30T10:00:00Z' }),
        measure('b.xlsx', 'Pilat', { lastWrite }),
      );
      expect(result.duplicates[0]).toMatchObject({
        kept: 'a.xlsx',
        reason: 'Seul daté\u00a0: classeur écrit par l’outil le 30/11/2026.',
      });
    }
  });
});

describe('the order of the territories', () => {
  it('puts numbered names in their numbers’ order, and ignores case and accents as French does', () => {
    const names = ['Territoire 10', 'territoire 2', 'Territoire 1', 'Étang', 'Territoire 100', 'Estuaire', 'Zone'];
    const { territories } = kept(...names.map((name, index) => measure(`t${index}.xlsx`, name)));
    expect(territories.map((territory) => territory.territory)).toEqual([
      'Estuaire',
      'Étang',
      'Territoire 1',
      'territoire 2',
      'Territoire 10',
      'Territoire 100',
      'Zone',
    ]);
  });

  it('orders names the collation takes as equal (t01, t1) the same whatever order they come in', () => {
    const names = (order: string[]) =>
      kept(...order.map((name) => measure(`${name}.xlsx`, name))).territories.map((territory) => territory.territory);
    expect(names(['t1', 't01'])).toEqual(names(['t01', 't1']));
  });
});

describe('a copy left out beside a measured copy of its territory', () => {
  const left = (file: string, territory: string, siren: string | null, lastWrite: string, savedAt?: string) => ({
    ok: false as const,
    rejected: { file, code: 'missing-sheet', reason: 'Une feuille manque.' },
    identity: {
      file,
      territory,
      recordedTerritory: territory,
      siren,
      // The convention of `territoryMeasure`'s: copies of one convention, told apart by their dates.
      conventionQuarters: { first: '2026-T1', last: '2030-T4' },
      lastWrite,
      latestUpdate: null,
      savedAt: savedAt ?? null,
    },
  });
  const reasonOf = (outcomes: Parameters<typeof consolidate>[0]) => consolidate(outcomes, null).rejected[0].reason;
  const measured = (one: TerritoryMeasure) => ({ ok: true as const, measure: one });
  const older = '2026-03-01T10:00:00Z';
  const newer = '2026-09-01T10:00:00Z';
  const note = (file: string) =>
    ` Attention\u00a0: les chiffres de «\u00a0Pilat\u00a0» viennent d’une copie plus ancienne, «\u00a0${file}\u00a0»\u00a0; ` +
    'c’est ce fichier-ci que le territoire doit corriger.';

  it('is joined to it as a duplicate would be: by SIREN or by name', () => {
    // The SIREN typed only in the newer copy, which is left out: the measured one has none, the same name.
    expect(
      reasonOf([
        left('new.xlsx', 'Pilat', '200000001', newer),
        measured(measure('old.xlsx', 'Pilat', { lastWrite: older })),
      ]),
    ).toBe(`Une feuille manque.${note('old.xlsx')}`);
    // Without SIREN, the one SIREN of its name.
    expect(
      reasonOf([
        left('new.xlsx', 'PILAT', null, newer),
        measured(measure('old.xlsx', 'Pilat', { siren: '200000001', lastWrite: older })),
      ]),
    ).toBe(`Une feuille manque.${note('old.xlsx')}`);
    // The older copy left out: said without a warning.
    expect(
      reasonOf([left('old.xlsx', 'Pilat', null, older), measured(measure('new.xlsx', 'Pilat', { lastWrite: newer }))]),
    ).toBe(
      'Une feuille manque. Les chiffres de «\u00a0Pilat\u00a0» viennent d’une autre copie, «\u00a0new.xlsx\u00a0».',
    );
  });

  it('warns when the copy left out was saved later than the measured one, their recorded dates the same', () => {
    const measuredCopy = measure('envoye.xlsx', 'Pilat', { lastWrite: older, savedAt: '2026-11-02T08:15:00Z' });
    expect(reasonOf([left('retour.xlsx', 'Pilat', null, older, '2026-12-01T16:40:00Z'), measured(measuredCopy)])).toBe(
      `Une feuille manque.${note('envoye.xlsx')}`,
    );
    // Saved the same day: neither is told newer, so no warning.
    expect(reasonOf([left('retour.xlsx', 'Pilat', null, older, '2026-11-02T18:00:00Z'), measured(measuredCopy)])).toBe(
      'Une feuille manque. Les chiffres de «\u00a0Pilat\u00a0» viennent d’une autre copie, «\u00a0envoye.xlsx\u00a0».',
    );
  });

  it('names the copy measured when its name is borne by two SIRENs, or by another SIREN than its own', () => {
    const two = [
      measured(measure('a.xlsx', 'Pilat', { siren: '200000001', lastWrite: older })),
      measured(measure('b.xlsx', 'Pilat', { siren: '200000002', lastWrite: older })),
    ];
    expect(reasonOf([left('new.xlsx', 'Pilat', null, newer), ...two])).toBe(`Une feuille manque.${note('a.xlsx')}`);
    expect(
      reasonOf([
        left('new.xlsx', 'Pilat', '200000003', newer),
        measured(measure('a.xlsx', 'Pilat', { siren: '200000001', lastWrite: older })),
      ]),
    ).toBe(`Une feuille manque.${note('a.xlsx')}`);
  });
});

describe('two copies no date tells apart', () => {
  const consolidated = (originOf: FileOrigins, ...measures: TerritoryMeasure[]) =>
    consolidate(
      measures.map((one) => ({ ok: true as const, measure: one })),
      null,
      originOf,
    );
  const [first, second] = [measure('terr/a.xlsx', 'Pilat'), measure('terr/b.xlsx', 'Pilat')];
  const tail = (order: string) =>
    'Aucun des deux fichiers n’est daté\u00a0: rien ne dit lequel est le plus récent. «\u00a0terr/a.xlsx\u00a0» est ' +
    `gardé parce qu’il vient avant «\u00a0terr/b.xlsx\u00a0» ${order}.`;

  it('says which order kept the first: a folder’s names, the files given, the files picked, or both', () => {
    const reason = (originOf: FileOrigins) => consolidated(originOf, first, second).duplicates[0].reason;
    expect(reason(() => ({ kind: 'folder', folder: 'terr' }))).toBe(
      tail('dans l’ordre des noms du dossier «\u00a0terr\u00a0»'),
    );
    expect(reason(() => ({ kind: 'given' }))).toBe(tail('dans l’ordre des fichiers donnés à la commande'));
    expect(reason(() => ({ kind: 'picked' }))).toBe(tail('dans la liste des fichiers choisis'));
    expect(reason((file) => (file === 'terr/a.xlsx' ? { kind: 'given' } : { kind: 'folder', folder: 'terr' }))).toBe(
      tail(
        'dans l’ordre de lecture (les fichiers et dossiers dans l’ordre donné, ceux d’un dossier dans l’ordre de ' +
          'leurs noms)',
      ),
    );
  });

  it('says which figures differ, axis by axis for the values filled, and asks to check which copy is right', () => {
    const counts = (filled: number, inProgress: number) => ({
      ...noCounts,
      fiches: 5,
      cumulative: { expected: 40, filled },
      statuses: { ...noCounts.statuses, inProgress },
    });
    const axes = (third: number, digest = String(third)) => [
      { axis: 1, counts: counts(6, 1), digest: 'axe 1' },
      { axis: 3, counts: counts(third, 1), digest },
    ];
    const kept4 = { ...first, counts: counts(10, 2), axes: axes(4) };
    const dropped9 = { ...second, counts: counts(15, 3), axes: axes(9) };
    const folder = () => ({ kind: 'folder' as const, folder: 'terr' });
    // No date tells them apart: the copy with more values filled is kept, whatever its name, and still to check.
    const moreFilled =
      'Aucun des deux fichiers n’est daté\u00a0: rien ne dit lequel est le plus récent. «\u00a0terr/b.xlsx\u00a0» est ' +
      'gardé parce qu’il a plus de valeurs renseignées que «\u00a0terr/a.xlsx\u00a0».';
    expect(consolidated(folder, kept4, dropped9).duplicates[0].reason).toBe(
      `${moreFilled} Attention, les deux copies n’ont pas les mêmes chiffres (fichier gardé contre fichier non ` +
        'retenu)\u00a0: valeurs renseignées (cumul) 15 contre 10 (9 contre 4 dans l’axe 3)\u00a0; fiches «\u00a0En ' +
        'cours\u00a0» 3 contre 2\u00a0; fiches sans statut 2 contre 3. Vérifiez laquelle est à jour\u00a0; si c’est ' +
        '«\u00a0terr/a.xlsx\u00a0», retirez «\u00a0terr/b.xlsx\u00a0» et consolidez à nouveau.',
    );
    // Counts of a large plan, as French writes them: « 1 210 contre 1 206 », never « 1210 contre 1206 ».
    const large = (filled: number, third: number) => ({ counts: counts(filled, 2), axes: axes(third) });
    expect(
      consolidated(folder, { ...kept4, ...large(1206, 1004) }, { ...dropped9, ...large(1210, 1008) }).duplicates[0]
        .reason,
    ).toContain('valeurs renseignées (cumul) 1\u00a0210 contre 1\u00a0206 (1\u00a0008 contre 1\u00a0004 dans l’axe 3)');
    // The same counts, other values typed in axis 3 (a 4 in one copy, a 9 in the other): where to look.
    const retyped = { ...dropped9, counts: kept4.counts, axes: axes(4, 'autre') };
    // One colon a sentence: « Attention, … (fichier gardé contre fichier non retenu) : … », never a second.
    const sentences = (reason: string) => reason.split(/\.(?: |$)/);
    expect(
      sentences(consolidated(folder, kept4, dropped9).duplicates[0].reason).filter((s) => s.split(':').length > 2),
    ).toEqual([]);
    expect(consolidated(folder, kept4, retyped).duplicates[0].reason).toBe(
      `${tail('dans l’ordre des noms du dossier «\u00a0terr\u00a0»')} Attention\u00a0: les deux copies n’ont pas ` +
        'les mêmes valeurs saisies dans l’axe 3. Vérifiez laquelle est à jour\u00a0; si c’est «\u00a0terr/b.xlsx\u00a0», ' +
        'retirez «\u00a0terr/a.xlsx\u00a0» et consolidez à nouveau.',
    );
    const both = { ...dropped9, axes: [{ ...axes(9)[0], digest: 'autre' }, axes(9)[1]] };
    expect(consolidated(folder, kept4, both).duplicates[0].reason).toContain(
      'fiches sans statut 2 contre 3\u00a0; des valeurs saisies diffèrent aussi dans l’axe 1. Vérifiez',
    );
    // The same figures: nothing more to say.
    expect(
      consolidated(folder, kept4, { ...dropped9, counts: kept4.counts, axes: kept4.axes }).duplicates[0].reason,
    ).toBe(tail('dans l’ordre des noms du dossier «\u00a0terr\u00a0»'));
    // The newer kept: its figures differ as a newer copy's do, and that goes without saying…
    const newer = { ...dropped9, lastWrite: '2026-12-03T05:00:00Z' };
    expect(consolidated(folder, kept4, newer).duplicates[0].reason).toBe(
      'Seul daté\u00a0: classeur écrit par l’outil le 03/12/2026.',
    );
    // …unless the older copy has more values filled: the newer may have lost some.
    const newerWithFewer = { ...kept4, lastWrite: '2026-12-03T05:00:00Z' };
    expect(consolidated(folder, dropped9, newerWithFewer).duplicates[0].reason).toBe(
      'Seul daté\u00a0: classeur écrit par l’outil le 03/12/2026. Attention, la copie non retenue, plus ancienne, a plus ' +
        'de valeurs renseignées (fichier gardé contre fichier non retenu)\u00a0: valeurs renseignées (cumul) 10 contre ' +
        '15 (4 contre 9 dans l’axe 3). Vérifiez laquelle est à jour\u00a0; si c’est «\u00a0terr/b.xlsx\u00a0», retirez ' +
        '«\u00a0terr/a.xlsx\u00a0» et consolidez à nouveau.',
    );
  });
});

describe('two conventions of one territory', () => {
  const NBSP = '\u00a0';
  const convention = (first: string, last: string, own: Partial<TerritoryMeasure> = {}) =>
    ({ conventionQuarters: { first, last }, siren: '200000001', ...own }) as Partial<TerritoryMeasure>;
  const inOrder = (quarter: string | null, today: Date | undefined, ...measures: TerritoryMeasure[]) =>
    consolidate(
      measures.map((one) => ({ ok: true as const, measure: one })),
      quarter,
      undefined,
      today,
    );
  const previous = territoryMeasure(
    'ancienne.xlsx',
    'Pilat',
    convention('2021-T1', '2024-T4', { lastWrite: '2026-11-20T10:00:00Z' }),
  );
  const current = territoryMeasure(
    'actuelle.xlsx',
    'Pilat',
    convention('2025-T1', '2028-T4', { lastWrite: '2026-03-01T10:00:00Z' }),
  );

  it('keeps the one whose convention holds today’s quarter, whatever their dates and order', () => {
    for (const files of [
      [previous, current],
      [current, previous],
    ]) {
      const result = inOrder(null, new Date('2026-12-05T10:00:00Z'), ...files);
      expect(result.territories.map((territory) => territory.file)).toEqual(['actuelle.xlsx']);
      expect(result.duplicates).toEqual([
        expect.objectContaining({ kept: 'actuelle.xlsx', dropped: 'ancienne.xlsx', conventionsDiffer: true }),
      ]);
      expect(result.duplicates[0].reason).toBe(
        `Conventions différentes${NBSP}: «${NBSP}actuelle.xlsx${NBSP}» suit la convention 2025–2028, ` +
          `«${NBSP}ancienne.xlsx${NBSP}» la convention 2021–2024. Ce ne sont pas deux copies d’un même classeur, ` +
          `mais deux conventions du territoire${NBSP}; la consolidation mesure la convention en vigueur, celle qui ` +
          // Today's quarter, not the workbooks' « trimestre en cours » (Paramètres B9).
          'couvre le trimestre d’aujourd’hui (2026-T4).',
      );
    }
  });

  it('keeps the one that starts later when neither holds the quarter, or both do', () => {
    const neither = inOrder('2030-T1', undefined, current, previous);
    expect(neither.duplicates).toEqual([expect.objectContaining({ kept: 'actuelle.xlsx', conventionsDiffer: true })]);
    expect(neither.duplicates[0].reason).toContain(
      `la consolidation mesure la convention en vigueur${NBSP}: aucune ne couvre le trimestre demandé (2030-T1), et ` +
        `celle de «${NBSP}actuelle.xlsx${NBSP}» est la plus récente.`,
    );
    const overlapping = territoryMeasure('avenant.xlsx', 'Pilat', convention('2024-T3', '2028-T4'));
    const both = inOrder('2024-T4', undefined, previous, overlapping);
    expect(both.duplicates).toEqual([expect.objectContaining({ kept: 'avenant.xlsx', dropped: 'ancienne.xlsx' })]);
    expect(both.duplicates[0].reason).toContain(
      `«${NBSP}avenant.xlsx${NBSP}» suit la convention 2024–2028, «${NBSP}ancienne.xlsx${NBSP}» la convention ` +
        `2021–2024. Ce ne sont pas`,
    );
    expect(both.duplicates[0].reason).toContain('toutes deux couvrent le trimestre demandé (2024-T4)');
  });

  it('names the periods by their quarters when their years are alike', () => {
    const amended = territoryMeasure('decalee.xlsx', 'Pilat', convention('2021-T3', '2024-T2'));
    const result = inOrder('2022-T1', undefined, previous, amended);
    expect(result.duplicates[0].reason).toContain(
      `«${NBSP}decalee.xlsx${NBSP}» suit la convention 2021-T3 – 2024-T2, «${NBSP}ancienne.xlsx${NBSP}» la ` +
        'convention 2021-T1 – 2024-T4.',
    );
  });

  it('tells copies of one convention apart by their dates, the other convention aside', () => {
    const older = territoryMeasure(
      'actuelle-copie.xlsx',
      'Pilat',
      convention('2025-T1', '2028-T4', { lastWrite: '2026-02-01T10:00:00Z' }),
    );
    const result = inOrder(null, new Date('2026-12-05T10:00:00Z'), previous, older, current);
    expect(result.territories.map((territory) => territory.file)).toEqual(['actuelle.xlsx']);
    expect(
      result.duplicates.map(({ dropped, conventionsDiffer, reason }) => ({
        dropped,
        conventionsDiffer,
        dates: reason.startsWith('Plus récent'),
      })),
    ).toEqual([
      { dropped: 'actuelle-copie.xlsx', conventionsDiffer: false, dates: true },
      { dropped: 'ancienne.xlsx', conventionsDiffer: true, dates: false },
    ]);
  });

  it('does not take a new convention’s new plan under a new name for another territory’s', () => {
    const renamed = territoryMeasure(
      'nouvelle.xlsx',
      'Pilat Rhodanien',
      convention('2025-T1', '2028-T4', { planFiches: ['accueil'] }),
    );
    const result = inOrder('2026-T1', undefined, { ...previous, planFiches: ['pilotage'] }, renamed);
    expect(result.duplicates[0]).toMatchObject({ kept: 'nouvelle.xlsx', namesDiffer: true, conventionsDiffer: true });
    expect(result.duplicates[0].reason).not.toContain('plans');
    expect(result.duplicates[0].reason).toContain('S’il s’agit du même territoire renommé, rien à faire.');
  });
  it('leads with the SIREN of another territory’s workbook, not two conventions, when their plans differ', () => {
    const forez = territoryMeasure(
      'forez.xlsx',
      'Forez',
      convention('2025-T1', '2028-T4', { planFiches: ['sport', 'culture', 'seniors'] }),
    );
    const pilat = territoryMeasure(
      'pilat.xlsx',
      'Pilat',
      convention('2026-T1', '2030-T4', { planFiches: ['accueil', 'jeunesse', 'logement'] }),
    );
    const result = inOrder(null, new Date('2026-12-05T10:00:00Z'), forez, pilat);
    expect(result.duplicates).toEqual([
      expect.objectContaining({ kept: 'pilat.xlsx', namesDiffer: true, conventionsDiffer: false }),
    ]);
    expect(result.duplicates[0].reason).toBe(
      `Attention${NBSP}: le même SIREN porte deux noms («${NBSP}Pilat${NBSP}» et «${NBSP}Forez${NBSP}»), mais leurs ` +
        `plans n’ont presque aucune fiche en commun${NBSP}: ce sont sans doute deux territoires, et le SIREN de l’un ` +
        `des deux est faux, à corriger dans «${NBSP}Paramètres${NBSP}» de pilat.xlsx ou de forez.xlsx${NBSP}; les ` +
        `chiffres de forez.xlsx n’y sont pas. Cette correction est à faire par le territoire dans son classeur${NBSP}: ` +
        `demandez-la-lui, puis consolidez à nouveau le fichier qu’il vous renverra. «${NBSP}pilat.xlsx${NBSP}» est gardé` +
        `${NBSP}: il suit la convention 2026–2030, «${NBSP}forez.xlsx${NBSP}» la convention 2025–2028${NBSP}; toutes ` +
        `deux couvrent le trimestre d’aujourd’hui (2026-T4), et la sienne est la plus récente.`,
    );
  });
});

describe('one SIREN under two names', () => {
  /** The reason given for b.xlsx, older, whose plan has `droppedFiches` against a.xlsx's `keptFiches`. */
  const pair = (keptFiches: string[], droppedFiches: string[]) =>
    kept(
      territoryMeasure('a.xlsx', 'Pilat', {
        siren: '200000001',
        lastWrite: '2026-09-01T10:00:00Z',
        planFiches: keptFiches,
      }),
      territoryMeasure('b.xlsx', 'Forez', {
        siren: '200000001',
        lastWrite: '2026-03-01T10:00:00Z',
        planFiches: droppedFiches,
      }),
    ).duplicates[0].reason;

  it('says the SIREN of one is most likely wrong when their plans share almost no fiche', () => {
    const reason = pair(
      ['accueil', 'jeunesse', 'parentalite', 'pilotage', 'logement'],
      ['sport', 'culture', 'pilotage', 'seniors', 'mobilite'],
    );
    expect(reason).toContain('mais leurs plans n’ont presque aucune fiche en commun');
    expect(reason).toContain('de a.xlsx ou de b.xlsx');
    expect(reason).not.toContain('renommé');
  });

  it('keeps the renamed territory in view when the plans share their fiches, or when a plan is not known', () => {
    for (const reason of [
      pair(['accueil', 'jeunesse', 'pilotage'], ['accueil', 'jeunesse', 'pilotage', 'nouvelle fiche']),
      pair([], ['sport']),
    ]) {
      expect(reason).not.toContain('plans');
      expect(reason).toContain('S’il s’agit du même territoire renommé, rien à faire.');
    }
  });
});
