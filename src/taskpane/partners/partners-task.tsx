import { useState } from 'react';
import type { ExcelFileActions } from '../../excel';
import type { WorkbookAccess } from '../workbook-access';
import { ExtractPanel } from './extract-panel';
import { MergePanel } from './merge-panel';
import { UndoMergePanel } from './undo-merge-panel';

/**
 * « Partenaires »: extracts to send, the returns merged, the last merge undone. The merge this pane wrote is
 * remembered, so that « Annuler la dernière fusion » can name it before undoing it.
 */
export function PartnersTask({
  workbook,
  sheets,
  today,
  files,
  onWritten,
}: {
  workbook: WorkbookAccess;
  sheets: readonly string[];
  today: () => Date;
  files: ExcelFileActions;
  onWritten: () => void;
}) {
  const [lastMerge, setLastMerge] = useState<{ at: Date; files: string[] } | null>(null);
  // Once a merge is undone, what the merge panel had chosen or previewed is forgotten: it starts afresh.
  const [undone, setUndone] = useState(0);
  return (
    <>
      <ExtractPanel workbook={workbook} sheets={sheets} today={today} files={files} />
      <MergePanel
        key={undone}
        workbook={workbook}
        sheets={sheets}
        today={today}
        onMerged={(merge) => {
          setLastMerge(merge);
          onWritten();
        }}
      />
      <UndoMergePanel
        workbook={workbook}
        sheets={sheets}
        today={today}
        lastMerge={lastMerge}
        onUndone={() => {
          setLastMerge(null);
          setUndone((count) => count + 1);
          onWritten();
        }}
      />
    </>
  );
}
