import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { explainExcelError } from '../../excel';
import { texts } from '../texts';

/**
 * An error met while talking to Excel, explained in French with what to do (src/excel's catalogue), then what it
 * left in the open workbook when the back end can tell: nothing changed, put back as it was, or maybe changed.
 */
export function ExcelErrorBar({ error }: { error: unknown }) {
  const { message, workbook } = explainExcelError(error);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{texts.excelErrorTitle}</MessageBarTitle>
        {message}
        {workbook && ` ${workbook}`}
      </MessageBarBody>
    </MessageBar>
  );
}
