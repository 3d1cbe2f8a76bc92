import { Body1, Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ExcelFileActions } from '../../excel';
import { ExcelErrorBar } from '../common/excel-error-bar';
import { LiveStatus } from '../common/live-status';
import { useTask } from '../common/use-task';
import { texts } from '../texts';
import { saveAsDownload } from './save-download';

/** A file the pane produced: its name (as the command line names it) and its .xlsx bytes. */
export interface ProducedFile {
  name: string;
  bytes: Uint8Array;
}

const useStyles = makeStyles({
  output: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // One line per thing said (saved, then opened), not run together.
  said: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * Offers a produced file: « Enregistrer » (a download named as the file) and « Ouvrir dans Excel » (a new
 * workbook, where Excel has `createWorkbook`). Where downloads are lost (Excel for Mac), « Enregistrer » is not
 * offered and the pane says why. `primary`: the first action offered is the main action of the tab.
 */
export function FileOutput({
  file,
  actions,
  primary,
}: {
  file: ProducedFile;
  actions: ExcelFileActions;
  primary: boolean;
}) {
  const styles = useStyles();
  const [saved, setSaved] = useState(false);
  const [opening, runOpening] = useTask<void>();
  const canSave = !actions.downloadsBlocked();
  const canOpen = actions.canOpenInExcel();

  const save = () => {
    saveAsDownload(file.name, file.bytes);
    setSaved(true);
  };
  const open = () => void runOpening(() => actions.openInExcel(file.bytes));

  return (
    <div className={styles.output}>
      {!canSave && (
        <MessageBar intent={canOpen ? 'info' : 'warning'} layout="multiline">
          <MessageBarBody>{canOpen ? texts.files.downloadBlocked : texts.files.noOutput}</MessageBarBody>
        </MessageBar>
      )}
      {(canSave || canOpen) && (
        <div className={styles.actions}>
          {canSave && (
            <Button appearance={primary ? 'primary' : 'secondary'} onClick={save}>
              {texts.files.save}
            </Button>
          )}
          {canOpen && (
            <Button
              appearance={primary && !canSave ? 'primary' : 'secondary'}
              disabledFocusable={opening.phase === 'running'}
              onClick={open}
            >
              {texts.files.openInExcel}
            </Button>
          )}
        </div>
      )}
      <LiveStatus className={styles.said}>
        {saved && <Body1>{texts.files.saved(file.name)}</Body1>}
        {opening.phase === 'running' && <Body1>{texts.files.opening}</Body1>}
        {opening.phase === 'done' && <Body1>{texts.files.opened}</Body1>}
        {opening.phase === 'failed' && <ExcelErrorBar error={opening.error} />}
      </LiveStatus>
    </div>
  );
}
