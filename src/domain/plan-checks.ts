import { ficheName } from './fiche-name';
import { allFiches, type Fiche, type Plan } from './plan';
import { planKeyList } from './plan-keys';

/**
 * What a plan must hold to become a workbook the tools can read back, checked when a plan is read (a convention
 * text, a plan JSON edited by hand) so that nothing is written from a plan that would give an unreadable workbook.
 */

/** Excel's limit on the characters of one cell's text: longer, Excel cuts it and the .xlsx reader refuses it. */
export const EXCEL_CELL_TEXT_LIMIT = 32_767;

/** A plan text that Excel cannot hold in a cell: whose it is (a fiche, a criterion, an axis, the plan), which field. */
export interface OverlongPlanText {
  owner: 'plan' | 'axis' | 'fiche' | 'criterion';
  /** The fiche's or criterion's key, the axis's number; empty for the plan. */
  key: string;
  /** For a fiche's or a criterion's text, the fiche as the plan's messages name it (`ficheName`: « I.1 »). */
  fiche?: string;
  field: string;
  length: number;
}

/** A list's length as one cell shows it, its items joined by « ; » (the longest separator the layout uses). */
const joinedLength = (items: readonly string[]) => items.join(' ; ').length;

type Texts = Record<string, string | readonly string[]>;

function overlong(owner: OverlongPlanText['owner'], key: string, texts: Texts): OverlongPlanText | null {
  for (const [field, text] of Object.entries(texts)) {
    const length = typeof text === 'string' ? text.length : joinedLength(text);
    if (length > EXCEL_CELL_TEXT_LIMIT) return { owner, key, field, length };
  }
  return null;
}

/** The first text of the plan longer than a cell holds, in workbook order; null when all fit. */
export function firstOverlongPlanText(plan: Plan): OverlongPlanText | null {
  const { parties } = plan;
  const found =
    overlong('plan', '', {
      territory: plan.territory,
      caf: parties.caf,
      epci: parties.epci,
      communes: parties.communes.map((commune) => commune.name),
    }) ??
    plan.axes.reduce<OverlongPlanText | null>(
      (first, axis) =>
        first ?? overlong('axis', String(axis.number), { title: axis.title, objectives: axis.objectives }),
      null,
    );
  if (found) return found;
  for (const fiche of allFiches(plan)) {
    const inFiche = overlongInFiche(fiche);
    if (inFiche) return { ...inFiche, fiche: ficheName({ writtenRef: fiche.writtenRef ?? '', ref: fiche.ref }) };
  }
  return null;
}

/** The first text of a fiche, then of its criteria, longer than a cell holds; null when all fit. */
function overlongInFiche(fiche: Fiche): OverlongPlanText | null {
  const { title, interest, methodology, budget, context, publics, carriers, territories, fields, objectives } = fiche;
  const inFiche = overlong('fiche', fiche.key, {
    title,
    interest,
    methodology,
    budget,
    context,
    publics,
    carriers,
    territories,
    fields,
    objectives,
  });
  if (inFiche) return inFiche;
  for (const criterion of fiche.criteria) {
    const inCriterion = overlong('criterion', criterion.key, { text: criterion.text });
    if (inCriterion) return inCriterion;
  }
  return null;
}

/** The first row key (fiche or criterion) the plan gives twice; null when every key is its own. */
export function firstDuplicatedKey(plan: Plan): string | null {
  const seen = new Set<string>();
  for (const { key } of planKeyList(plan)) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return null;
}
