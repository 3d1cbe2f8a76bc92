import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { isToolsRecordSheet } from '../../app';
import type { SelectedCell } from '../../excel';
import { texts } from '../texts';
import type { WorkbookAccess } from '../workbook-access';
import { ExcelErrorBar } from './excel-error-bar';
import { useTask } from './use-task';

/**
 * « Aller à » a cell, as every list of issues or cells offers it: `select` shows the cell in Excel; `status` says what
 * the pane has to (Excel's refusal explained, or a hidden sheet shown to reach the cell), for the panel's live lines.
 */
export function useCellSelection(workbook: WorkbookAccess | null): {
  select: (sheet: string, cell: string) => void;
  status: ReactNode;
} {
  const [selection, runSelection] = useTask<SelectedCell>();
  const select = (sheet: string, cell: string) => {
    if (workbook) void runSelection(() => workbook.select(sheet, cell));
  };
  const shown = selection.phase === 'done' ? selection.result.shownSheet : null;
  const status =
    selection.phase === 'failed' ? (
      <ExcelErrorBar error={selection.error} />
    ) : shown !== null ? (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{texts.validate.sheetShown(shown, isToolsRecordSheet(shown))}</MessageBarBody>
      </MessageBar>
    ) : null;
  return { select, status };
}
