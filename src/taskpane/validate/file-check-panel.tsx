import { Body1, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { checkedExtractOf, validateGrids } from '../../app';
import { LiveStatus } from '../common/live-status';
import { LoadFailedBar } from '../common/load-failed-bar';
import { Section } from '../common/section';
import { useTask } from '../common/use-task';
import { readPickedXlsx } from '../files/read-picked-xlsx';
import { XlsxFilePicker } from '../files/xlsx-file-picker';
import { texts } from '../texts';
import { fileCheckLine, FileReport, type FileCheck } from './file-report';

const useStyles = makeStyles({
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  reports: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/**
 * Reads a picked file and validates it with the use case of `ctg-suivi validate`, and tells, as it does, a partner's
 * extract by what its `_ctg` says.
 */
async function checkFile(file: File, today: Date): Promise<FileCheck> {
  const read = await readPickedXlsx(file);
  if (!read.ok) return read;
  const report = await validateGrids(read.grids, { today });
  return { name: read.name, ok: true, report, extract: checkedExtractOf(read.grids) };
}

/**
 * « Vérifier un fichier… »: tracking workbooks received as files (a partner's return) checked without opening
 * them, one report each. `primary` when there is no open workbook to check (the pane outside Excel).
 */
export function FileCheckPanel({ today, primary }: { today: () => Date; primary: boolean }) {
  const styles = useStyles();
  const introId = useId();
  const [checks, run] = useTask<FileCheck[]>();

  const check = (files: File[]) => {
    const now = today();
    void run(async () => {
      const found: FileCheck[] = [];
      // One at a time: a file is read whole into memory, and several large ones together would add up.
      for (const file of files) found.push(await checkFile(file, now));
      return found;
    });
  };

  return (
    <Section title={texts.fileCheck.heading}>
      <Body1 id={introId}>{texts.fileCheck.intro}</Body1>
      <XlsxFilePicker
        label={texts.fileCheck.button}
        multiple
        primary={primary}
        busy={checks.phase === 'running'}
        describedBy={introId}
        onPick={check}
      />
      <LiveStatus className={styles.lines}>
        {checks.phase === 'running' && (
          <Field validationMessage={texts.fileCheck.running} validationState="none">
            <ProgressBar aria-label={texts.fileCheck.running} />
          </Field>
        )}
        {checks.phase === 'failed' && <LoadFailedBar />}
        {checks.phase === 'done' &&
          checks.result.map((found, index) => <Body1 key={index}>{fileCheckLine(found)}</Body1>)}
      </LiveStatus>
      {checks.phase === 'done' && (
        <div className={styles.reports}>
          {checks.result.map((found, index) => (
            <FileReport key={index} check={found} />
          ))}
        </div>
      )}
    </Section>
  );
}
