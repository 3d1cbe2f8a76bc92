/**
 * What to do about a cell the workbook holds from the plan (locked, rewritten from the plan by a regeneration): one
 * sentence for every message that says it.
 */
export const PLAN_CHANGED_BY_REGENERATION = 'Le plan se modifie par une régénération depuis la convention.';
