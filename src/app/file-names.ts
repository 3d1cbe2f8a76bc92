import type { Plan } from '../domain/plan';
import { quarterLabel, type Quarter } from '../domain/periods';

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `suivi-ctg-<territory>-<first year>-<last year>.xlsx`: the default name of a new tracking workbook. */
export function defaultWorkbookFileName(plan: Plan): string {
  const territory = slug(plan.territory) || 'territoire';
  return `suivi-ctg-${territory}-${plan.period.start.slice(0, 4)}-${plan.period.end.slice(0, 4)}.xlsx`;
}

/** `suivi-ctg-<territory>-<recipient>-AAAA-Tn.xlsx`: the name of a partner's extract (docs/WORKBOOK.md, « Extracts »). */
export function extractFileName(territory: string, recipient: string, upTo: Quarter): string {
  const place = slug(territory) || 'territoire';
  const whom = slug(recipient) || 'destinataire';
  return `suivi-ctg-${place}-${whom}-${quarterLabel(upTo)}.xlsx`;
}

/**
 * The file names of the extracts made together, told apart: two recipients whose names differ only by what a file
 * name leaves out (« MJC (Pélussin) », « MJC Pélussin ») would share one file, the second written over the first.
 * The second of a name is numbered after the recipient (`…-mjc-pelussin-2-2026-T4.xlsx`), then `-3`…, skipping a
 * number that is another recipient's own name; the first keeps its name.
 */
export function distinctExtractFileNames(names: readonly string[]): string[] {
  const own = new Set(names);
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let rank = 2; taken.has(candidate) || (candidate !== name && own.has(candidate)); rank += 1) {
      candidate = name.replace(/-\d{4}-T\d\.xlsx$/, (quarter) => `-${rank}${quarter}`);
    }
    taken.add(candidate);
    return candidate;
  });
}

/** What names a bilan's period in its file name: `annuel-2027`, `intermediaire`, `final`. */
const bilanKindWords = { annual: 'annuel', midterm: 'intermediaire', final: 'final' } as const;

/**
 * `bilan-<annuel-AAAA|intermediaire|final>[-cdsf]-<territory>.xlsx`: the name of a bilan (docs/WORKBOOK.md,
 * « Bilans »), the same from the command line and the pane.
 */
export function bilanFileName(
  territory: string,
  period: { kind: keyof typeof bilanKindWords; year: number | null },
  cdsf: boolean,
): string {
  const place = slug(territory) || 'territoire';
  const kind = period.kind === 'annual' && period.year !== null ? `annuel-${period.year}` : bilanKindWords[period.kind];
  return `bilan-${kind}${cdsf ? '-cdsf' : ''}-${place}.xlsx`;
}
