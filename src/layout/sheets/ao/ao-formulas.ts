import { LOWER_THRESHOLD, RPE_REQUIRED_FROM, UPPER_THRESHOLD } from '../../../domain/ao-requirements';
import { quarterIndex } from '../../../domain/periods';
import type { AoCompetence } from '../../../domain/plan';
import { absoluteAddress, cellAddress } from '../../a1';
import { AO_DECLARED_ROW, AO_FILLED_SUM_ROW, aoColumnNumber, aoCompetenceOrder, type AoColumnId } from './ao-layout';
import { CURRENT_QUARTER_NAME } from '../settings/settings-layout';
import { aoTexts } from '../../texts';

/**
 * The formulas of `Compétences AO`, built from the column definitions (never typed addresses). They say what
 * src/domain/ao-requirements.ts says, with functions every engine computes alike (IF, AND, OR, ISNUMBER, INT,
 * SUMIFS, SUMPRODUCT over masks): "Oui", "Non", "À renseigner" where the domain says true, false, null.
 */

/** A text as a formula literal. */
const literal = (text: string) => `"${text.replace(/"/g, '""')}"`;
const YES = literal(aoTexts.yes);
const NO = literal(aoTexts.no);
const UNKNOWN = literal(aoTexts.unknown);
const NOT_APPLICABLE = literal(aoTexts.notApplicable);
const BY_ALL = literal(aoTexts.holders.transferredByAll);
const BY_SOME = literal(aoTexts.holders.transferredBySome);
const COMMUNE = literal(aoTexts.holders.commune);

/** Where the data rows are: the EPCI rows come first, then the commune rows. */
export interface AoFormulaFrame {
  /** First and last row of the commune rows; null when there is none. */
  communes: { first: number; last: number } | null;
  /** Row of the per-competence transferred populations. */
  transferredRow: number;
}

const at = (row: number, id: AoColumnId) => cellAddress(row, aoColumnNumber(id));
const fixed = (row: number, id: AoColumnId) => absoluteAddress(row, aoColumnNumber(id));
const communeRange = (frame: AoFormulaFrame, id: AoColumnId) =>
  frame.communes ? `${fixed(frame.communes.first, id)}:${fixed(frame.communes.last, id)}` : null;

const DECLARED = fixed(AO_DECLARED_ROW, 'population');
const FILLED_SUM = fixed(AO_FILLED_SUM_ROW, 'population');

/** TRUE when the cell holds a whole number ≥ 0 (a population the domain reads); never an error. */
function knownPopulation(ref: string): string {
  return `IF(ISNUMBER(${ref}),AND(${ref}>=0,${ref}=INT(${ref})),FALSE())`;
}

function populationOrUnknown(ref: string): string {
  return `IF(${knownPopulation(ref)},${ref},${UNKNOWN})`;
}

const declaredOrUnknown = () => populationOrUnknown(DECLARED);

/** 1 for each commune row that transferred the competence, else 0 (an array). */
function transferredMask(range: string): string {
  return `((${range}=${BY_ALL})+(${range}=${BY_SOME}))`;
}

/** 1 for each commune row that transferred at least one competence (an array). */
function transferredAnyMask(frame: AoFormulaFrame): string {
  const sum = aoCompetenceOrder.map((c) => transferredMask(communeRange(frame, `holder:${c}`)!)).join('+');
  return `((${sum})>0)`;
}

/** `Population retenue` of a commune row: its own population when it is a whole number ≥ 0. */
export function communeBasisFormula(row: number): string {
  return populationOrUnknown(at(row, 'population'));
}

/**
 * `Population retenue` of an EPCI row: the total population of the communes that transferred at least one
 * competence when all of them are filled, else the declared total.
 */
export function epciBasisFormula(frame: AoFormulaFrame): string {
  if (!frame.communes) return declaredOrUnknown();
  const mask = transferredAnyMask(frame);
  const count = `SUMPRODUCT(${mask}*1)`;
  const known = `SUMPRODUCT(${mask}*ISNUMBER(${communeRange(frame, 'basis')}))`;
  return `IF(AND(${count}>0,${known}=${count}),${FILLED_SUM},${declaredOrUnknown()})`;
}

/** Per competence, the population the EPCI is measured by (the transferred row under the table). */
export function transferredPopulationFormula(frame: AoFormulaFrame, competence: AoCompetence): string {
  if (!frame.communes) return declaredOrUnknown();
  const holders = communeRange(frame, `holder:${competence}`)!;
  const basis = communeRange(frame, 'basis')!;
  const mask = transferredMask(holders);
  const count = `SUMPRODUCT(${mask}*1)`;
  const known = `SUMPRODUCT(${mask}*ISNUMBER(${basis}))`;
  const sum = `SUMIFS(${basis},${holders},${BY_ALL})+SUMIFS(${basis},${holders},${BY_SOME})`;
  return `IF(AND(${count}>0,${known}=${count}),${sum},${declaredOrUnknown()})`;
}

/** Sum of the filled populations of the communes that transferred at least one competence. */
export function filledSumFormula(frame: AoFormulaFrame): string {
  if (!frame.communes) return '0';
  return `SUMPRODUCT(${transferredAnyMask(frame)}*1,${communeRange(frame, 'basis')})`;
}

/** `Oui` / `Non` / `À renseigner` / `Sans objet`: whether the filled populations add up to the declared total. */
export function populationCheckFormula(frame: AoFormulaFrame): string {
  if (!frame.communes) return NOT_APPLICABLE;
  const mask = transferredAnyMask(frame);
  const count = `SUMPRODUCT(${mask}*1)`;
  const known = `SUMPRODUCT(${mask}*ISNUMBER(${communeRange(frame, 'basis')}))`;
  return (
    `IF(OR(NOT(${knownPopulation(DECLARED)}),${count}=0),${NOT_APPLICABLE},` +
    `IF(${FILLED_SUM}>${DECLARED},${NO},IF(${known}<${count},${UNKNOWN},IF(${FILLED_SUM}=${DECLARED},${YES},${NO}))))`
  );
}

/** The conditions "the row exercises the competence" and "the row does not" (neither: unknown holder). */
function exercises(row: number, isEpci: boolean, competence: AoCompetence): { yes: string; no: string } {
  const holder = at(row, `holder:${competence}`);
  const transferred = `OR(${holder}=${BY_ALL},${holder}=${BY_SOME})`;
  const kept = `${holder}=${COMMUNE}`;
  return isEpci ? { yes: transferred, no: kept } : { yes: kept, no: transferred };
}

/** The population a row's threshold for a competence is read against. */
function basisRef(row: number, isEpci: boolean, competence: AoCompetence, frame: AoFormulaFrame): string {
  return isEpci ? at(frame.transferredRow, `holder:${competence}`) : at(row, 'basis');
}

/** Required when exercised and the population is strictly above the threshold. */
function aboveFormula(
  row: number,
  isEpci: boolean,
  competence: AoCompetence,
  threshold: number,
  frame: AoFormulaFrame,
): string {
  const { yes, no } = exercises(row, isEpci, competence);
  const basis = basisRef(row, isEpci, competence, frame);
  return `IF(${no},${NO},IF(AND(${yes},ISNUMBER(${basis})),IF(${basis}>${threshold},${YES},${NO}),${UNKNOWN}))`;
}

/** Whether the current quarter (Paramètres) is on or after the quarter the RPE obligation starts. */
function rpeInForce(): string {
  const q = CURRENT_QUARTER_NAME;
  return `LEFT(${q},4)*4+RIGHT(${q},1)-1>=${quarterIndex(RPE_REQUIRED_FROM)}`;
}

export type AoRequiredColumn = 'identify' | 'inform' | 'plan' | 'quality' | 'schema' | 'rpe';

/** `Requis : …` of a row. */
export function requiredFormula(
  row: number,
  isEpci: boolean,
  requirement: AoRequiredColumn,
  frame: AoFormulaFrame,
): string {
  switch (requirement) {
    case 'identify':
    case 'inform': {
      const { yes, no } = exercises(row, isEpci, requirement);
      return `IF(${yes},${YES},IF(${no},${NO},${UNKNOWN}))`;
    }
    case 'plan':
    case 'quality':
      return aboveFormula(row, isEpci, requirement, LOWER_THRESHOLD, frame);
    case 'schema':
      return aboveFormula(row, isEpci, 'plan', UPPER_THRESHOLD, frame);
    case 'rpe':
      // An unreadable current quarter leaves the RPE obligation unknown.
      return `IFERROR(IF(${rpeInForce()},${aboveFormula(row, isEpci, 'quality', UPPER_THRESHOLD, frame)},${NO}),${UNKNOWN})`;
  }
}

/** `… : obligation remplie`: whether a required schéma or RPE exists. */
export function metFormula(row: number, obligation: 'schema' | 'rpe'): string {
  const required = at(row, `required:${obligation}`);
  const exists = at(row, obligation === 'schema' ? 'schemaExists' : 'rpeExists');
  return (
    `IF(${required}=${YES},IF(${exists}=${YES},${YES},IF(${exists}=${NO},${NO},${UNKNOWN})),` +
    `IF(${required}=${NO},${NOT_APPLICABLE},${UNKNOWN}))`
  );
}
