import { ConfirmDialog } from '../common/confirm-dialog';
import { texts } from '../texts';

/** Asks before rebuilding a workbook that already holds a tracking workbook, and says values are kept by key. */
export function RegenerateDialog(props: { open: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog
      {...props}
      title={texts.generate.existingTitle}
      body={texts.generate.existingBody}
      confirmLabel={texts.generate.existingConfirm}
    />
  );
}
