import { ConfirmDialog } from '../common/confirm-dialog';
import { texts } from '../texts';

/** Asks before closing the current quarter (its states go to Historique and Q moves on). */
export function CloseQuarterDialog(props: {
  open: boolean;
  quarter: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      {...props}
      title={texts.followUp.closeTitle(props.quarter)}
      body={texts.followUp.closeBody}
      confirmLabel={texts.followUp.closeConfirm}
    />
  );
}
