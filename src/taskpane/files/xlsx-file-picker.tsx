import { Button, makeStyles } from '@fluentui/react-components';
import { useRef, type ChangeEvent, type Ref } from 'react';
import { XLSX_MIME_TYPE } from './save-download';

const useStyles = makeStyles({
  action: { alignSelf: 'flex-start', maxWidth: '100%' },
  // The browser's own file field is not shown: the button opens it, and is what the keyboard reaches.
  input: { display: 'none' },
});

/**
 * What a picker offers: .xlsx by its extension and by its type (some systems give only one of the two), and the .ods
 * and .xls a partner or a territory may have saved instead. The pane reads .xlsx only (the command line converts the
 * others with LibreOffice, which a browser has not): offered in the dialog, such a file can be picked, and the reader's
 * message then says how to save it as .xlsx, where hidden from the dialog it would leave the person looking for it.
 */
const XLSX_ACCEPT = [
  '.xlsx',
  XLSX_MIME_TYPE,
  '.ods',
  'application/vnd.oasis.opendocument.spreadsheet',
  '.xls',
  'application/vnd.ms-excel',
].join(',');

/**
 * A button that opens the system's file dialog for .xlsx files (several when `multiple`; .ods and .xls offered too,
 * above) and hands up what was picked. Reading the files is the caller's (readPickedXlsx), so that it shows the progress and the outcome where
 * they belong. The same file can be picked again: the field is emptied after each choice.
 */
export function XlsxFilePicker({
  label,
  multiple = false,
  primary = false,
  busy = false,
  describedBy,
  buttonRef,
  onPick,
}: {
  label: string;
  multiple?: boolean;
  primary?: boolean;
  /** While the files picked last are read: the button stays focusable but does nothing. */
  busy?: boolean;
  /** The id of the text that says what to pick. */
  describedBy?: string;
  /** The button, for a caller that brings focus back to it. */
  buttonRef?: Ref<HTMLButtonElement>;
  onPick: (files: File[]) => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length > 0) onPick(files);
  };
  return (
    <>
      <Button
        className={styles.action}
        appearance={primary ? 'primary' : 'secondary'}
        disabledFocusable={busy}
        aria-describedby={describedBy}
        ref={buttonRef}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept={XLSX_ACCEPT}
        multiple={multiple}
        tabIndex={-1}
        aria-hidden="true"
        onChange={picked}
      />
    </>
  );
}
