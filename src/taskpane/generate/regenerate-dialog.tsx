import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { texts } from '../texts';

/** Asks before rebuilding a workbook that already holds a tracking workbook, and says values are kept by key. */
export function RegenerateDialog({
  open,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{texts.generate.existingTitle}</DialogTitle>
          <DialogContent>{texts.generate.existingBody}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {texts.generate.existingConfirm}
            </Button>
            <Button appearance="secondary" onClick={onCancel}>
              {texts.generate.existingCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
