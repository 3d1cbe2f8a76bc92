import { Button, Field, makeStyles, Radio, RadioGroup, Text, Textarea, tokens } from '@fluentui/react-components';
import { useId, useState, type ChangeEvent } from 'react';
import { embeddedPlan, readPlanFromBytes, type PlanSourceResult } from '../../app';
import { texts } from '../texts';
import { readFileBytes } from '../common/read-file-bytes';

type SourceKind = 'embedded' | 'paste' | 'file';

/** What the picker hands up: a plan read (or not) from the chosen source, or a local problem (empty text, file). */
export type PlanChoice = { kind: 'result'; result: PlanSourceResult } | { kind: 'problem'; message: string } | null;

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  radio: { minWidth: 0, '& label': { overflowWrap: 'anywhere' } },
  textarea: { width: '100%' },
  action: { alignSelf: 'flex-start' },
  file: { maxWidth: '100%', overflowWrap: 'anywhere' },
});

/** The three ways to give a plan: the embedded one, a pasted convention text, or a file (.txt or plan .json). */
export function PlanSourcePicker({ onChoice }: { onChoice: (choice: PlanChoice) => void }) {
  const styles = useStyles();
  const [kind, setKind] = useState<SourceKind | null>(null);
  const [text, setText] = useState('');
  const fileInputId = useId();
  const fileHintId = useId();

  const choose = (next: SourceKind) => {
    setKind(next);
    onChoice(
      next === 'embedded'
        ? { kind: 'result', result: { ok: true, reading: embeddedPlan(), origin: 'embedded' } }
        : null,
    );
  };

  const readText = () => {
    if (text.trim() === '') onChoice({ kind: 'problem', message: texts.plan.emptyText });
    else onChoice({ kind: 'result', result: readPlanFromBytes(new TextEncoder().encode(text)) });
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      onChoice({ kind: 'result', result: readPlanFromBytes(await readFileBytes(file)) });
    } catch {
      onChoice({ kind: 'problem', message: texts.plan.fileUnreadable });
    }
  };

  return (
    <div className={styles.picker}>
      <Field label={texts.plan.sourceLabel}>
        <RadioGroup value={kind ?? ''} onChange={(_, data) => choose(data.value as SourceKind)}>
          <Radio className={styles.radio} value="embedded" label={texts.plan.embedded} />
          <Radio className={styles.radio} value="paste" label={texts.plan.paste} />
          <Radio className={styles.radio} value="file" label={texts.plan.file} />
        </RadioGroup>
      </Field>
      {kind === 'paste' && (
        <>
          <Field label={texts.plan.textareaLabel} hint={texts.plan.textareaHint}>
            <Textarea
              className={styles.textarea}
              resize="vertical"
              rows={6}
              value={text}
              onChange={(_, data) => setText(data.value)}
            />
          </Field>
          <Button className={styles.action} appearance="secondary" onClick={readText}>
            {texts.plan.readText}
          </Button>
        </>
      )}
      {kind === 'file' && (
        <>
          <label htmlFor={fileInputId}>
            <Text weight="semibold">{texts.plan.fileLabel}</Text>
          </label>
          <input
            id={fileInputId}
            className={styles.file}
            type="file"
            accept=".txt,.json,text/plain,application/json"
            aria-describedby={fileHintId}
            onChange={(event) => void readFile(event)}
          />
          <Text id={fileHintId} size={200}>
            {texts.plan.fileHint}
          </Text>
        </>
      )}
    </div>
  );
}
