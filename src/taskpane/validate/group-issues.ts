import { parentKeyOf, type Issue } from '../../app';

/** Issues of one fiche (its row and its criteria's rows), or of no fiche (`ficheKey` null). */
export interface FicheIssues {
  ficheKey: string | null;
  issues: Issue[];
}

/** Issues of one sheet (`sheet` null: the workbook as a whole). */
export interface SheetIssues {
  sheet: string | null;
  count: number;
  /** Of `count`, the errors. */
  errors: number;
  fiches: FicheIssues[];
}

/** `G1-QN2` → `G1`, `G1-B-QL1` → `G1-B`: the fiche a row key belongs to. */
export function ficheKeyOf(rowKey: string | null): string | null {
  return rowKey === null ? null : (parentKeyOf(rowKey) ?? rowKey);
}

/** Groups issues by sheet, then by fiche, keeping the order they come in (the validation sorts them). */
export function groupIssues(issues: readonly Issue[]): SheetIssues[] {
  const sheets: SheetIssues[] = [];
  for (const issue of issues) {
    let sheet = sheets.find((group) => group.sheet === issue.sheet);
    if (!sheet) sheets.push((sheet = { sheet: issue.sheet, count: 0, errors: 0, fiches: [] }));
    const ficheKey = ficheKeyOf(issue.rowKey);
    let fiche = sheet.fiches.find((group) => group.ficheKey === ficheKey);
    if (!fiche) sheet.fiches.push((fiche = { ficheKey, issues: [] }));
    fiche.issues.push(issue);
    sheet.count += 1;
    if (issue.severity === 'error') sheet.errors += 1;
  }
  return sheets;
}
