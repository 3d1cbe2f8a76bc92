import { consolidate, type MeasureOutcome } from '../../src/domain/consolidation/consolidate';
import type { TerritoryIdentity } from '../../src/domain/consolidation/territory';
import { territoryMeasure } from '../consolidation/helpers/measures';

/**
 * A workbook left out beside a measured workbook of its territory whose convention is another one (2021–2025 beside
 * 2026–2030): the measured one is no copy of it, and which of the two should have been measured is the convention in
 * force's, whatever their dates (copies-conventions.ts), as for two workbooks both measured.
 */

const NBSP = '\u00a0';
const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;
const today = new Date('2026-12-05T10:00:00Z'); // 2026-T4
const [written2026, written2025] = ['2026-11-20T10:00:00Z', '2025-03-01T10:00:00Z'];

function leftOut(
  file: string,
  conventionQuarters: TerritoryIdentity['conventionQuarters'],
  lastWrite: string,
): MeasureOutcome {
  return {
    ok: false,
    rejected: { file, code: 'missing-sheet', reason: 'Une feuille manque.' },
    identity: {
      file,
      territory: 'Pilat',
      recordedTerritory: 'Pilat',
      siren: '200000001',
      conventionQuarters,
      lastWrite,
      latestUpdate: null,
      savedAt: null,
    },
  };
}

const measured = (file: string, first: string, last: string, lastWrite: string): MeasureOutcome => ({
  ok: true,
  measure: territoryMeasure(file, 'Pilat', {
    siren: '200000001',
    conventionQuarters: { first, last },
    lastWrite,
  }),
});

const reasonOf = (outcomes: MeasureOutcome[], quarter: string | null = null) =>
  consolidate(outcomes, quarter, undefined, today).rejected[0].reason;

describe('a workbook left out beside the measured workbook of another convention of its territory', () => {
  it('warns when the one left out is the convention in force, though the measured one was written later', () => {
    const reason = reasonOf([
      leftOut('pilat-2026.xlsx', { first: '2026-T1', last: '2030-T4' }, written2025),
      measured('pilat-2021.xlsx', '2021-T1', '2025-T4', written2026),
    ]);
    expect(reason).toBe(
      `Une feuille manque. Attention${NBSP}: les chiffres de ${quoted('Pilat')} viennent de la convention ` +
        `précédente, 2021–2025, ${quoted('pilat-2021.xlsx')}${NBSP}; ce fichier-ci suit la convention en vigueur, ` +
        `2026–2030${NBSP}: c’est lui que le territoire doit corriger.`,
    );
    expect(reason).not.toContain('copie');
  });

  it('says the figures come from the convention in force when the one left out is the previous one, written later', () => {
    const reason = reasonOf([
      leftOut('pilat-2021.xlsx', { first: '2021-T1', last: '2025-T4' }, written2026),
      measured('pilat-2026.xlsx', '2026-T1', '2030-T4', written2025),
    ]);
    expect(reason).toBe(
      `Une feuille manque. Les chiffres de ${quoted('Pilat')} viennent de la convention en vigueur, 2026–2030, ` +
        `${quoted('pilat-2026.xlsx')}${NBSP}; ce fichier-ci suit la convention 2021–2025.`,
    );
  });

  it('takes the convention in force from the quarter asked for, as the duplicates do', () => {
    // 2025-T2 asked: the 2021–2025 convention is in force, and the one left out.
    const reason = reasonOf(
      [
        leftOut('pilat-2021.xlsx', { first: '2021-T1', last: '2025-T4' }, written2026),
        measured('pilat-2026.xlsx', '2026-T1', '2030-T4', written2025),
      ],
      '2025-T2',
    );
    expect(reason).toBe(
      `Une feuille manque. Attention${NBSP}: les chiffres de ${quoted('Pilat')} viennent de la convention ` +
        `suivante, 2026–2030, ${quoted('pilat-2026.xlsx')}${NBSP}; ce fichier-ci suit la convention en vigueur, ` +
        `2021–2025${NBSP}: c’est lui que le territoire doit corriger.`,
    );
  });

  it('names the conventions by their quarters when their years are the same', () => {
    const reason = reasonOf([
      leftOut('pilat-court.xlsx', { first: '2026-T1', last: '2030-T2' }, written2026),
      measured('pilat-long.xlsx', '2026-T1', '2030-T4', written2025),
    ]);
    // Neither ends before 2026-T4, so the later end is in force.
    expect(reason).toBe(
      `Une feuille manque. Les chiffres de ${quoted('Pilat')} viennent de la convention en vigueur, ` +
        `2026-T1 – 2030-T4, ${quoted('pilat-long.xlsx')}${NBSP}; ce fichier-ci suit la convention 2026-T1 – 2030-T2.`,
    );
  });

  it('tells copies apart by their dates when its convention could not be read, or is the same', () => {
    const olderCopy = measured('pilat-2021.xlsx', '2021-T1', '2025-T4', written2025);
    expect(reasonOf([leftOut('pilat-2026.xlsx', null, written2026), olderCopy])).toBe(
      `Une feuille manque. Attention${NBSP}: les chiffres de ${quoted('Pilat')} viennent d’une copie plus ` +
        `ancienne, ${quoted('pilat-2021.xlsx')}${NBSP}; c’est ce fichier-ci que le territoire doit corriger.`,
    );
    expect(reasonOf([leftOut('copie.xlsx', { first: '2021-T1', last: '2025-T4' }, written2026), olderCopy])).toBe(
      `Une feuille manque. Attention${NBSP}: les chiffres de ${quoted('Pilat')} viennent d’une copie plus ` +
        `ancienne, ${quoted('pilat-2021.xlsx')}${NBSP}; c’est ce fichier-ci que le territoire doit corriger.`,
    );
  });
});
