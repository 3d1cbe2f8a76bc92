import { Body1, Button, Field, makeStyles, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { type WorkbookExtract } from '../../app';
import type { ExcelFileActions } from '../../excel';
import { LiveStatus } from '../common/live-status';
import { FileOutput, type ProducedFile } from '../files/file-output';
import { texts } from '../texts';
import { issueText } from '../messages';

const useStyles = makeStyles({
  extract: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
  action: { alignSelf: 'flex-start', maxWidth: '100%' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** Copies a text where the host lets the pane write the clipboard; false where it does not (the text stays to select). */
async function copyText(text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard?.writeText) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * One recipient's extract: its file (« Enregistrer », « Ouvrir dans Excel ») named as the command line names it,
 * the e-mail's text in a read-only area with « Copier le texte », and what to check before sending it.
 */
export function ExtractOutput({
  extract,
  file,
  actions,
}: {
  extract: WorkbookExtract;
  file: ProducedFile;
  actions: ExcelFileActions;
}) {
  const styles = useStyles();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => void copyText(extract.coveringText).then(setCopied);
  return (
    <article className={styles.extract} aria-label={extract.recipient.name}>
      <Subtitle2 as="h3" className={styles.name}>
        {extract.recipient.name}
      </Subtitle2>
      <Body1 className={styles.name}>{texts.files.produced(file.name)}</Body1>
      <Body1>{texts.extract.summary(extract.fiches, extract.rows, extract.quarter)}</Body1>
      <FileOutput file={file} actions={actions} primary={false} />
      <Field label={texts.extract.textLabel(extract.recipient.name)}>
        <Textarea readOnly resize="vertical" rows={8} value={extract.coveringText} />
      </Field>
      <Button className={styles.action} appearance="secondary" onClick={copy}>
        {texts.extract.copy}
      </Button>
      <LiveStatus>
        {copied === true && <Body1>{texts.extract.copied}</Body1>}
        {copied === false && <Body1>{texts.extract.copyByHand}</Body1>}
      </LiveStatus>
      {extract.warnings.length > 0 && (
        <>
          <Body1>{texts.extract.warnings}</Body1>
          <ul className={styles.list}>
            {extract.warnings.map((issue, index) => (
              <li key={index}>{issueText(issue)}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
