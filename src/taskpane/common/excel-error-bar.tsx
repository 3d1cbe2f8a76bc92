import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { explainExcelError } from '../../excel';
import { texts } from '../texts';

/** An error met while talking to Excel, explained in French with what to do (src/excel's catalogue). */
export function ExcelErrorBar({ error }: { error: unknown }) {
  const { message } = explainExcelError(error);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{texts.excelErrorTitle}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
