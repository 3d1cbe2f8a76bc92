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

/** Asks before closing the current quarter (its states go to Historique and Q moves on). */
export function CloseQuarterDialog({
  open,
  quarter,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  quarter: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{texts.followUp.closeTitle(quarter)}</DialogTitle>
          <DialogContent>{texts.followUp.closeBody}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {texts.followUp.closeConfirm}
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
