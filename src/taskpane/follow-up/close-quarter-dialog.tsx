import { ConfirmDialog } from '../common/confirm-dialog';
import { texts } from '../texts';

/**
 * Asks before closing the current quarter (its states go to Historique and Q moves on). A quarter not over yet
 * (`endsOn`, its last day) may be closed, for a COPIL held before its end, but the dialog says so first and asks for
 * that very action, as the note after the closing says it again.
 */
export function CloseQuarterDialog(props: {
  open: boolean;
  quarter: string;
  endsOn: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { endsOn, ...rest } = props;
  const early = endsOn === null ? '' : ` ${texts.followUp.closeBeforeEnd(props.quarter, endsOn)}`;
  return (
    <ConfirmDialog
      {...rest}
      title={texts.followUp.closeTitle(props.quarter)}
      body={`${texts.followUp.closeBody}${early}`}
      confirmLabel={endsOn === null ? texts.followUp.closeConfirm : texts.followUp.closeConfirmEarly}
    />
  );
}
