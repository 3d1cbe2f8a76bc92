import { Body1, Button, Caption1, makeStyles, Radio, RadioGroup, Subtitle2, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import {
  conflictExplanation,
  groupedIssues,
  quotedJournalValue,
  type AppliedChange,
  type GroupedLine,
  type ContributionKept,
  type MergeConflict,
  type MergeRejection,
  type MergeReport,
} from '../../app';
import { texts } from '../texts';
import { conflictId, sameCellConflicts } from './merge-runs';
import { CellLink } from './cell-link';
import { issueText } from '../messages';

const useStyles = makeStyles({
  sources: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  source: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type Choices = ReadonlyMap<string, 'master' | 'incoming'>;

/** A line of the report about one master cell, with the link that selects it. */
function CellItem({
  line,
  at,
  onSelect,
}: {
  line: string;
  at: { sheet: string; cell: string | null };
  onSelect: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <li className={styles.item}>
      <span id={id}>{line}</span>
      <CellLink at={at} describedBy={id} onSelect={onSelect} />
    </li>
  );
}

const changeLine = (change: AppliedChange) =>
  texts.merge.changeLine(change.key, change.column, quotedJournalValue(change.old), quotedJournalValue(change.new));

const contributedLine = (kept: ContributionKept) =>
  texts.merge.contributedLine(kept.key, kept.column, quotedJournalValue(kept.value), quotedJournalValue(kept.kept));

/** A refusal or a note, or the line counting the others of its kind (the command line's words). */
const lineText = (line: GroupedLine<MergeRejection>) => ('item' in line ? issueText(line.item.issue) : line.more);

function ConflictItem({
  conflict,
  sameCell,
  choice,
  onChoose,
  onSelect,
  disabled,
}: {
  conflict: MergeConflict;
  /** The other files' conflicts whose value would go in the same cell: one of them only can be taken. */
  sameCell: readonly MergeConflict[];
  choice: 'master' | 'incoming';
  onChoose: (choice: 'master' | 'incoming') => void;
  onSelect: (sheet: string, cell: string) => void;
  disabled: boolean;
}) {
  const styles = useStyles();
  const id = useId();
  const { key, column } = conflict;
  return (
    <li className={styles.item}>
      <span id={id}>
        {texts.merge.conflictLine(
          key,
          column,
          quotedJournalValue(conflict.master),
          quotedJournalValue(conflict.incoming),
        )}
      </span>
      <Caption1>{texts.merge.why(conflictExplanation(conflict, quotedJournalValue, sameCell.length > 0))}</Caption1>
      <CellLink at={conflict} describedBy={id} onSelect={onSelect} />
      <Caption1>{texts.merge.returnedAt(conflict.returned.sheet, conflict.returned.cell)}</Caption1>
      {sameCell.length > 0 && (
        <Caption1>
          {texts.merge.oneValueOfSeveral(
            [conflict, ...sameCell].map((other) => ({
              value: quotedJournalValue(other.incoming),
              file: other.source,
            })),
          )}
        </Caption1>
      )}
      <RadioGroup
        aria-label={texts.merge.choiceLabel(key, column, sameCell.length > 0 ? conflict.source : null)}
        value={choice}
        disabled={disabled}
        onChange={(_, data) => onChoose(data.value === 'incoming' ? 'incoming' : 'master')}
      >
        <Radio value="master" label={texts.merge.keep} />
        <Radio value="incoming" label={texts.merge.take} />
      </RadioGroup>
    </li>
  );
}

/**
 * What a merge would do (or did), source by source: the changes, the values taken that leave their cell as it was
 * (the partners' aggregate unchanged, in the command line's words) and the conflicts, each with a link to the
 * master's cell, a choice per conflict (keep by default) and « Tout prendre » / « Tout garder » per file; what is
 * not taken and the remarks, each saying its place in the returned file. `choices` absent: a report of what was
 * done, without choices.
 */
export function MergePreview({
  report,
  choices,
  onChoose,
  onSelect,
  disabled = false,
}: {
  report: MergeReport;
  choices?: Choices;
  onChoose?: (ids: readonly string[], choice: 'master' | 'incoming') => void;
  onSelect: (sheet: string, cell: string) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  return (
    <div className={styles.sources}>
      {report.sources.map(({ source, partner }) => {
        const applied = report.applied.filter((change) => change.source === source);
        const contributed = report.contributed.filter((kept) => kept.source === source);
        const conflicts = report.conflicts.filter((conflict) => conflict.source === source);
        const rejected = report.rejected.filter((rejection) => rejection.source === source);
        const notes = report.notes.filter((note) => note.source === source);
        const ids = conflicts.map(conflictId);
        return (
          <article key={source} className={styles.source} aria-label={source}>
            <Subtitle2 as="h3" className={styles.name}>
              {texts.merge.sourceHeading(source, partner)}
            </Subtitle2>
            {applied.length > 0 && (
              <>
                <Body1 as="h4">{texts.merge.changes}</Body1>
                <ul className={styles.list}>
                  {applied.map((change) => (
                    <CellItem
                      key={`${change.key}:${change.field}`}
                      line={changeLine(change)}
                      at={change}
                      onSelect={onSelect}
                    />
                  ))}
                </ul>
              </>
            )}
            {contributed.length > 0 && (
              <>
                <Body1 as="h4">{texts.merge.contributed}</Body1>
                <ul className={styles.list}>
                  {contributed.map((kept) => (
                    <CellItem
                      key={`${kept.key}:${kept.field}`}
                      line={contributedLine(kept)}
                      at={kept}
                      onSelect={onSelect}
                    />
                  ))}
                </ul>
              </>
            )}
            {conflicts.length > 0 && choices && onChoose && (
              <>
                <Body1 as="h4">{texts.merge.conflicts}</Body1>
                {conflicts.length > 0 && (
                  <div className={styles.actions}>
                    <Button disabledFocusable={disabled} onClick={() => onChoose(ids, 'incoming')}>
                      {texts.merge.takeAll}
                    </Button>
                    <Button disabledFocusable={disabled} onClick={() => onChoose(ids, 'master')}>
                      {texts.merge.keepAll}
                    </Button>
                  </div>
                )}
                <ul className={styles.list}>
                  {conflicts.map((conflict) => (
                    <ConflictItem
                      key={conflictId(conflict)}
                      conflict={conflict}
                      sameCell={sameCellConflicts(conflict, report.conflicts)}
                      choice={choices.get(conflictId(conflict)) ?? 'master'}
                      onChoose={(choice) => onChoose([conflictId(conflict)], choice)}
                      onSelect={onSelect}
                      disabled={disabled}
                    />
                  ))}
                </ul>
              </>
            )}
            {rejected.length > 0 && (
              <>
                <Body1 as="h4">{texts.merge.rejected}</Body1>
                <ul className={styles.list}>
                  {groupedIssues(rejected).map((line, index) => (
                    <li key={index}>{lineText(line)}</li>
                  ))}
                </ul>
              </>
            )}
            {notes.length > 0 && (
              <>
                <Body1 as="h4">{texts.merge.notes}</Body1>
                <ul className={styles.list}>
                  {groupedIssues(notes).map((line, index) => (
                    <li key={index}>{lineText(line)}</li>
                  ))}
                </ul>
              </>
            )}
          </article>
        );
      })}
    </div>
  );
}
