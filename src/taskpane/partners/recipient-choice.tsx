import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { Recipient, RecipientKind } from '../../app';
import { texts } from '../texts';

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  group: {
    display: 'flex',
    flexDirection: 'column',
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  all: { fontStyle: 'italic' },
});

/** One recipient's identity in the pane's choices: its kind and its name. */
export const recipientId = (recipient: Recipient) => `${recipient.kind}:${recipient.name}`;

const kindOrder: RecipientKind[] = ['partner', 'commune', 'carrier'];

/**
 * The recipients of the open workbook by kind (partners, communes, porteurs), a checkbox each and « Tout cocher »
 * per kind (mixed when some are ticked). Native checkboxes in a fieldset named by its kind, so that a screen reader
 * says which « Tout cocher » it is on.
 */
export function RecipientChoice({
  recipients,
  ticked,
  onChange,
  disabled,
}: {
  recipients: readonly Recipient[];
  ticked: ReadonlySet<string>;
  onChange: (ticked: Set<string>) => void;
  disabled: boolean;
}) {
  const styles = useStyles();
  const set = (ids: readonly string[], on: boolean) => {
    const next = new Set(ticked);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };
  return (
    <div className={styles.groups}>
      {kindOrder.map((kind) => {
        const ofKind = recipients.filter((recipient) => recipient.kind === kind);
        if (ofKind.length === 0) return null;
        const ids = ofKind.map(recipientId);
        const count = ids.filter((id) => ticked.has(id)).length;
        const all = count === 0 ? false : count === ids.length ? true : 'mixed';
        return (
          <fieldset key={kind} className={styles.group}>
            <legend className={styles.legend}>{texts.extract.kinds[kind]}</legend>
            {ofKind.length > 1 && (
              <Checkbox
                className={styles.all}
                label={texts.extract.all}
                checked={all}
                disabled={disabled}
                onChange={(_, data) => set(ids, data.checked === true)}
              />
            )}
            {ofKind.map((recipient) => {
              const id = recipientId(recipient);
              return (
                <Checkbox
                  key={id}
                  label={recipient.name}
                  checked={ticked.has(id)}
                  disabled={disabled}
                  onChange={(_, data) => set([id], data.checked === true)}
                />
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
