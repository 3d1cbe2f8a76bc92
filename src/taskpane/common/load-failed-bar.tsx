import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { texts } from '../texts';

/**
 * A part of the pane loaded on demand (the .xlsx reader or writer) did not arrive, or failed: what to do, in
 * French. The error itself is in the console (useTask logs it).
 */
export function LoadFailedBar() {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{texts.loadFailed}</MessageBarBody>
    </MessageBar>
  );
}
