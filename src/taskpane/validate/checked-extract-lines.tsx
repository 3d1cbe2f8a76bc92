import { Body1, makeStyles } from '@fluentui/react-components';
import type { CheckedExtract } from '../../app';
import { messageText } from '../messages';

const useStyles = makeStyles({ name: { overflowWrap: 'anywhere' } });

/**
 * What a check says first of a partner's extract, in the words `ctg-suivi validate` prints (the catalogue's, for the
 * pane): whose it is, made when and from which workbook, what the check looks at in it and how to see what a merge
 * would take. `openWorkbook`: the extract checked is the workbook open in Excel (« Vérifier le classeur »), not a
 * picked file (« Vérifier un fichier… »).
 */
export function CheckedExtractLines({ extract, openWorkbook }: { extract: CheckedExtract; openWorkbook: boolean }) {
  const styles = useStyles();
  const params = { ...extract, checked: openWorkbook ? 'open-workbook' : 'file' };
  return (
    <>
      <Body1 className={styles.name}>{messageText('checked-file-is-extract', params)}</Body1>
      <Body1>{messageText('checked-extract-scope', params)}</Body1>
    </>
  );
}
