import { Body1, Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { ratesOf, type Bilan } from '../../app/bilan';
import { texts } from '../texts';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/**
 * What a bilan says, as `ctg-suivi bilan` prints it: its period and whether it is over, the plan's figures and each
 * axis's, the fiches per status at the period's end. The workbook holds the rest (each fiche, the AO table).
 */
export function BilanSummary({ bilan }: { bilan: Bilan }) {
  const styles = useStyles();
  const titleId = useId();
  const b = texts.bilan;
  const { period, plan } = bilan;
  return (
    <div className={styles.summary}>
      <Body1>{b.stateSentence(period, bilan.currentQuarter)}</Body1>
      <div>
        <Body1Strong as="h3" id={titleId}>
          {b.figuresHeading}
        </Body1Strong>
        <ul className={styles.list} aria-labelledby={titleId}>
          <li>{b.planLine(plan.fiches, ratesOf(plan))}</li>
          {bilan.axes.map((axis) => (
            <li key={axis.number}>{b.axisLine(axis.number, axis.title, axis.counts.fiches, ratesOf(axis.counts))}</li>
          ))}
        </ul>
      </div>
      <Body1>{b.statusLine(plan.statuses, plan.fiches, plan.fichesWithDifficulties)}</Body1>
    </div>
  );
}
