/** What the front ends call: use cases and the few domain helpers they display with. */
export { embeddedPlan, readPlanFromBytes, type PlanSourceResult, type PlanSourceError } from './plan-source';
export { renderMessage, type MessageCode, type MessageParams, type MessageSurface } from '../domain/messages';
export { planWarningDescriptions } from '../domain/messages/plan';
export { agree, countOf } from '../domain/messages/plural';
export { frenchDay, frenchNumber, frenchRate } from '../domain/messages/numbers';
export { documentKindName, HOW_TO_EXTRACT } from '../domain/messages/xlsx';
export { frenchDayAndTime } from '../domain/messages/paris-time';
export { afterColon } from '../domain/messages/after-colon';
export { shellWord } from '../domain/messages/shell-word';
export { outsideConvention, quarterLagSentence, quarterLagText } from '../domain/messages/quarter-outside';
export { unmatchedAdvice, unmatchedFichesText } from '../domain/messages/consolidation-unmatched';
export { leftOutFile } from '../domain/messages/consolidation';
export { finalBilanStep } from '../domain/messages/final-bilan-step';
export {
  conventionAhead,
  hasBegun,
  hasNoNextQuarter,
  lastQuarterOf,
  parseTypedQuarter,
  quarterEndAhead,
  quarterFirstDay,
  quartersOfPeriod,
  quarterLabel,
  quarterOfDate,
  type Quarter,
} from '../domain/periods';
export { serialToIsoDate } from '../domain/excel-dates';
export { calendarDayOf } from '../domain/calendar-day';
export { setSha256, type Sha256Hex } from '../domain/sha256';
export type { JournalValue } from '../domain/journal';
export { allFiches, type Plan, type PlanReading, type PlanWarning } from '../domain/plan';
export { closestName } from '../plan-text/closest-name';
export { parentKeyOf } from '../domain/tracking';
export { generateWorkbook, type GenerateSummary } from './generate';
export { validateGrids, validateWorkbook, type ValidationReport } from './validate';
export { checkedExtractOf, type CheckedExtract } from './checked-extract';
export { renderIssueMessage, renderIssueMessageFor, type Issue } from '../domain/issues';
export { conflictExplanation } from '../domain/messages/merge';
export { defaultWorkbookFileName } from './file-names';
export { isTrackingWorkbook, readWorkbookState, type WorkbookState, type WorkbookStateReading } from './workbook-state';
export { buildStateWorkbook, type StateWorkbook } from './write-state';
export { computeWorkbook, computeFigures, type ComputedFigures, type ComputeResult } from './compute';
export { readFigures, figuresOfGrids, type FiguresReading } from './read-figures';
export { figureSheets, isToolsRecordSheet, sheetListOnly, statusSheets } from './sheet-selections';
export { chooseQuarter, quarterChoiceCodes, type QuarterChoice, type QuarterChoiceRefusal } from './choose-quarter';
export { closeQuarter, type CloseQuarterResult, type CloseQuarterRefusal } from './close-quarter';
export { regenerateWorkbook, type RegenerateReport, type RegenerateResult } from './regenerate';
export {
  computeAndWrite,
  closeQuarterAndWrite,
  regenerateAndWrite,
  loadValidState,
  type QuarterChange,
  type RewriteOutcome,
} from './rewrite-use-cases';
export {
  coveringText,
  extractWorkbook,
  findWorkbookRecipient,
  recipientsOfWorkbook,
  extractWarnings,
  type ExtractOutcome,
  type WorkbookExtract,
} from './extract';
export { partiesOfState, recipientFichesOfState, sentValueOf, type SentCell } from './extract-values';
export { distinctExtractFileNames, extractFileName } from './file-names';
export { cellAddress } from '../layout/a1';
export { isSkipped } from '../domain/grid';
export { readExtractMeta, type ExtractMeta } from '../layout/sheets/ctg-meta/extract-meta';
export type { SentValue } from '../layout/sheets/ctg-meta/sent-values';
export {
  isActorKind,
  isMairieKind,
  listRecipients,
  recipientKey,
  recipientsOfRow,
  rowsOfRecipient,
  type Recipient,
  type RecipientKind,
} from '../domain/recipients';
export { mergeAndWrite, type MergeOptions, type MergeReport, type ReturnedFile } from './merge/merge-workbook';
export type { AppliedChange, ContributionKept, MergeConflict, MergeRejection } from './merge/merge-source';
export { undoLastMerge, lastMergeAt, hasMergeToUndo, cellsGivenBack, type UndoReport } from './merge/undo-merge';
export { givenTwiceAt } from './merge/given-twice';
export { parseTake, takeEntry, valueSlot, type AmbiguousTake } from './merge/take-choices';
export { holdsKeylessTable, holdsReturnedTable } from './merge/returned-table';
export { quotedJournalValue, quotedShort, shownName } from '../domain/messages/shown-cell-value';
export { cellLeftSinceMerge, type CellLeftSinceMerge } from '../domain/messages/undo-left';
export { groupedIssues, type GroupedLine } from '../domain/messages/grouped-issues';
export { isToolSheetName } from '../layout/tool-sheets';
